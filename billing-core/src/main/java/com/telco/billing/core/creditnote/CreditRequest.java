package com.telco.billing.core.creditnote;

import java.math.BigDecimal;

/**
 * What a credit note is asked to credit of one invoice line: an amount, a quantity, or (neither)
 * all that is still creditable of it.
 *
 * @param line the line's position on the invoice, from 1 (the invoice's line ids end in it: {@code
 *     INV-ACME-2026-000001-2} is line 2)
 * @param amount the net amount to credit, or {@code null}
 * @param quantity the quantity to credit, or {@code null}; credits that share of the line's net
 *     amount
 */
public record CreditRequest(int line, BigDecimal amount, BigDecimal quantity) {}
