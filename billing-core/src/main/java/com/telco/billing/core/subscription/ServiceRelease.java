package com.telco.billing.core.subscription;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A release of a service identifier by a subscription, for the guiding index ({@link
 * ServiceHoldings#release(ServiceRelease)}): from the start of the termination date in the
 * account's zone (docs/billing-rules.md, "Periods and time"). Suspension releases nothing: usage
 * while suspended is still guided to the subscription.
 *
 * @param serviceId the identifier
 * @param accountId the releasing account
 * @param subscriptionId the releasing subscription
 * @param at the instant from which it no longer holds the identifier
 */
public record ServiceRelease(
    ServiceId serviceId, String accountId, String subscriptionId, Instant at) {

  public ServiceRelease {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(at, "at");
  }

  /**
   * One release per service identifier of {@code subscription}, at the start of its termination
   * date in {@code zone} (the account's zone); none when no termination is recorded.
   */
  public static List<ServiceRelease> forTermination(
      String accountId, Subscription subscription, ZoneId zone) {
    return subscription
        .terminationDate()
        .map(
            date -> {
              Instant at = LifecycleDates.startOfDay(date, zone);
              return subscription.serviceIds().stream()
                  .map(id -> new ServiceRelease(id, accountId, subscription.subscriptionId(), at))
                  .toList();
            })
        .orElse(List.of());
  }
}
