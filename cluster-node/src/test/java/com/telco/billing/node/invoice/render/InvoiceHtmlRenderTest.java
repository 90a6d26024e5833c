package com.telco.billing.node.invoice.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.TaxItem;
import org.junit.jupiter.api.Test;

class InvoiceHtmlRenderTest {

  @Test
  void a_complete_standalone_page() {
    String html = InvoiceHtml.render(InvoiceSamples.eur());
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<meta charset=\"utf-8\"/>"));
    assertTrue(html.contains("<style>"));
    assertTrue(html.trim().endsWith("</html>"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("src="), "no external resources");
  }

  @Test
  void shows_header_every_line_taxes_totals_and_terms() {
    InvoiceDocument doc = InvoiceSamples.eur();
    String html = InvoiceHtml.render(doc);
    assertTrue(html.contains("<title>Invoice TEG-2025-000042</title>"));
    assertTrue(html.contains("Telco Europe GmbH"));
    assertTrue(html.contains("<strong>Zoë O'Brien &amp; Partners</strong>"), html);
    assertTrue(html.contains("ACC-1"));
    assertTrue(html.contains("<td>2025-03-01</td>"), "issue date");
    assertTrue(html.contains("<td>2025-03-15</td>"), "due date");
    assertTrue(
        html.contains("2025-02-01 \u2013 2025-02-28"), "billing period, last date inclusive");
    for (InvoiceLine l : doc.invoice().lines()) {
      assertTrue(html.contains(content(l.description())), l.description());
    }
    // amounts of the lines
    for (String amount : new String[] {"29.99", "-9.33", "12.60", "3.10", "5.00", "-3.00"}) {
      assertTrue(html.contains("<td class=\"num\">" + amount + "</td>"), amount);
    }
    // service periods shown with an inclusive last date
    assertTrue(html.contains("2025-03-01 \u2013 2025-03-31"));
    assertTrue(html.contains("2025-02-15 \u2013 2025-02-28"));
    assertTrue(html.contains("<td class=\"period\">2025-02-10</td>"), "one-day period");
    assertTrue(html.contains("5400 SECOND"));
    assertTrue(html.contains("VOICE / national / peak"));
    assertTrue(html.contains("57 records"));
    assertTrue(html.contains("usage of the period from 2025-01-01"));
    assertTrue(html.contains("Recurring (credit)"));
    assertTrue(html.contains("Late usage"));
    // taxes per rate and totals
    for (TaxItem t : doc.invoice().taxItems()) {
      assertTrue(html.contains("<td class=\"num\">" + t.taxAmount() + "</td>"));
    }
    assertTrue(html.contains("<td>19 %</td>"));
    assertTrue(html.contains("<td>7 %</td>"));
    assertTrue(html.contains("<td>BOOKS, REDUCED</td>"));
    assertTrue(html.contains("38.36 EUR"));
    assertTrue(html.contains("6.69 EUR"));
    assertTrue(html.contains("45.05 EUR"));
    assertTrue(html.contains("Payable within 14 days of the issue date"));
  }

  @Test
  void shows_the_state_and_without_credit_no_credit_lines() {
    String html = InvoiceHtml.render(InvoiceSamples.eur());
    assertTrue(html.contains("<th scope=\"row\">State</th><td>Sent</td>"), html);
    assertFalse(html.contains("Credit applied"));
    assertFalse(html.contains("Amount due"));
    assertTrue(html.contains("please pay 45.05 EUR"));
  }

  @Test
  void shows_credit_applied_and_amount_due_when_credit_was_applied() {
    String html = InvoiceHtml.render(InvoiceSamples.eurPartiallyPaidWithCredit());
    assertTrue(html.contains("<th scope=\"row\">State</th><td>Partially paid</td>"), html);
    assertTrue(
        html.contains(
            "<tr class=\"credit\"><th scope=\"row\">Credit applied</th>"
                + "<td class=\"num\">-5.05 EUR</td></tr>"),
        html);
    assertTrue(
        html.contains(
            "<tr class=\"total\"><th scope=\"row\">Amount due</th>"
                + "<td class=\"num\">40.00 EUR</td></tr>"),
        html);
    assertTrue(html.contains("please pay 40.00 EUR"), html);
  }

  @Test
  void a_settled_invoice_asks_for_nothing_and_a_preview_says_so() {
    String settled = InvoiceHtml.render(InvoiceSamples.jpySettled());
    assertTrue(settled.contains("<td>Settled</td>"), settled);
    assertTrue(settled.contains("Nothing to pay: this invoice is settled."), settled);
    assertFalse(settled.contains("please pay"));
    String preview = InvoiceHtml.render(InvoiceSamples.preview(InvoiceSamples.eur()));
    assertTrue(preview.contains("<td>Preview</td>"), preview);
    assertTrue(preview.contains("please pay 45.05 EUR"), preview);
  }

  @Test
  void escapes_markup_in_the_customer_name_and_descriptions() {
    String html = InvoiceHtml.render(InvoiceSamples.eur("<script>alert('x')</script>"));
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("<strong>&lt;script&gt;alert('x')&lt;/script&gt;</strong>"), html);
  }

  @Test
  void escapes_text_for_its_context_and_keeps_the_page_well_formed() throws Exception {
    String html =
        InvoiceHtml.render(
            InvoiceSamples.withSeller(
                InvoiceSamples.eur("a <b> & \"c\" 'd' &amp; x\u0000y\tz 山田 😀"),
                "Say \"<hi>\" & 'bye'"));
    assertTrue(
        html.contains("<strong>a &lt;b&gt; &amp; \"c\" 'd' &amp;amp; x\uFFFDy\tz 山田 😀</strong>"),
        html);
    // the seller also goes into an attribute, where quotes are escaped too
    assertTrue(
        html.contains(
            "<meta name=\"author\" content=\"Say &#34;&lt;hi>&#34; &amp; &#39;bye&#39;\"/>"),
        html);
    // the page is well-formed XML (the PDF renderer parses it as such)
    javax.xml.parsers.DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new org.xml.sax.InputSource(new java.io.StringReader(html)));
  }

  @Test
  void text_the_page_cannot_hold_is_replaced() {
    assertEquals("plain text", InvoiceView.text("plain text"));
    assertEquals("x\uFFFDy\tz\r\n", InvoiceView.text("x\u0000y\tz\r\n"));
    assertEquals("a\uFFFDb", InvoiceView.text("a\u0085b"));
    assertEquals("山田 😀", InvoiceView.text("山田 😀"));
    assertEquals("\uFFFDx\uFFFD", InvoiceView.text("\uD83Dx\uDE00"));
    assertEquals("\uFFFD", InvoiceView.text("\uFFFF"));
    assertEquals("", InvoiceView.text(null));
  }

  /** What the template writes for {@code text} in element content. */
  private static String content(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Test
  void minor_units_of_jpy_and_bhd() {
    String jpy = InvoiceHtml.render(InvoiceSamples.jpy());
    assertTrue(jpy.contains("<td class=\"num\">1200</td>"));
    assertTrue(jpy.contains("<td class=\"num\">345</td>"));
    assertTrue(jpy.contains("1700 JPY"));
    assertFalse(jpy.contains("1700.0"));
    assertTrue(jpy.contains("<td>10 %</td>"));

    String bhd = InvoiceHtml.render(InvoiceSamples.bhd());
    assertTrue(bhd.contains("<td class=\"num\">12.345</td>"));
    assertTrue(bhd.contains("<td class=\"num\">0.500</td>"));
    assertTrue(bhd.contains("<td class=\"num\">1.285</td>"));
    assertTrue(bhd.contains("14.130 BHD"));
  }

  @Test
  void tax_exempt_account() {
    String html = InvoiceHtml.render(InvoiceSamples.manyLines(2));
    assertTrue(html.contains("Tax-exempt account: no tax charged."));
    assertTrue(html.contains("0.00 EUR"));
  }
}
