package com.telco.billing.protocol.adjustment;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.http.MoneyValue;
import java.time.LocalDate;

/**
 * A write-off of what an invoice still owed (docs/adjustments.md).
 *
 * @param date the date written off, in the account's zone
 * @param amount the amount written off
 */
public record WriteOffView(
    String id,
    String invoiceNumber,
    String accountId,
    LocalDate date,
    MoneyValue amount,
    String reason)
    implements CborSerializable {}
