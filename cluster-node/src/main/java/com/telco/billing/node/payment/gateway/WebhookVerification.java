package com.telco.billing.node.payment.gateway;

/** The result of checking a gateway webhook: an event, or a refusal with a stable code. */
public sealed interface WebhookVerification {

  /** Signed by the gateway, recent, readable. */
  record Accepted(GatewayEvent event) implements WebhookVerification {}

  /**
   * Refused; answer 400 with {@link Refusal#code()} and record nothing.
   *
   * @param detail what was wrong, for logs (never the secret or the signature)
   */
  record Refused(Refusal refusal, String detail) implements WebhookVerification {}

  /** Why a webhook was refused. */
  enum Refusal {
    /** No, a malformed, or a wrong {@code Stripe-Signature} (forged, or the body was altered). */
    SIGNATURE_INVALID("signature_invalid"),
    /** Correctly signed, but its timestamp is outside the tolerance (a replay). */
    SIGNATURE_EXPIRED("signature_expired"),
    /** Signed, but not an event this node can read. */
    PAYLOAD_INVALID("payload_invalid");

    private final String code;

    Refusal(String code) {
      this.code = code;
    }

    /** The stable code answered to the gateway. */
    public String code() {
      return code;
    }
  }
}
