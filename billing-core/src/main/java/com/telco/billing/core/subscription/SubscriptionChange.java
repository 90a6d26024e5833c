package com.telco.billing.core.subscription;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change to an active subscription, effective at the start of {@code effectiveDate} in the
 * account's zone (docs/billing-rules.md, "Periods and time"). {@link SubscriptionLifecycle#apply}
 * decides whether it is accepted; {@link Subscription#withChange} records an accepted one.
 *
 * <p>A change may be dated in the future (a scheduled change): it is recorded with its date and the
 * status is a function of the date, so it takes effect on that date with no further event.
 */
public sealed interface SubscriptionChange
    permits SubscriptionChange.ChangeOffering,
        SubscriptionChange.Suspend,
        SubscriptionChange.Resume,
        SubscriptionChange.Terminate {

  /** The calendar date from which the change holds. */
  LocalDate effectiveDate();

  /** What the change records in the history. */
  ChangeKind kind();

  /**
   * The subscription moves to another offering from {@code effectiveDate}; its status is unchanged
   * (a suspended subscription stays suspended).
   */
  record ChangeOffering(String offeringId, LocalDate effectiveDate) implements SubscriptionChange {
    public ChangeOffering {
      Objects.requireNonNull(offeringId, "offeringId");
      Objects.requireNonNull(effectiveDate, "effectiveDate");
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.OFFERING_CHANGED;
    }
  }

  /** The subscription is suspended from {@code effectiveDate}. */
  record Suspend(LocalDate effectiveDate) implements SubscriptionChange {
    public Suspend {
      Objects.requireNonNull(effectiveDate, "effectiveDate");
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.SUSPENDED;
    }
  }

  /** A suspended subscription is active again from {@code effectiveDate}. */
  record Resume(LocalDate effectiveDate) implements SubscriptionChange {
    public Resume {
      Objects.requireNonNull(effectiveDate, "effectiveDate");
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.RESUMED;
    }
  }

  /**
   * The subscription ends at the start of {@code effectiveDate}: its last day of service is the day
   * before (docs/billing-rules.md, "Recurring and one-time charges; proration": termination credits
   * the unused days {@code [termination date, period end)}).
   */
  record Terminate(LocalDate effectiveDate) implements SubscriptionChange {
    public Terminate {
      Objects.requireNonNull(effectiveDate, "effectiveDate");
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.TERMINATED;
    }
  }
}
