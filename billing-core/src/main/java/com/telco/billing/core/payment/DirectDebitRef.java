package com.telco.billing.core.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A direct debit collection of one invoice, as the account scheduled it (its file instruction is
 * rebuilt from it, identical, as often as asked).
 *
 * @param sequenceType {@code FRST} for the mandate's first collection, else {@code RCUR}
 */
public record DirectDebitRef(
    String invoiceNumber,
    String paymentId,
    String endToEndId,
    LocalDate collectionDate,
    BigDecimal amount,
    String mandateId,
    String sequenceType) {}
