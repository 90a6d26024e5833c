package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An issued invoice's entry in the invoice register: what the invoice read side keeps of it (the
 * invoice by number, its account, period and total) and where its document is, the {@code
 * InvoiceIssued} event at {@code journalSequenceNr} in the account's journal. The register is kept
 * small on purpose: a bill run issues thousands of invoices a second, and each document is already
 * written once, to the journal.
 *
 * @param number the invoice number, e.g. {@code INV-ACME-2026-000042}
 * @param accountId the invoiced account
 * @param periodStart first day of the billing period
 * @param issueDate the issue date (the cycle date)
 * @param currency ISO 4217 code
 * @param total the tax-included amount
 * @param journalSequenceNr sequence number of the invoice's {@code InvoiceIssued} event in the
 *     account's journal
 */
public record InvoiceEntry(
    String number,
    String accountId,
    LocalDate periodStart,
    LocalDate issueDate,
    String currency,
    BigDecimal total,
    long journalSequenceNr)
    implements CborSerializable {

  public InvoiceEntry {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(accountId, "accountId");
    if (journalSequenceNr < 1) {
      throw new IllegalArgumentException("journal sequence number < 1: " + journalSequenceNr);
    }
  }

  /** The entry of {@code invoice}, whose {@code InvoiceIssued} event is at {@code sequenceNr}. */
  public static InvoiceEntry of(IssuedInvoice invoice, long sequenceNr) {
    return new InvoiceEntry(
        invoice.number(),
        invoice.invoice().accountId(),
        invoice.invoice().billingPeriod().start(),
        invoice.invoice().issueDate(),
        invoice.invoice().currency().getCurrencyCode(),
        invoice.invoice().taxIncludedAmount(),
        sequenceNr);
  }
}
