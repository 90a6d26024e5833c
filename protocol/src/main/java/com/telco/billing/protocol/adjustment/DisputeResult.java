package com.telco.billing.protocol.adjustment;

import com.telco.billing.protocol.CborSerializable;

/**
 * The answer to opening a dispute: the dispute, and whether this request opened it ({@code false}:
 * an idempotent replay of the same key and body).
 */
public record DisputeResult(DisputeView dispute, boolean created) implements CborSerializable {}
