package com.telco.billing.protocol.invoice;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;

/**
 * An invoice as issued: its number, its content as {@code billing-core} computed it, its state and
 * when it was issued. Persisted in the account's {@code InvoiceIssued} event.
 */
public record IssuedInvoice(
    String number, InvoiceDraft invoice, InvoiceState state, Instant issuedAt)
    implements CborSerializable {}
