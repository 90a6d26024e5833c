package com.telco.billing.protocol.account.journal;

/**
 * An account's profile in the journal.
 *
 * @param currency ISO 4217 code
 * @param timeZone region id, e.g. {@code Europe/Berlin}
 * @param paymentMethodRef the payment method token, or {@code null} when the account has none
 * @param email the mail address, or {@code null} (also on records written before it was kept)
 * @param segment the customer segment, or {@code null}
 * @param dunningExempt never dunned ({@code false} on records written before it was kept)
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
    String legalEntity,
    String email,
    String segment,
    boolean dunningExempt) {}
