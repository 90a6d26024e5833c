package com.telco.billing.protocol.account.journal;

import com.telco.billing.protocol.journal.ServiceIdRecord;
import java.time.LocalDate;
import java.util.List;

/** A subscription's activation as fulfilment reported it, in the journal. */
public record ActivationRecord(
    String subscriptionId,
    String offeringId,
    List<ServiceIdRecord> serviceIds,
    LocalDate activationDate) {
  public ActivationRecord {
    serviceIds = List.copyOf(serviceIds);
  }
}
