package com.telco.billing.protocol.invoice;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/** Replies of the account entity about invoices. */
public final class AccountInvoices {
  private AccountInvoices() {}

  /** The invoices an account has issued, oldest first. */
  public record InvoiceList(List<IssuedInvoice> invoices) implements CborSerializable {}

  /** What the open period's invoice would be now; nothing of it is persisted. */
  public record Preview(InvoiceDraft invoice) implements CborSerializable {}
}
