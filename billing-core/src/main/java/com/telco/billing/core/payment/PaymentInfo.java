package com.telco.billing.core.payment;

import java.util.Objects;

/**
 * What the account knows of a payment beyond its money (which is in the receivables).
 *
 * @param paymentId the payment id
 * @param method {@code bank_transfer}, {@code card} (a gateway token) or {@code direct_debit}
 * @param reference the payer's or bank's reference (bank transfer), or {@code null}
 * @param fingerprint digest of the request that recorded it (idempotent replays), or {@code null}
 * @param gatewayRef the gateway's PaymentIntent id, or the direct debit's end-to-end id
 * @param invoiceNumber the invoice a collection was for, or {@code null}
 */
public record PaymentInfo(
    String paymentId,
    String method,
    String reference,
    String fingerprint,
    String gatewayRef,
    String invoiceNumber) {

  public static final String BANK_TRANSFER = "bank_transfer";
  public static final String CARD = "card";
  public static final String DIRECT_DEBIT = "direct_debit";

  public PaymentInfo {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(method, "method");
  }

  /** Whether a refund goes back through the payment gateway. */
  public boolean isGateway() {
    return CARD.equals(method);
  }
}
