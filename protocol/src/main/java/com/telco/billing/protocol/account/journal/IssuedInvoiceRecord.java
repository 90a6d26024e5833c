package com.telco.billing.protocol.account.journal;

import com.telco.billing.protocol.invoice.InvoiceState;
import java.time.Instant;

/** An issued invoice in the journal: its number, content, state and when it was issued. */
public record IssuedInvoiceRecord(
    String number, InvoiceRecord invoice, InvoiceState state, Instant issuedAt) {}
