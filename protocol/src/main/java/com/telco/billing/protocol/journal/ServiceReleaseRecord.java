package com.telco.billing.protocol.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription's release of a service identifier, from {@code at} on.
 *
 * @param serviceId the released identifier
 * @param accountId the releasing account
 * @param subscriptionId the releasing subscription
 * @param at the instant from which it no longer holds the identifier
 */
public record ServiceReleaseRecord(
    ServiceIdRecord serviceId, String accountId, String subscriptionId, Instant at) {
  public ServiceReleaseRecord {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(at, "at");
  }
}
