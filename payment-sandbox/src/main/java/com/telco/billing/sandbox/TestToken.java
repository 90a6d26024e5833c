package com.telco.billing.sandbox;

import java.util.Optional;

/**
 * The payment method tokens the sandbox knows, each with a fixed behaviour (named as Stripe's own
 * test tokens where Stripe has one). Any other token is refused as a missing resource.
 */
public enum TestToken {
  /** Succeeds at once. */
  VISA("tok_visa", null, null, null),
  /** Succeeds at once. */
  MASTERCARD("tok_mastercard", null, null, null),
  /** Declined: {@code card_declined} / {@code generic_decline}. */
  CHARGE_DECLINED(
      "tok_chargeDeclined", "card_declined", "generic_decline", "Your card was declined."),
  /** Declined: {@code card_declined} / {@code stolen_card}. */
  STOLEN_CARD(
      "tok_chargeDeclinedStolenCard", "card_declined", "stolen_card", "Your card was declined."),
  /** Declined softly: {@code card_declined} / {@code insufficient_funds}. */
  INSUFFICIENT_FUNDS(
      "tok_insufficientFunds",
      "card_declined",
      "insufficient_funds",
      "Your card has insufficient funds."),
  /**
   * Succeeds (captured at once), but the answer is held back for {@link
   * SandboxSettings#timeoutDelay()}: the client times out without knowing the outcome.
   */
  TIMEOUT("tok_timeout", null, null, null),
  /**
   * Answers {@code processing}; succeeds {@link SandboxSettings#asyncDelay()} later, reported by a
   * {@code payment_intent.succeeded} webhook.
   */
  ASYNC("tok_async", null, null, null),
  /** Succeeds; a {@code charge.dispute.created} webhook follows. */
  CREATE_DISPUTE("tok_createDispute", null, null, null);

  private final String token;
  private final String code;
  private final String declineCode;
  private final String message;

  TestToken(String token, String code, String declineCode, String message) {
    this.token = token;
    this.code = code;
    this.declineCode = declineCode;
    this.message = message;
  }

  /** The token as a client sends it, e.g. {@code tok_visa}. */
  public String token() {
    return token;
  }

  boolean declines() {
    return code != null;
  }

  String code() {
    return code;
  }

  String declineCode() {
    return declineCode;
  }

  String message() {
    return message;
  }

  /** The behaviour of a token, empty for tokens the sandbox does not know. */
  public static Optional<TestToken> lookup(String token) {
    for (TestToken t : values()) {
      if (t.token.equals(token)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
