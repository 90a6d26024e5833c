package com.telco.billing.node.payment.gateway;

/**
 * A refund of a gateway payment.
 *
 * @param idempotencyKey the refund's key, sent with every try
 * @param intentId the payment intent refunded
 * @param amountMinor the amount, in minor units, greater than zero
 * @param reason why (free text; Stripe's own reasons {@code duplicate}, {@code fraudulent}, {@code
 *     requested_by_customer} are passed as the refund's reason, any other text as metadata {@code
 *     reason})
 * @param accountId metadata {@code account_id}
 * @param paymentId metadata {@code payment_id}
 * @param refundId metadata {@code refund_id}: the refund this records
 */
public record RefundRequest(
    String idempotencyKey,
    String intentId,
    long amountMinor,
    String reason,
    String accountId,
    String paymentId,
    String refundId) {}
