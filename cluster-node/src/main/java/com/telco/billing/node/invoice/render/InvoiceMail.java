package com.telco.billing.node.invoice.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Currency;

/**
 * The mail an invoice is sent in: a short HTML body from the template {@code
 * src/main/jte/invoice-mail.jte} (whom it is for, the number, dates and amounts; jte escapes every
 * value), its subject and the file name of the invoice's PDF ({@link InvoicePdf}) attached to it.
 */
public final class InvoiceMail {
  private InvoiceMail() {}

  private static final String TEMPLATE = "invoice-mail.jte";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          InvoiceMail.class.getClassLoader(),
          InvoiceMail.class.getPackageName());

  /** What the body shows, every value in its printed form. */
  record Page(
      String seller,
      String customerName,
      String accountId,
      String number,
      String issueDate,
      String dueDate,
      String period,
      String currency,
      String total,
      String amountDue) {}

  static Page page(InvoiceDocument doc) {
    Currency cur = doc.invoice().currency();
    return new Page(
        InvoiceView.text(doc.invoice().legalEntity()),
        InvoiceView.text(doc.account().name()),
        InvoiceView.text(doc.account().accountId()),
        InvoiceView.text(doc.number()),
        doc.invoice().issueDate().toString(),
        doc.invoice().dueDate().toString(),
        InvoiceFormat.inclusivePeriod(
            doc.invoice().billingPeriod().start(), doc.invoice().billingPeriod().end()),
        cur.getCurrencyCode(),
        InvoiceFormat.amount(doc.invoice().taxIncludedAmount(), cur),
        InvoiceFormat.amount(doc.settlement().amountDue(), cur));
  }

  /** The HTML body of the mail of {@code doc}. */
  public static String html(InvoiceDocument doc) {
    StringOutput out = new StringOutput(4096);
    ENGINE.render(TEMPLATE, page(doc), out);
    return out.toString();
  }

  /** E.g. {@code Your invoice INV-ACME-2026-000042}. */
  public static String subject(InvoiceDocument doc) {
    return "Your invoice " + InvoiceView.text(doc.number());
  }

  /** The attachment's file name, e.g. {@code INV-ACME-2026-000042.pdf}. */
  public static String fileName(InvoiceDocument doc) {
    return doc.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }
}
