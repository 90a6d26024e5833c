package com.telco.billing.protocol.adjustment;

import com.telco.billing.protocol.CborSerializable;

/**
 * The answer to charging a one-off debit: the charge, and whether this request charged it ({@code
 * false}: an idempotent replay of the same key and body).
 */
public record ChargeResult(ChargeView charge, boolean created) implements CborSerializable {}
