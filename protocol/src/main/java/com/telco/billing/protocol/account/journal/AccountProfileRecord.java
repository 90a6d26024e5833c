package com.telco.billing.protocol.account.journal;

/**
 * An account's profile in the journal.
 *
 * @param currency ISO 4217 code
 * @param timeZone region id, e.g. {@code Europe/Berlin}
 * @param paymentMethodRef the payment method token, or {@code null} when the account has none
 */
public record AccountProfileRecord(
    String accountId,
    String name,
    String currency,
    int billCycleDay,
    String timeZone,
    String taxJurisdiction,
    boolean taxExempt,
    int paymentTermsDays,
    String paymentMethodRef,
    String legalEntity) {}
