package com.telco.billing.node.payment.gateway;

/** What became of a {@link RefundRequest}. */
public sealed interface RefundOutcome {

  /** The money went back. */
  record Succeeded(String gatewayRefundId) implements RefundOutcome {}

  /** Accepted, not yet settled: a {@code refund.updated} webhook reports the result. */
  record Pending(String gatewayRefundId) implements RefundOutcome {}

  /**
   * Refused or failed, e.g. {@code amount_too_large}, {@code charge_already_refunded}, {@code
   * charge_disputed}.
   */
  record Failed(String code) implements RefundOutcome {}

  /** No answer after every try or the circuit is open: try again later with the same key. */
  record Unknown(String reason) implements RefundOutcome {}
}
