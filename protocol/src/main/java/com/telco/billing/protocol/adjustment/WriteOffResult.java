package com.telco.billing.protocol.adjustment;

import com.telco.billing.protocol.CborSerializable;

/**
 * The answer to writing off an invoice: the write-off, and whether this request made it ({@code
 * false}: an idempotent replay of the same key and body).
 */
public record WriteOffResult(WriteOffView writeOff, boolean created) implements CborSerializable {}
