package com.telco.billing.node.payment.gateway;

import java.util.Currency;
import java.util.Map;

/**
 * A payment intent as the gateway reports it.
 *
 * @param status Stripe's status: {@code requires_payment_method}, {@code processing}, {@code
 *     succeeded}, ...
 * @param amountMinor the intent's amount, in minor units
 * @param metadata {@code account_id}, {@code invoice}, {@code payment_id} and whatever else it has
 */
public record IntentView(
    String intentId,
    String status,
    long amountMinor,
    Currency currency,
    Map<String, String> metadata) {
  public IntentView {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
