package com.telco.billing.protocol.invoice.journal;

import com.telco.billing.protocol.CborSerializable;
import java.util.Map;

/**
 * A snapshot of an invoice number series. Version 1 was the series' state itself ({@code
 * InvoiceSeriesEntity$State}), of the same shape.
 *
 * @param last the last sequence number handed out (0 before the first)
 * @param pending the request keys whose invoices are not confirmed yet, with their numbers
 */
public record SeriesSnapshot(long last, Map<String, Long> pending) implements CborSerializable {
  public SeriesSnapshot {
    pending = Map.copyOf(pending);
  }
}
