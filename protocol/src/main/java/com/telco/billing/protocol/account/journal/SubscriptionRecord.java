package com.telco.billing.protocol.account.journal;

import com.telco.billing.protocol.journal.ServiceIdRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription in the account's snapshot: its identifiers and every recorded change, oldest
 * first.
 */
public record SubscriptionRecord(
    String subscriptionId,
    List<ServiceIdRecord> serviceIds,
    LocalDate activationDate,
    List<StatusChange> history) {

  public SubscriptionRecord {
    serviceIds = List.copyOf(serviceIds);
    history = List.copyOf(history);
  }

  /**
   * One recorded change.
   *
   * @param kind {@code ACTIVATED}, {@code SUSPENDED}, {@code RESUMED}, {@code OFFERING_CHANGED} or
   *     {@code TERMINATED}
   * @param status the status from {@code effectiveDate} on
   * @param offeringId the offering from {@code effectiveDate} on
   */
  public record StatusChange(
      LocalDate effectiveDate, String kind, String status, String offeringId) {}
}
