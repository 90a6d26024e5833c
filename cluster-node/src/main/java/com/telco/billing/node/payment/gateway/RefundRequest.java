package com.telco.billing.node.payment.gateway;

public record RefundRequest(
    String idempotencyKey,
    String intentId,
    long amountMinor,
    String reason,
    String accountId,
    String paymentId,
    String refundId) {}
