package com.telco.billing.core.rating;

import com.telco.billing.core.subscription.StatusChange;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription compiled for guiding and offering look-ups by epoch day (days since 1970-01-01 in
 * the account's zone), so that the hot path neither allocates nor walks the history with streams.
 * Equivalent to {@link Subscription#lifetime()}, {@link Subscription#holds} and {@link
 * Subscription#offeringOn}.
 */
final class GuidedSubscription {
  final Subscription subscription;
  final String id;
  private final long firstDay;
  private final long endDay;
  private final long[] changeDays;
  private final String[] offeringIds;

  GuidedSubscription(Subscription subscription) {
    this.subscription = subscription;
    this.id = subscription.subscriptionId();
    this.firstDay = subscription.activationDate().toEpochDay();
    this.endDay = subscription.terminationDate().map(d -> d.toEpochDay()).orElse(Long.MAX_VALUE);
    List<StatusChange> live = new ArrayList<>();
    for (StatusChange entry : subscription.history()) {
      if (entry.status() != SubscriptionStatus.TERMINATED) {
        live.add(entry);
      }
    }
    this.changeDays = new long[live.size()];
    this.offeringIds = new String[live.size()];
    for (int i = 0; i < live.size(); i++) {
      changeDays[i] = live.get(i).effectiveDate().toEpochDay();
      offeringIds[i] = live.get(i).offeringId();
    }
  }

  /** Whether the day is in the subscription's lifetime {@code [activation, termination)}. */
  boolean liveOn(long epochDay) {
    return epochDay >= firstDay && epochDay < endDay;
  }

  /** The offering in force on a day of the lifetime: the last change effective on or before it. */
  String offeringOn(long epochDay) {
    String offering = offeringIds[0];
    for (int i = 1; i < changeDays.length && changeDays[i] <= epochDay; i++) {
      offering = offeringIds[i];
    }
    return offering;
  }
}
