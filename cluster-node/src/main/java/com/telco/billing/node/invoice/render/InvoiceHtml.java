package com.telco.billing.node.invoice.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * An invoice as one standalone HTML5 page (inline CSS, no scripts, no external resources), from the
 * template {@code src/main/jte/invoice.jte}. The template is compiled to Java at build time and
 * escapes every value for its HTML context. Shows the same content as {@link InvoicePdf}: service
 * periods with both dates inclusive, amounts with the currency's minor units.
 */
public final class InvoiceHtml {
  private InvoiceHtml() {}

  private static final String TEMPLATE = "invoice.jte";

  /** The templates compiled by jte-maven-plugin into this package. */
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, InvoiceHtml.class.getClassLoader(), packageName());

  /** The complete HTML page of an invoice. */
  public static String render(InvoiceDocument doc) {
    return render(InvoiceView.of(doc));
  }

  static String render(InvoiceView view) {
    StringOutput out = new StringOutput(4096 + 512 * view.lines().size());
    ENGINE.render(TEMPLATE, view, out);
    return out.toString();
  }

  private static String packageName() {
    return InvoiceHtml.class.getPackageName();
  }
}
