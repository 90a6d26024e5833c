package com.telco.billing.protocol.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription's claim of a service identifier, from {@code from} on.
 *
 * @param serviceId the claimed identifier
 * @param accountId the claiming account
 * @param subscriptionId the claiming subscription
 * @param from the instant from which it holds the identifier
 */
public record ServiceClaimRecord(
    ServiceIdRecord serviceId, String accountId, String subscriptionId, Instant from) {
  public ServiceClaimRecord {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(from, "from");
  }
}
