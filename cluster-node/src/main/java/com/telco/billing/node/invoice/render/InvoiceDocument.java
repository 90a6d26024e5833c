package com.telco.billing.node.invoice.render;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.invoice.InvoiceDraft;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the renderers need to show one issued invoice: its number, the computed invoice, its
 * state, when it was issued and the account's profile (name, zone, payment terms).
 *
 * @param number the invoice number
 * @param invoice the invoice as computed and issued
 * @param state the invoice's state, e.g. {@code issued}
 * @param issuedAt when it was issued
 * @param account the profile of the invoiced account ({@code accountId} must be the invoice's)
 */
public record InvoiceDocument(
    String number, InvoiceDraft invoice, String state, Instant issuedAt, AccountProfile account) {

  public static final String ISSUED = "issued";

  /** The state of a preview: what the open period's invoice would be; it has no number yet. */
  public static final String PREVIEW = "preview";

  public InvoiceDocument {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(account, "account");
    if (!account.accountId().equals(invoice.accountId())) {
      throw new IllegalArgumentException(
          "account " + account.accountId() + " is not the invoice's " + invoice.accountId());
    }
  }
}
