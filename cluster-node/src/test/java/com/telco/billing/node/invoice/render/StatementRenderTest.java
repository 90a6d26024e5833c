package com.telco.billing.node.invoice.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.receivable.Statement;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.payment.StatementView;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The statement as HTML and PDF: account, period, balances, entries, amounts in minor units. */
class StatementRenderTest {
  private static final String PAYMENT = "PAY-0123456789abcdef-ACC-1";

  private static StatementView view(String name, String currency, List<Statement.Entry> entries) {
    var profile =
        new OpenAccountRequest(
                "ACC-1", name, currency, 5, "Europe/Berlin", "DE", false, null, null, null)
            .validate()
            .value();
    BigDecimal opening = new BigDecimal("10.5");
    BigDecimal closing = opening;
    for (Statement.Entry e : entries) {
      closing = closing.add(e.amount());
    }
    return new StatementView(
        profile,
        new Statement(
            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), opening, entries, closing));
  }

  private static Statement.Entry entry(
      int month, int day, Statement.Kind kind, String ref, String paymentId, String amount) {
    return new Statement.Entry(
        LocalDate.of(2026, month, day), kind, ref, paymentId, new BigDecimal(amount), null);
  }

  /** Entries with their running balances from the opening balance 10.50. */
  private static List<Statement.Entry> entries() {
    List<Statement.Entry> raw =
        List.of(
            entry(11, 5, Statement.Kind.INVOICE, "TEG-2026-000042", null, "45.05"),
            entry(12, 6, Statement.Kind.PAYMENT, PAYMENT, null, "-60"),
            entry(12, 7, Statement.Kind.REFUND, "RF-0123456789abcdef-ACC-1", PAYMENT, "4.45"),
            entry(12, 9, Statement.Kind.CHARGEBACK_WON, "du_1:won", PAYMENT, "-1.25"));
    List<Statement.Entry> out = new ArrayList<>();
    BigDecimal running = new BigDecimal("10.5");
    for (Statement.Entry e : raw) {
      running = running.add(e.amount());
      out.add(
          new Statement.Entry(
              e.date(), e.kind(), e.reference(), e.paymentId(), e.amount(), running));
    }
    return out;
  }

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
  void thePdfShowsAccountPeriodEntriesAndTheClosingBalance() throws IOException {
    byte[] bytes = StatementPdf.render(view("Zoë O'Brien & Partners", "EUR", entries()));
    assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII));
    Parsed pdf = parse(bytes);
    String t = pdf.text();
    assertEquals(1, pdf.pages());
    assertEquals("Statement ACC-1 2026-11-01 to 2026-12-31", pdf.title());
    assertTrue(t.contains("Zoë O'Brien & Partners"), t);
    assertTrue(t.contains("ACC-1"), t);
    assertTrue(t.contains("2026-11-01 \u2013 2026-12-31"), t);
    assertTrue(t.contains("Opening balance"), t);
    assertTrue(t.contains("10.50"), "opening balance in minor units: " + t);
    assertTrue(t.contains("TEG-2026-000042"), t);
    assertTrue(t.contains("Chargeback won"), t);
    for (String amount : List.of("45.05", "55.55", "-60.00", "-4.45", "4.45", "0.00", "-1.25")) {
      assertTrue(t.contains(amount), amount + " in " + t);
    }
    assertTrue(t.contains("Closing balance -1.25 EUR"), t);
    assertTrue(t.contains("page 1 of 1"), t);
  }

  @Test
  void amountsHaveTheMinorUnitsOfTheCurrency() throws IOException {
    List<Statement.Entry> yen =
        List.of(
            new Statement.Entry(
                LocalDate.of(2026, 11, 5),
                Statement.Kind.INVOICE,
                "TEG-2026-000043",
                null,
                new BigDecimal("1200"),
                new BigDecimal("1210.5")));
    String t = parse(StatementPdf.render(view("Tanaka", "JPY", yen))).text();
    assertTrue(t.contains("Closing balance 1211 JPY"), t);
    assertFalse(t.contains("1200.00"), t);
  }

  @Test
  void aLongStatementContinuesOverPagesWithItsHeader() throws IOException {
    List<Statement.Entry> many = new ArrayList<>();
    BigDecimal running = new BigDecimal("10.5");
    for (int i = 0; i < 150; i++) {
      running = running.add(BigDecimal.ONE);
      many.add(
          new Statement.Entry(
              LocalDate.of(2026, 11, 1 + i % 28),
              Statement.Kind.INVOICE,
              "INV-" + i,
              null,
              BigDecimal.ONE,
              running));
    }
    Parsed pdf = parse(StatementPdf.render(view("Jane Doe", "EUR", many)));
    assertTrue(pdf.pages() > 1, "pages: " + pdf.pages());
    assertTrue(pdf.text().contains("Closing balance 160.50 EUR"), pdf.text());
  }

  @Test
  void theHtmlEscapesNamesAndReferences() {
    String html =
        StatementHtml.render(
            view(
                "<script>alert(1)</script> & Co",
                "EUR",
                List.of(
                    new Statement.Entry(
                        LocalDate.of(2026, 11, 5),
                        Statement.Kind.INVOICE,
                        "INV-<b>1</b>",
                        null,
                        BigDecimal.ONE,
                        new BigDecimal("11.5")))));
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), html);
    assertFalse(html.contains("<b>"), html);
    assertTrue(html.contains("INV-&lt;b&gt;1&lt;/b&gt;"), html);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("<td class=\"num\">11.50 EUR</td>"), html);
  }
}
