package com.telco.billing.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One capture of money, as the sandbox recorded it: at most one per payment intent.
 *
 * @param paymentIntent the intent's id ({@code pi_...})
 * @param charge the charge's id ({@code ch_...})
 * @param amount in the currency's minor units
 * @param currency lower-case ISO code, as Stripe writes it
 * @param metadata the intent's metadata at the capture
 * @param capturedAt when the money was captured
 */
public record Capture(
    String paymentIntent,
    String charge,
    long amount,
    String currency,
    Map<String, String> metadata,
    Instant capturedAt) {
  public Capture {
    metadata = Map.copyOf(metadata);
  }
}
