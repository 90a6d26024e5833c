package com.telco.billing.protocol.http;

import com.telco.billing.core.subscription.Holding;
import java.time.Instant;

/** Body of {@code GET /services/{serviceId}?at=}: who held the identifier at that instant. */
public record ServiceHolderResponse(
    String serviceId,
    Instant at,
    String accountId,
    String subscriptionId,
    Instant from,
    Instant until) {

  public static ServiceHolderResponse from(String serviceId, Instant at, Holding holding) {
    return new ServiceHolderResponse(
        serviceId,
        at,
        holding.accountId(),
        holding.subscriptionId(),
        holding.from(),
        holding.until());
  }
}
