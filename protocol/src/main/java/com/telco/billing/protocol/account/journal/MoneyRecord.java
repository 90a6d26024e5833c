package com.telco.billing.protocol.account.journal;

import java.math.BigDecimal;

/**
 * An amount in a currency, in the journal.
 *
 * @param currency ISO 4217 code
 */
public record MoneyRecord(BigDecimal amount, String currency) {}
