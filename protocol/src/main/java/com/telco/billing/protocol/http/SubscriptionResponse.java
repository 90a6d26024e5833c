package com.telco.billing.protocol.http;

import com.telco.billing.core.subscription.StatusChange;
import com.telco.billing.core.subscription.Subscription;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription in the HTTP API (TMF637 Product-like): its service identifiers, activation date,
 * status and offering today (in the account's zone), and its whole status history.
 */
public record SubscriptionResponse(
    String subscriptionId,
    String offeringId,
    String status,
    LocalDate activationDate,
    LocalDate terminationDate,
    List<ServiceIdJson> serviceIds,
    List<StatusHistoryEntry> statusHistory,
    boolean barred) {

  /** A service identifier: {@code MSISDN} or {@code IMSI} and its canonical value. */
  public record ServiceIdJson(String type, String value) {}

  /** One entry of the history: from {@code effectiveDate}, this status and offering. */
  public record StatusHistoryEntry(
      LocalDate effectiveDate, String change, String status, String offeringId) {
    static StatusHistoryEntry from(StatusChange change) {
      return new StatusHistoryEntry(
          change.effectiveDate(),
          change.kind().name(),
          change.status().name(),
          change.offeringId());
    }
  }

  /**
   * @param today the current date in the account's zone: decides status and offering shown
   */
  public static SubscriptionResponse from(Subscription s, LocalDate today) {
    return from(s, today, false);
  }

  /**
   * @param today the current date in the account's zone: decides status and offering shown
   * @param barred whether dunning barred the subscription
   */
  public static SubscriptionResponse from(Subscription s, LocalDate today, boolean barred) {
    return new SubscriptionResponse(
        s.subscriptionId(),
        s.offeringOn(today).orElse(s.initialOfferingId()),
        s.statusOn(today).name(),
        s.activationDate(),
        s.terminationDate().orElse(null),
        s.serviceIds().stream().map(id -> new ServiceIdJson(id.type().name(), id.value())).toList(),
        s.history().stream().map(StatusHistoryEntry::from).toList(),
        barred);
  }
}
