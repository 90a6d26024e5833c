package com.telco.billing.core.subscription;

import java.util.Objects;

/**
 * A subscription's status over a range of dates; see {@link Subscription#statusPeriods()}.
 *
 * @param status ACTIVE, SUSPENDED or TERMINATED
 * @param dates the dates with that status, {@code [from, until)}
 */
public record StatusPeriod(SubscriptionStatus status, DateRange dates) {
  public StatusPeriod {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dates, "dates");
  }
}
