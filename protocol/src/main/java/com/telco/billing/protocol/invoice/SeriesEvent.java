package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/** Events of an invoice number series. */
public sealed interface SeriesEvent extends CborSerializable
    permits SeriesEvent.NumbersAssigned, SeriesEvent.NumbersConfirmed {

  /** Sequence numbers were handed out, the next ones of the series, in order. */
  record NumbersAssigned(List<Assignment> assignments) implements SeriesEvent {}

  /** The invoices of these keys were issued: the keys are forgotten. */
  record NumbersConfirmed(List<String> keys) implements SeriesEvent {}

  /** A request key and its sequence number. */
  record Assignment(String key, long sequence) {}
}
