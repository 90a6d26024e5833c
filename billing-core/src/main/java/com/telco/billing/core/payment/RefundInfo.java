package com.telco.billing.core.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A refund of a payment: requested (a gateway refund under way), succeeded (taken back from the
 * receivables) or failed.
 *
 * @param idempotencyKey the key of its gateway call, or {@code null} for a manual refund
 */
public record RefundInfo(
    String refundId,
    String paymentId,
    BigDecimal amount,
    String reason,
    String fingerprint,
    LocalDate date,
    Status status,
    String idempotencyKey,
    String gatewayRefundId,
    String failureCode) {

  /** Where a refund stands. */
  public enum Status {
    PENDING,
    SUCCEEDED,
    FAILED
  }

  public RefundInfo {
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(status, "status");
  }

  RefundInfo settled(String gatewayRef) {
    return new RefundInfo(
        refundId,
        paymentId,
        amount,
        reason,
        fingerprint,
        date,
        Status.SUCCEEDED,
        idempotencyKey,
        gatewayRef,
        null);
  }

  RefundInfo failed(String code) {
    return new RefundInfo(
        refundId,
        paymentId,
        amount,
        reason,
        fingerprint,
        date,
        Status.FAILED,
        idempotencyKey,
        gatewayRefundId,
        code);
  }
}
