package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;

/**
 * The answer to a refund: the refund, and whether this request made it ({@code false}: an
 * idempotent replay of the same key and body).
 */
public record RefundResult(RefundView refund, boolean created) implements CborSerializable {}
