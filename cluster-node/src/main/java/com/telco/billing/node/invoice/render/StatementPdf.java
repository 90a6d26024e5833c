package com.telco.billing.node.invoice.render;

import com.telco.billing.protocol.payment.StatementView;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An account statement as a PDF: the page of {@link StatementHtml} laid out on A4 by the invoices'
 * renderer ({@link InvoicePdf#layout}: embedded fonts, no external resources); the table of entries
 * continues over as many pages as it needs with its header repeated.
 */
public final class StatementPdf {
  private StatementPdf() {}

  /** The PDF of a statement. */
  public static byte[] render(StatementView view) {
    StatementPage page = StatementPage.of(view);
    String title = "Statement " + page.accountId() + " " + page.from() + " to " + page.to();
    try {
      return InvoicePdf.layout(
          StatementHtml.render(page),
          info -> {
            info.setTitle(title);
            info.setSubject("Statement of account " + page.accountId());
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the statement of " + page.accountId(), e);
    }
  }
}
