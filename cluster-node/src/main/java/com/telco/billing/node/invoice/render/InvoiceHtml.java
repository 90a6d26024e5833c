package com.telco.billing.node.invoice.render;

/**
 * An invoice as one standalone HTML5 page (inline CSS, no scripts, no external resources). Every
 * text taken from the invoice or the account is escaped with {@link #escape}. Shows the same
 * content as {@link InvoicePdf}: service periods with both dates inclusive, amounts with the
 * currency's minor units.
 */
public final class InvoiceHtml {
  private InvoiceHtml() {}

  private static final String CSS =
      """
      body{font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#222;margin:2em auto;\
      max-width:60em;padding:0 1em}
      h1{font-size:22px;margin:0 0 .2em}
      .parties{display:flex;justify-content:space-between;margin-bottom:1.5em}
      .muted{color:#666}
      table{border-collapse:collapse;width:100%;margin:1em 0}
      th,td{padding:4px 6px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left}
      th{background:#f2f2f2}
      td.num,th.num{text-align:right;white-space:nowrap}
      td.period{white-space:nowrap}
      .details{color:#666;font-size:11px}
      table.fields{width:auto}
      table.fields th{background:none;font-weight:normal;color:#666}
      table.totals{width:auto;margin-left:auto}
      table.totals tr.total td,table.totals tr.total th{font-weight:bold;border-top:2px solid #222}
      """;

  /** The complete HTML page of an invoice. */
  public static String render(InvoiceDocument doc) {
    InvoiceView v = InvoiceView.of(doc);
    String cur = escape(v.currency());
    StringBuilder h = new StringBuilder(4096 + 512 * v.lines().size());
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Invoice ")
        .append(escape(v.number()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");

    h.append("<div class=\"parties\">\n<div><h1>Invoice</h1><div class=\"seller\">")
        .append(escape(v.seller()))
        .append("</div></div>\n<div class=\"customer\"><div><strong>")
        .append(escape(v.customerName()))
        .append("</strong></div><div class=\"muted\">Account ")
        .append(escape(v.accountId()))
        .append("</div></div>\n</div>\n");

    h.append("<table class=\"fields\">\n");
    for (InvoiceView.Field f : v.fields()) {
      h.append("<tr><th scope=\"row\">")
          .append(escape(f.label()))
          .append("</th><td>")
          .append(escape(f.value()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Charges</h2>\n<table class=\"lines\">\n<thead><tr>")
        .append("<th>Type</th><th>Description</th><th>Service period</th>")
        .append("<th class=\"num\">Quantity</th><th class=\"num\">Unit price</th>")
        .append("<th class=\"num\">Amount (")
        .append(cur)
        .append(")</th></tr></thead>\n<tbody>\n");
    for (InvoiceView.Row r : v.lines()) {
      h.append("<tr><td>")
          .append(escape(r.type()))
          .append("</td><td>")
          .append(escape(r.description()));
      if (!r.details().isEmpty()) {
        h.append("<div class=\"details\">").append(escape(r.details())).append("</div>");
      }
      h.append("</td><td class=\"period\">")
          .append(escape(r.servicePeriod()))
          .append("</td><td class=\"num\">")
          .append(escape(r.quantity()))
          .append("</td><td class=\"num\">")
          .append(escape(r.unitPrice()))
          .append("</td><td class=\"num\">")
          .append(escape(r.amount()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");

    h.append("<h2>Tax</h2>\n");
    if (v.taxes().isEmpty()) {
      h.append("<p>").append(escape(v.taxNote())).append("</p>\n");
    } else {
      h.append("<table class=\"taxes\">\n<thead><tr><th>Rate</th><th>Tax categories</th>")
          .append("<th class=\"num\">Taxable amount (")
          .append(cur)
          .append(")</th><th class=\"num\">Tax (")
          .append(cur)
          .append(")</th></tr></thead>\n<tbody>\n");
      for (InvoiceView.TaxRow t : v.taxes()) {
        h.append("<tr><td>")
            .append(escape(t.rate()))
            .append("</td><td>")
            .append(escape(t.categories()))
            .append("</td><td class=\"num\">")
            .append(escape(t.taxable()))
            .append("</td><td class=\"num\">")
            .append(escape(t.tax()))
            .append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }

    h.append("<table class=\"totals\">\n");
    totalRow(h, "", "Net amount", v.net(), cur);
    totalRow(h, "", "Tax", v.tax(), cur);
    totalRow(h, " class=\"total\"", "Total", v.total(), cur);
    h.append("</table>\n");

    h.append("<h2>Payment</h2>\n<p class=\"terms\">")
        .append(escape(v.paymentTerms()))
        .append("</p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void totalRow(
      StringBuilder h, String trAttrs, String label, String value, String cur) {
    h.append("<tr")
        .append(trAttrs)
        .append("><th scope=\"row\">")
        .append(escape(label))
        .append("</th><td class=\"num\">")
        .append(escape(value))
        .append(' ')
        .append(cur)
        .append("</td></tr>\n");
  }

  /**
   * Escapes text for HTML element content and double- or single-quoted attribute values: {@code & <
   * > " '} become character references. Control characters other than tab, line feed and carriage
   * return, which HTML does not allow, become U+FFFD. {@code null} is the empty string.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default ->
                (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    ? "\uFFFD"
                    : null;
          };
      if (rep != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (rep != null) {
          out.append(rep);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
