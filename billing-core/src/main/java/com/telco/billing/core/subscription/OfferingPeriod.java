package com.telco.billing.core.subscription;

import java.util.Objects;

/**
 * The offering in force over a range of dates; see {@link Subscription#offeringPeriods()}.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": a plan change inside a
 * period credits the old plan's unused days and charges the new plan's remaining days, both from
 * the change date; the boundaries of these periods are those dates.
 *
 * @param offeringId the offering
 * @param dates the dates on which it is in force, {@code [from, until)}
 */
public record OfferingPeriod(String offeringId, DateRange dates) {
  public OfferingPeriod {
    Objects.requireNonNull(offeringId, "offeringId");
    Objects.requireNonNull(dates, "dates");
  }
}
