package com.telco.billing.core.subscription;

import static com.telco.billing.core.subscription.SubscriptionRefusals.ALREADY_SUSPENDED;
import static com.telco.billing.core.subscription.SubscriptionRefusals.DATE_BEFORE_ACTIVATION;
import static com.telco.billing.core.subscription.SubscriptionRefusals.DATE_BEFORE_LAST_CHANGE;
import static com.telco.billing.core.subscription.SubscriptionRefusals.NOT_SUSPENDED;
import static com.telco.billing.core.subscription.SubscriptionRefusals.SAME_OFFERING;
import static com.telco.billing.core.subscription.SubscriptionRefusals.SERVICE_IN_USE;
import static com.telco.billing.core.subscription.SubscriptionRefusals.SUBSCRIPTION_ALREADY_ACTIVATED;
import static com.telco.billing.core.subscription.SubscriptionRefusals.SUBSCRIPTION_NOT_FOUND;
import static com.telco.billing.core.subscription.SubscriptionRefusals.SUBSCRIPTION_TERMINATED;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;

/**
 * The subscription state machine as pure functions: each takes the recorded state and a command and
 * answers a {@link Decision}. Nothing here reads a clock: the answer depends only on the recorded
 * dates and the command's dates, so replaying a journal gives the same answers.
 *
 * <p>Rules (codes in {@link SubscriptionRefusals}; table in {@code docs/subscriptions.md}):
 *
 * <ul>
 *   <li>Billing starts at the activation date fulfilment reports, never at order time
 *       (docs/billing-rules.md, "Recurring and one-time charges; proration"); it may be in the
 *       future.
 *   <li>A subscription id is activated once; the exact same activation again is idempotent.
 *   <li>A service identifier is held by one subscription of the account at a time: an activation
 *       whose identifiers are held by another subscription whose lifetime reaches the new
 *       activation date is refused ({@code service_in_use}); after termination they can be reused
 *       from the termination date on. Guiding ({@link ServiceHoldings}) enforces the same across
 *       accounts.
 *   <li>Changes are checked in this order: an exact repeat of a recorded change (same kind, date
 *       and offering, wherever it is in the history) is {@link Decision.AlreadyApplied}; after a
 *       recorded termination (even one scheduled in the future) everything is refused ({@code
 *       subscription_terminated}); a date before activation is refused ({@code
 *       date_before_activation}); a date before the latest recorded change is refused ({@code
 *       date_before_last_change}, the same date is fine); then the status on the change's date
 *       (that of the latest change) decides: suspend needs not suspended, resume needs suspended,
 *       change offering needs a different offering, terminate is allowed from ACTIVE and SUSPENDED.
 * </ul>
 */
public final class SubscriptionLifecycle {

  private SubscriptionLifecycle() {}

  /**
   * Activates a subscription on an account that already has {@code existing} subscriptions.
   *
   * @return Applied with the new subscription; AlreadyApplied with the existing one when the same
   *     id was activated with the same offering, service identifiers (in any order) and activation
   *     date; Refused {@code subscription_already_activated} for the same id with other data, or
   *     {@code service_in_use} when another subscription of the account holds one of the
   *     identifiers on or after the new activation date
   */
  public static Decision<Subscription> activate(
      Collection<Subscription> existing, ActivateSubscription command) {
    Optional<Subscription> same = lookup(existing, command.subscriptionId());
    if (same.isPresent()) {
      Subscription s = same.get();
      boolean identical =
          s.activationDate().equals(command.activationDate())
              && s.initialOfferingId().equals(command.offeringId())
              && new HashSet<>(s.serviceIds()).equals(new HashSet<>(command.serviceIds()));
      if (identical) {
        return new Decision.AlreadyApplied<>(s);
      }
      return Decision.refused(
          SUBSCRIPTION_ALREADY_ACTIVATED,
          "subscriptionId",
          "subscription "
              + s.subscriptionId()
              + " is already activated on "
              + s.activationDate()
              + " with offering "
              + s.initialOfferingId()
              + " and service identifiers "
              + s.serviceIds());
    }
    DateRange wanted = DateRange.startingOn(command.activationDate());
    for (int i = 0; i < command.serviceIds().size(); i++) {
      ServiceId serviceId = command.serviceIds().get(i);
      for (Subscription other : existing) {
        if (other.holds(serviceId) && other.lifetime().overlaps(wanted)) {
          return Decision.refused(
              SERVICE_IN_USE,
              "serviceIds[" + i + "]",
              serviceId
                  + " is held by subscription "
                  + other.subscriptionId()
                  + " over "
                  + other.lifetime()
                  + ", which overlaps "
                  + wanted);
        }
      }
    }
    return new Decision.Applied<>(Subscription.activated(command));
  }

  /**
   * Applies {@code change} to the subscription {@code subscriptionId} among {@code existing}: as
   * {@link #apply(Subscription, SubscriptionChange)}, or Refused {@code subscription_not_found}.
   */
  public static Decision<Subscription> change(
      Collection<Subscription> existing, String subscriptionId, SubscriptionChange change) {
    Optional<Subscription> subscription = lookup(existing, subscriptionId);
    if (subscription.isEmpty()) {
      return Decision.refused(
          SUBSCRIPTION_NOT_FOUND, "subscriptionId", "no subscription with this id on this account");
    }
    return apply(subscription.get(), change);
  }

  /**
   * Decides whether {@code change} is accepted for {@code subscription}; see the class comment for
   * the rules and their order.
   */
  public static Decision<Subscription> apply(Subscription subscription, SubscriptionChange change) {
    if (subscription.hasRecorded(change)) {
      return new Decision.AlreadyApplied<>(subscription);
    }
    Optional<LocalDate> terminated = subscription.terminationDate();
    if (terminated.isPresent()) {
      return Decision.refused(
          SUBSCRIPTION_TERMINATED,
          null,
          "subscription "
              + subscription.subscriptionId()
              + " is terminated from "
              + terminated.get()
              + "; no further change is accepted");
    }
    if (change.effectiveDate().isBefore(subscription.activationDate())) {
      return Decision.refused(
          DATE_BEFORE_ACTIVATION,
          "effectiveDate",
          "effectiveDate "
              + change.effectiveDate()
              + " is before the activation date "
              + subscription.activationDate());
    }
    StatusChange latest = subscription.latest();
    if (change.effectiveDate().isBefore(latest.effectiveDate())) {
      return Decision.refused(
          DATE_BEFORE_LAST_CHANGE,
          "effectiveDate",
          "effectiveDate "
              + change.effectiveDate()
              + " is before the latest change ("
              + latest.kind()
              + " on "
              + latest.effectiveDate()
              + ")");
    }
    Decision<Subscription> refusal = refusalByStatus(subscription, latest, change);
    if (refusal != null) {
      return refusal;
    }
    return new Decision.Applied<>(subscription.withChange(change));
  }

  /** The subscription with id {@code subscriptionId} among {@code existing}. */
  public static Optional<Subscription> lookup(
      Collection<Subscription> existing, String subscriptionId) {
    return existing.stream().filter(s -> s.subscriptionId().equals(subscriptionId)).findFirst();
  }

  private static Decision<Subscription> refusalByStatus(
      Subscription subscription, StatusChange latest, SubscriptionChange change) {
    String id = subscription.subscriptionId();
    if (change instanceof SubscriptionChange.ChangeOffering offering
        && offering.offeringId().equals(latest.offeringId())) {
      return Decision.refused(
          SAME_OFFERING,
          "offeringId",
          "offering " + offering.offeringId() + " is already in force for subscription " + id);
    }
    if (change instanceof SubscriptionChange.Suspend
        && latest.status() == SubscriptionStatus.SUSPENDED) {
      return Decision.refused(
          ALREADY_SUSPENDED,
          null,
          "subscription " + id + " is already suspended since " + suspendedSince(subscription));
    }
    if (change instanceof SubscriptionChange.Resume
        && latest.status() != SubscriptionStatus.SUSPENDED) {
      return Decision.refused(
          NOT_SUSPENDED,
          null,
          "subscription "
              + id
              + " is "
              + latest.status()
              + ", not suspended, on "
              + change.effectiveDate());
    }
    return null;
  }

  private static LocalDate suspendedSince(Subscription subscription) {
    LocalDate since = subscription.activationDate();
    for (StatusChange entry : subscription.history()) {
      if (entry.kind() == ChangeKind.SUSPENDED) {
        since = entry.effectiveDate();
      }
    }
    return since;
  }
}
