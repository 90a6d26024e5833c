package com.telco.billing.node.payment.gateway;

import java.util.Currency;

public record ChargeRequest(
    String idempotencyKey,
    String paymentMethodToken,
    long amountMinor,
    Currency currency,
    String accountId,
    String invoiceNumber,
    String paymentId) {}
