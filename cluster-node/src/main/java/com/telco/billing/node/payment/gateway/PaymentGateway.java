package com.telco.billing.node.payment.gateway;

import java.util.concurrent.CompletionStage;

/**
 * The card gateway as the billing node sees it: charges, reads and refunds in the currency's minor
 * units, each keyed by an idempotency key the caller owns. Implementations never charge a card
 * twice for one key, and answer every call with an outcome: a gateway that cannot be reached yields
 * {@link ChargeOutcome.Unknown} (or {@link RefundOutcome.Unknown}), never an exception, so that the
 * caller can try again later with the same key.
 */
public interface PaymentGateway {

  /**
   * Charges a payment method (creates and confirms a payment intent).
   *
   * @return the outcome; {@link ChargeOutcome.Unknown} when the gateway gave no answer: try again
   *     later with the same {@link ChargeRequest#idempotencyKey()}, which reads back the first
   *     outcome instead of charging again
   */
  CompletionStage<ChargeOutcome> charge(ChargeRequest request);

  /**
   * Reads a payment intent back.
   *
   * @return the intent; completes exceptionally with {@link PaymentGatewayException} when the
   *     gateway does not know it or cannot be reached
   */
  CompletionStage<IntentView> retrieve(String intentId);

  /** Refunds part or all of a succeeded payment. */
  CompletionStage<RefundOutcome> refund(RefundRequest request);
}
