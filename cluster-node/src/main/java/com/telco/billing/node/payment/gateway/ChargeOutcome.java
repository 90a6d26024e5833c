package com.telco.billing.node.payment.gateway;

/** What became of a {@link ChargeRequest}. */
public sealed interface ChargeOutcome {

  /**
   * The money was captured.
   *
   * @param amountMinor the amount received, in minor units
   */
  record Succeeded(String intentId, long amountMinor) implements ChargeOutcome {}

  /** Accepted, not yet settled: a webhook reports the result. */
  record Processing(String intentId) implements ChargeOutcome {}

  /**
   * Refused by the issuer or the gateway.
   *
   * @param intentId the intent the decline belongs to; null when the gateway created none (e.g. an
   *     unknown token)
   * @param code the gateway's error code, e.g. {@code card_declined}
   * @param declineCode the issuer's reason, e.g. {@code insufficient_funds}; may be null
   * @param hard whether retrying the same payment method is pointless ({@link DeclineCodes})
   */
  record Declined(String intentId, String code, String declineCode, boolean hard)
      implements ChargeOutcome {}

  /**
   * No answer after every try (timeouts, connection errors, 5xx) or the circuit is open: the card
   * may or may not have been charged. Try again later with the same idempotency key.
   *
   * @param reason why, for logs (never a secret)
   */
  record Unknown(String reason) implements ChargeOutcome {}
}
