package com.telco.billing.core.subscription;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A subscription as order management / product inventory reports it once fulfilled (TMF622 order
 * completed, TMF637 product created), already validated (see {@link SubscriptionRules}).
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": billing starts at the
 * activation date that fulfilment reports, never at the order date. The activation date may be in
 * the future; the subscription is then {@link SubscriptionStatus#PENDING} until that date.
 *
 * @param subscriptionId the subscription's id, unique within the account
 * @param offeringId the product offering in force from the activation date
 * @param serviceIds the service identifiers the subscription holds (at least one, no duplicates)
 * @param activationDate the calendar date, in the account's zone, from which it is active
 */
public record ActivateSubscription(
    String subscriptionId,
    String offeringId,
    List<ServiceId> serviceIds,
    LocalDate activationDate) {

  public ActivateSubscription {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(offeringId, "offeringId");
    Objects.requireNonNull(activationDate, "activationDate");
    serviceIds = List.copyOf(serviceIds);
    if (serviceIds.isEmpty()) {
      throw new IllegalArgumentException("a subscription holds at least one service identifier");
    }
    if (new HashSet<>(serviceIds).size() != serviceIds.size()) {
      throw new IllegalArgumentException("duplicate service identifiers: " + serviceIds);
    }
  }
}
