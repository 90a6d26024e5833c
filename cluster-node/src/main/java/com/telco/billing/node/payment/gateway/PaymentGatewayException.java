package com.telco.billing.node.payment.gateway;

/**
 * A read from the gateway that did not succeed.
 *
 * <p>Codes: the gateway's own error code (e.g. {@code resource_missing}), or {@code unavailable}
 * (no answer after every try), {@code circuit_open}, {@code overloaded} (too many calls waiting).
 */
public final class PaymentGatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public PaymentGatewayException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** A stable code, see the class comment. */
  public String code() {
    return code;
  }
}
