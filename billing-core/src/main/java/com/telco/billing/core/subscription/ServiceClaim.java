package com.telco.billing.core.subscription;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A claim of a service identifier by a subscription, for the guiding index ({@link
 * ServiceHoldings#claim(ServiceClaim)}): from the start of the activation date in the account's
 * zone (docs/billing-rules.md, "Periods and time").
 *
 * @param serviceId the identifier
 * @param accountId the claiming account
 * @param subscriptionId the claiming subscription
 * @param from the instant from which it holds the identifier
 */
public record ServiceClaim(
    ServiceId serviceId, String accountId, String subscriptionId, Instant from) {

  public ServiceClaim {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(from, "from");
  }

  /**
   * One claim per service identifier of {@code subscription}, from the start of its activation date
   * in {@code zone} (the account's zone).
   */
  public static List<ServiceClaim> forActivation(
      String accountId, Subscription subscription, ZoneId zone) {
    Instant from = LifecycleDates.startOfDay(subscription.activationDate(), zone);
    return subscription.serviceIds().stream()
        .map(id -> new ServiceClaim(id, accountId, subscription.subscriptionId(), from))
        .toList();
  }
}
