package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * A refund of a payment.
 *
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param gatewayRefundId the gateway's refund id, or {@code null}
 * @param failureCode why a refund failed, or {@code null}
 */
public record RefundView(
    String refundId,
    String paymentId,
    String accountId,
    BigDecimal amount,
    Currency currency,
    String reason,
    String status,
    LocalDate date,
    String gatewayRefundId,
    String failureCode)
    implements CborSerializable {}
