package com.telco.billing.core.subscription;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of a subscription's history: from {@code effectiveDate} on (at the start of that day in
 * the account's zone), the subscription has {@code status} with {@code offeringId} in force,
 * because of a change of {@code kind}.
 *
 * <p>Each entry carries the whole state (status and offering), so the state on a date is simply the
 * last entry effective on or before that date, even when several changes share one date.
 *
 * @param effectiveDate the calendar date from which the entry holds
 * @param kind the change this entry records
 * @param status the status from that date: ACTIVE, SUSPENDED or TERMINATED (never PENDING)
 * @param offeringId the offering in force from that date (for TERMINATED: the last one in force)
 */
public record StatusChange(
    LocalDate effectiveDate, ChangeKind kind, SubscriptionStatus status, String offeringId) {

  public StatusChange {
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(offeringId, "offeringId");
    boolean consistent =
        switch (kind) {
          case ACTIVATED, RESUMED -> status == SubscriptionStatus.ACTIVE;
          case SUSPENDED -> status == SubscriptionStatus.SUSPENDED;
          case TERMINATED -> status == SubscriptionStatus.TERMINATED;
          case OFFERING_CHANGED ->
              status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.SUSPENDED;
        };
    if (!consistent) {
      throw new IllegalArgumentException("a " + kind + " entry cannot have status " + status);
    }
  }
}
