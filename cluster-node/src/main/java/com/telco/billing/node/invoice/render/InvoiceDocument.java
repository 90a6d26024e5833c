package com.telco.billing.node.invoice.render;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the renderers need to show one issued invoice: its number, the computed invoice, its
 * state, when it was issued, the account's profile (name, zone, payment terms) and where it stands
 * in accounts receivable.
 *
 * @param number the invoice number
 * @param invoice the invoice as computed and issued
 * @param state {@link #ISSUED} for an issued invoice, {@link #PREVIEW} for a preview
 * @param issuedAt when it was issued
 * @param account the profile of the invoiced account ({@code accountId} must be the invoice's)
 * @param settlement its state in accounts receivable (sent, partiallyPaid, settled, onHold), the
 *     credit applied, the amount due, what remains and what was applied; {@link
 *     InvoiceSettlement#unpaid} where nothing is known of payments
 */
public record InvoiceDocument(
    String number,
    InvoiceDraft invoice,
    String state,
    Instant issuedAt,
    AccountProfile account,
    InvoiceSettlement settlement) {

  public static final String ISSUED = "issued";

  /** The state of a preview: what the open period's invoice would be; it has no number yet. */
  public static final String PREVIEW = "preview";

  public InvoiceDocument {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(settlement, "settlement");
    if (!account.accountId().equals(invoice.accountId())) {
      throw new IllegalArgumentException(
          "account " + account.accountId() + " is not the invoice's " + invoice.accountId());
    }
  }

  /** A document nothing was paid on yet: {@link InvoiceSettlement#unpaid} of its total. */
  public InvoiceDocument(
      String number, InvoiceDraft invoice, String state, Instant issuedAt, AccountProfile account) {
    this(
        number,
        invoice,
        state,
        issuedAt,
        account,
        InvoiceSettlement.unpaid(invoice.taxIncludedAmount()));
  }

  /** Whether this is a preview of the open period rather than an issued invoice. */
  public boolean isPreview() {
    return PREVIEW.equals(state);
  }

  /** Whether unallocated credit of the account was applied to this invoice. */
  public boolean hasCreditApplied() {
    return settlement.creditApplied().signum() != 0;
  }
}
