package com.telco.billing.protocol.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;
import java.util.List;

/** Replies of the account entity about invoices; each carries the account, which documents show. */
public final class AccountInvoices {
  private AccountInvoices() {}

  /** The invoices an account has issued, oldest first, with where each stands in receivables. */
  public record InvoiceList(
      AccountProfile account,
      List<IssuedInvoice> invoices,
      java.util.Map<String, InvoiceSettlement> settlements)
      implements CborSerializable {

    /** Where invoice {@code number} of the list stands; unpaid when not known. */
    public InvoiceSettlement settlementOf(IssuedInvoice issued) {
      return settlementIn(settlements, issued);
    }
  }

  /** The settlement of {@code issued} in {@code settlements}; unpaid when it has none. */
  public static InvoiceSettlement settlementIn(
      java.util.Map<String, InvoiceSettlement> settlements, IssuedInvoice issued) {
    InvoiceSettlement known = settlements == null ? null : settlements.get(issued.number());
    return known != null ? known : InvoiceSettlement.unpaid(issued.invoice().taxIncludedAmount());
  }

  /** What the open period's invoice would be at {@code at}; nothing of it is persisted. */
  public record Preview(AccountProfile account, InvoiceDraft invoice, Instant at)
      implements CborSerializable {}

  /** Where one invoice of the account stands in accounts receivable, with the account's profile. */
  public record Settled(AccountProfile account, InvoiceSettlement settlement)
      implements CborSerializable {}
}
