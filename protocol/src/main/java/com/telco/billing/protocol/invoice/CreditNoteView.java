package com.telco.billing.protocol.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued credit note with its account, ready to render.
 *
 * @param refunded what of the credit was paid back
 * @param allocated what of the credit is allocated to invoices now
 */
public record CreditNoteView(
    String number,
    String invoiceNumber,
    AccountProfile account,
    CreditReason reason,
    String description,
    LocalDate issueDate,
    Instant issuedAt,
    CreditNoteDraft draft,
    BigDecimal refunded,
    BigDecimal allocated) {}
