package com.telco.billing.node.invoice.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.TaxItem;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfRenderTest {

  private record Parsed(int pages, String text, String title) {}

  private static Parsed parse(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new Parsed(
          doc.getNumberOfPages(),
          new PDFTextStripper().getText(doc),
          doc.getDocumentInformation().getTitle());
    }
  }

  @Test
  void the_pdf_shows_number_customer_lines_taxes_and_totals() throws IOException {
    InvoiceDocument doc = InvoiceSamples.eur();
    byte[] bytes = InvoicePdf.render(doc);
    assertTrue(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
    Parsed pdf = parse(bytes);
    String t = pdf.text();
    assertEquals(1, pdf.pages());
    assertEquals("Invoice TEG-2025-000042", pdf.title());
    assertTrue(t.contains("TEG-2025-000042"));
    assertTrue(t.contains("Zoë O'Brien & Partners"), t);
    assertTrue(t.contains("ACC-1"));
    assertTrue(t.contains("Telco Europe GmbH"));
    assertTrue(t.contains("2025-03-15"), "due date");
    assertTrue(t.contains("2025-02-01 \u2013 2025-02-28"), "billing period");
    for (InvoiceLine l : doc.invoice().lines()) {
      assertTrue(t.contains(l.description()), l.description());
    }
    for (String amount : new String[] {"29.99", "-9.33", "12.60", "3.10", "5.00", "-3.00"}) {
      assertTrue(t.contains(amount), amount);
    }
    for (TaxItem item : doc.invoice().taxItems()) {
      assertTrue(t.contains(item.taxAmount().toPlainString()), item.toString());
    }
    assertTrue(t.contains("19 %"));
    assertTrue(t.contains("7 %"));
    assertTrue(t.contains("38.36 EUR"));
    assertTrue(t.contains("6.69 EUR"));
    assertTrue(t.contains("45.05 EUR"));
    // a cell may wrap its text over lines
    assertTrue(t.replaceAll("\\s+", " ").contains("Recurring (credit)"), t);
    assertTrue(t.contains("Payable within 14 days"));
    assertTrue(t.contains("page 1 of 1"));
  }

  @Test
  void the_pdf_shows_the_state_the_credit_applied_and_the_amount_due() throws IOException {
    String t = parse(InvoicePdf.render(InvoiceSamples.eurPartiallyPaidWithCredit())).text();
    assertTrue(t.contains("Partially paid"), t);
    assertTrue(t.contains("Credit applied"), t);
    assertTrue(t.contains("-5.05 EUR"), t);
    assertTrue(t.contains("Amount due"), t);
    assertTrue(t.contains("40.00 EUR"), t);
    String plain = parse(InvoicePdf.render(InvoiceSamples.eur())).text();
    assertTrue(plain.contains("Sent"), plain);
    assertFalse(plain.contains("Credit applied"), plain);
  }

  @Test
  void two_hundred_lines_continue_over_several_pages() throws IOException {
    InvoiceDocument doc = InvoiceSamples.manyLines(200);
    Parsed pdf = parse(InvoicePdf.render(doc));
    assertTrue(pdf.pages() > 1, "pages: " + pdf.pages());
    String t = pdf.text();
    for (int i = 1; i <= 200; i++) {
      assertTrue(
          t.contains("Line number " + i + "\n") || t.contains("Line number " + i + " "),
          "line " + i);
    }
    assertTrue(t.contains("200.00 EUR"));
    assertTrue(t.contains("Tax-exempt account"));
    assertTrue(t.contains("page " + pdf.pages() + " of " + pdf.pages()));
    // the table header is repeated on every page
    int headers = t.split("Service period", -1).length - 1;
    assertEquals(pdf.pages(), headers);
  }

  @Test
  void minor_units_of_jpy_and_bhd() throws IOException {
    String jpy = parse(InvoicePdf.render(InvoiceSamples.jpy())).text();
    assertTrue(jpy.contains("1700 JPY"));
    assertTrue(jpy.contains("155 JPY"));
    assertTrue(!jpy.contains("1700.00"));
    String bhd = parse(InvoicePdf.render(InvoiceSamples.bhd())).text();
    assertTrue(bhd.contains("14.130 BHD"));
    assertTrue(bhd.contains("1.285"));
    assertTrue(bhd.contains("0.500"));
    assertTrue(bhd.contains("12.345"));
  }

  @Test
  void names_in_greek_cyrillic_and_cjk_print_as_written() throws IOException {
    for (String name :
        new String[] {"Αλέξης Παπαδόπουλος", "Иван Петров", "山田太郎", "김민준", "王小明 / Łukasz Żółć"}) {
      String t = parse(InvoicePdf.render(InvoiceSamples.eur(name))).text();
      assertTrue(t.contains(name), name + " in:\n" + t);
      assertFalse(t.contains("?"), t);
    }
    // the Japanese customer of the JPY sample
    String jpy = parse(InvoicePdf.render(InvoiceSamples.jpy())).text();
    assertTrue(jpy.contains("Yamada Taro 山田太郎"), jpy);
  }

  @Test
  void the_embedded_fonts_are_noto_sans_and_droid_sans_fallback() throws IOException {
    try (PDDocument doc = Loader.loadPDF(InvoicePdf.render(InvoiceSamples.eur("山田太郎")))) {
      java.util.Set<String> fonts = new java.util.TreeSet<>();
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          var font = page.getResources().getFont(name);
          assertTrue(font.isEmbedded(), font.getName());
          fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
      }
      assertTrue(fonts.stream().anyMatch(f -> f.startsWith("NotoSans")), fonts.toString());
      assertTrue(fonts.stream().anyMatch(f -> f.startsWith("DroidSansFallback")), fonts.toString());
    }
  }

  @Test
  void markup_and_control_characters_in_a_name_print_as_text() throws IOException {
    String name = "Ωmega\u200b\tline\nbreak ﬁne <script> & \u0000 😀";
    String t = parse(InvoicePdf.render(InvoiceSamples.eur(name))).text();
    assertTrue(t.contains("Ωmega"), t);
    assertTrue(t.contains("line break"), t);
    assertTrue(t.contains("<script> &"), t);
  }

  @Test
  void a_long_description_wraps_inside_its_column() throws IOException {
    String longText = "A".repeat(200) + " and some words after a very long token";
    InvoiceDocument base = InvoiceSamples.eur();
    var lines = new java.util.ArrayList<>(base.invoice().lines());
    InvoiceLine first = lines.get(0);
    lines.set(
        0,
        new InvoiceLine(
            first.type(),
            longText,
            first.subscriptionId(),
            first.offeringId(),
            first.chargeId(),
            first.catalogVersion(),
            first.servicePeriodStart(),
            first.servicePeriodEnd(),
            first.quantity(),
            first.unit(),
            first.unitPrice(),
            first.amount(),
            first.taxCategory(),
            first.glCode(),
            null,
            null,
            null,
            null,
            null,
            false));
    var inv = base.invoice();
    var draft =
        new com.telco.billing.core.invoice.InvoiceDraft(
            inv.accountId(),
            inv.legalEntity(),
            inv.currency(),
            inv.issueDate(),
            inv.dueDate(),
            inv.billingPeriod(),
            lines,
            inv.taxItems(),
            inv.taxExcludedAmount(),
            inv.taxAmount(),
            inv.taxIncludedAmount());
    InvoiceDocument doc =
        new InvoiceDocument(base.number(), draft, base.state(), base.issuedAt(), base.account());
    String t = parse(InvoicePdf.render(doc)).text().replaceAll("\\s+", "");
    assertTrue(t.contains("A".repeat(200) + "andsomewordsafteraverylongtoken"));
  }
}
