package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;

/**
 * The answer to recording a payment: the payment, and whether this request recorded it ({@code
 * false}: an idempotent replay of the same key and body).
 */
public record PaymentResult(PaymentView payment, boolean created) implements CborSerializable {}
