package com.telco.billing.core.subscription;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscription of an account: the offering, the service identifiers it holds and its dated
 * history, from which its status and offering on any calendar date follow.
 *
 * <p>docs/billing-rules.md, "Periods and time": lifecycle dates (activation, change, suspension,
 * resumption, termination) are calendar dates in the account's zone, effective at the start of that
 * day. The history keeps each date exactly as reported, since proration counts days from them.
 *
 * <p>Invariants (checked on construction): the history starts with the {@link ChangeKind#ACTIVATED}
 * entry on {@code activationDate}; its dates never decrease; a {@link ChangeKind#TERMINATED} entry
 * can only be the last one. The rules that decide which changes are accepted are in {@link
 * SubscriptionLifecycle}; this type only records them.
 *
 * @param subscriptionId the subscription's id, unique within the account
 * @param serviceIds the service identifiers held from activation until termination
 * @param activationDate the date from which the subscription is active (billing starts here)
 * @param history every recorded change, oldest first, including scheduled (future) ones
 */
public record Subscription(
    String subscriptionId,
    List<ServiceId> serviceIds,
    LocalDate activationDate,
    List<StatusChange> history) {

  public Subscription {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(activationDate, "activationDate");
    serviceIds = List.copyOf(serviceIds);
    history = List.copyOf(history);
    if (serviceIds.isEmpty()) {
      throw new IllegalArgumentException("a subscription holds at least one service identifier");
    }
    if (new HashSet<>(serviceIds).size() != serviceIds.size()) {
      throw new IllegalArgumentException("duplicate service identifiers: " + serviceIds);
    }
    if (history.isEmpty()) {
      throw new IllegalArgumentException("the history starts with the activation");
    }
    StatusChange first = history.get(0);
    if (first.kind() != ChangeKind.ACTIVATED || !first.effectiveDate().equals(activationDate)) {
      throw new IllegalArgumentException(
          "the history must start with ACTIVATED on " + activationDate + ", not " + first);
    }
    for (int i = 1; i < history.size(); i++) {
      StatusChange previous = history.get(i - 1);
      StatusChange entry = history.get(i);
      if (entry.kind() == ChangeKind.ACTIVATED) {
        throw new IllegalArgumentException("a subscription is activated once: " + entry);
      }
      if (previous.status() == SubscriptionStatus.TERMINATED) {
        throw new IllegalArgumentException("no change can follow a termination: " + entry);
      }
      if (entry.effectiveDate().isBefore(previous.effectiveDate())) {
        throw new IllegalArgumentException("history dates must not decrease: " + entry);
      }
    }
  }

  /** The subscription as {@code command} starts it: active with its offering from activation. */
  public static Subscription activated(ActivateSubscription command) {
    return new Subscription(
        command.subscriptionId(),
        command.serviceIds(),
        command.activationDate(),
        List.of(
            new StatusChange(
                command.activationDate(),
                ChangeKind.ACTIVATED,
                SubscriptionStatus.ACTIVE,
                command.offeringId())));
  }

  /**
   * This subscription with {@code change} recorded, without checking the lifecycle rules: the event
   * handler's side, for a change that {@link SubscriptionLifecycle#apply} accepted. Only the
   * structural invariants are checked (a change after a termination, or dated before the latest
   * change or the activation, throws {@link IllegalArgumentException}).
   */
  public Subscription withChange(SubscriptionChange change) {
    StatusChange latest = latest();
    SubscriptionStatus status =
        switch (change.kind()) {
          case SUSPENDED -> SubscriptionStatus.SUSPENDED;
          case RESUMED -> SubscriptionStatus.ACTIVE;
          case TERMINATED -> SubscriptionStatus.TERMINATED;
          case OFFERING_CHANGED, ACTIVATED -> latest.status();
        };
    String offeringId =
        change instanceof SubscriptionChange.ChangeOffering offering
            ? offering.offeringId()
            : latest.offeringId();
    List<StatusChange> next = new ArrayList<>(history);
    next.add(new StatusChange(change.effectiveDate(), change.kind(), status, offeringId));
    return new Subscription(subscriptionId, serviceIds, activationDate, next);
  }

  /** True when {@code change} (same kind, date and offering) is already in the history. */
  public boolean hasRecorded(SubscriptionChange change) {
    for (StatusChange entry : history) {
      if (entry.kind() == change.kind() && entry.effectiveDate().equals(change.effectiveDate())) {
        if (!(change instanceof SubscriptionChange.ChangeOffering offering)
            || entry.offeringId().equals(offering.offeringId())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The latest recorded change, which may be dated in the future. */
  public StatusChange latest() {
    return history.get(history.size() - 1);
  }

  /**
   * The status on {@code date}: PENDING before the activation date, otherwise the status of the
   * last change effective on or before {@code date}.
   */
  public SubscriptionStatus statusOn(LocalDate date) {
    return entryOn(date).map(StatusChange::status).orElse(SubscriptionStatus.PENDING);
  }

  /**
   * The offering in force on {@code date}; empty before activation and from the termination date
   * on. A suspended subscription keeps its offering.
   */
  public Optional<String> offeringOn(LocalDate date) {
    return entryOn(date)
        .filter(e -> e.status() != SubscriptionStatus.TERMINATED)
        .map(StatusChange::offeringId);
  }

  /** The offering the subscription was activated with. */
  public String initialOfferingId() {
    return history.get(0).offeringId();
  }

  /** The offering of the latest recorded change (a scheduled change included). */
  public String latestOfferingId() {
    return latest().offeringId();
  }

  /** The termination date, if a termination (possibly scheduled) is recorded. */
  public Optional<LocalDate> terminationDate() {
    StatusChange latest = latest();
    return latest.status() == SubscriptionStatus.TERMINATED
        ? Optional.of(latest.effectiveDate())
        : Optional.empty();
  }

  /**
   * The dates on which the subscription exists and holds its service identifiers: {@code
   * [activation date, termination date)}, open when no termination is recorded. Suspension does not
   * end it.
   */
  public DateRange lifetime() {
    return new DateRange(activationDate, terminationDate().orElse(null));
  }

  /** True when the subscription holds {@code serviceId} (during its {@link #lifetime()}). */
  public boolean holds(ServiceId serviceId) {
    return serviceIds.contains(serviceId);
  }

  /**
   * The status over time from the activation date on: consecutive non-empty periods, ACTIVE or
   * SUSPENDED, and a final open TERMINATED period when a termination is recorded. Changes that
   * share a date leave only the last one's status on that date.
   */
  public List<StatusPeriod> statusPeriods() {
    List<StatusPeriod> periods = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      StatusChange entry = history.get(i);
      LocalDate until = i + 1 < history.size() ? history.get(i + 1).effectiveDate() : null;
      if (entry.status() == SubscriptionStatus.TERMINATED) {
        until = null;
      }
      DateRange dates = new DateRange(entry.effectiveDate(), until);
      if (dates.hasNoDates()) {
        continue;
      }
      int last = periods.size() - 1;
      if (last >= 0 && periods.get(last).status() == entry.status()) {
        DateRange merged = new DateRange(periods.get(last).dates().from(), until);
        periods.set(last, new StatusPeriod(entry.status(), merged));
      } else {
        periods.add(new StatusPeriod(entry.status(), dates));
      }
    }
    return List.copyOf(periods);
  }

  /**
   * The offering in force over time within the {@link #lifetime()}: consecutive non-empty periods;
   * the last one is open unless a termination is recorded, in which case it ends on the termination
   * date. A plan change on date {@code c} ends the old offering's period and starts the new one's
   * on {@code c}.
   */
  public List<OfferingPeriod> offeringPeriods() {
    List<OfferingPeriod> periods = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      StatusChange entry = history.get(i);
      if (entry.status() == SubscriptionStatus.TERMINATED) {
        break;
      }
      LocalDate until = i + 1 < history.size() ? history.get(i + 1).effectiveDate() : null;
      DateRange dates = new DateRange(entry.effectiveDate(), until);
      if (dates.hasNoDates()) {
        continue;
      }
      int last = periods.size() - 1;
      if (last >= 0 && periods.get(last).offeringId().equals(entry.offeringId())) {
        DateRange merged = new DateRange(periods.get(last).dates().from(), until);
        periods.set(last, new OfferingPeriod(entry.offeringId(), merged));
      } else {
        periods.add(new OfferingPeriod(entry.offeringId(), dates));
      }
    }
    return List.copyOf(periods);
  }

  /** The date ranges with status ACTIVE, in order. */
  public List<DateRange> activeIntervals() {
    return intervalsWith(SubscriptionStatus.ACTIVE);
  }

  /** The date ranges with status SUSPENDED, in order. */
  public List<DateRange> suspendedIntervals() {
    return intervalsWith(SubscriptionStatus.SUSPENDED);
  }

  private List<DateRange> intervalsWith(SubscriptionStatus status) {
    return statusPeriods().stream()
        .filter(p -> p.status() == status)
        .map(StatusPeriod::dates)
        .toList();
  }

  private Optional<StatusChange> entryOn(LocalDate date) {
    StatusChange found = null;
    for (StatusChange entry : history) {
      if (entry.effectiveDate().isAfter(date)) {
        break;
      }
      found = entry;
    }
    return Optional.ofNullable(found);
  }
}
