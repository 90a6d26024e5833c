package com.telco.billing.node.invoice.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.receivable.OpenItem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Reminder letters: which invoices they list and what they add up to, the HTML page with every
 * value escaped, the PDF.
 */
class ReminderLetterRenderTest {
  static final String HOSTILE = "<script>alert('x')</script> & \"Sons\"";

  static AccountProfile account(String name) {
    return new AccountProfile(
        "acc-1001",
        name,
        Currency.getInstance("EUR"),
        5,
        ZoneId.of("Europe/Berlin"),
        "DE",
        false,
        14,
        null,
        "TELCO_DE",
        "jane@example.com",
        null,
        false);
  }

  static OpenItem item(String number, LocalDate issued, String total, String remaining) {
    return new OpenItem(
        number,
        issued,
        issued.plusDays(14),
        new BigDecimal(total),
        BigDecimal.ZERO.setScale(2),
        new BigDecimal(remaining));
  }

  /** Step date 2026-12-10: INV-1 due 11-19 (21 days), INV-2 due 11-24 (16 days), INV-3 not due. */
  static final List<OpenItem> ITEMS =
      List.of(
          item("INV-2", LocalDate.of(2026, 11, 10), "20.00", "12.50"),
          item("INV-1", LocalDate.of(2026, 11, 5), "45.05", "45.05"),
          item("INV-0", LocalDate.of(2026, 10, 5), "30.00", "0.00"),
          item("INV-3", LocalDate.of(2026, 12, 1), "9.99", "9.99"));

  static final ReminderLetterView.Step STEP =
      new ReminderLetterView.Step(1, 1, "Second reminder", LocalDate.of(2026, 12, 10));

  static ReminderLetterView letter(String name) {
    return ReminderLetterView.of(account(name), ITEMS, STEP);
  }

  @Test
  void theLetterListsTheOpenInvoicesPastDueOnTheStepsDateOldestFirst() {
    ReminderLetterView v = letter("Jane Doe");
    assertEquals(
        List.of("INV-1", "INV-2"),
        v.items().stream().map(ReminderLetterView.Item::number).toList());
    assertEquals(0, v.totalOverdue().compareTo(new BigDecimal("57.55")));
    assertEquals(21, v.daysPastDue());
    assertEquals(21, v.items().get(0).daysPastDue());
    assertEquals(16, v.items().get(1).daysPastDue());
    assertEquals("Second reminder", v.stepName());
    assertEquals(1, v.episode());
    assertEquals(1, v.stepIndex());
  }

  @Test
  void nothingPastDueIsALetterOfNothing() {
    ReminderLetterView v =
        ReminderLetterView.of(
            account("Jane"),
            ITEMS,
            new ReminderLetterView.Step(1, 0, "First", LocalDate.of(2026, 11, 19)));
    assertEquals(List.of(), v.items());
    assertEquals(0, v.totalOverdue().signum());
    assertEquals(0, v.daysPastDue());
  }

  @Test
  void theHtmlShowsTheLetterWithEveryValueEscaped() {
    String html = ReminderLetter.html(letter(HOSTILE));
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert("), html);
    assertTrue(html.contains("&amp;"), html);
    assertTrue(html.contains("Second reminder"), html);
    assertTrue(
        html.contains(
            "<td>INV-1</td><td>2026-11-05</td><td>2026-11-19</td><td class=\"num\">21</td><td class=\"num\">45.05</td><td class=\"num\">45.05</td>"),
        html);
    assertTrue(html.contains("<td class=\"num\">57.55 EUR</td>"), html);
    assertTrue(html.contains("R-acc-1001-1-1"), html);
    assertFalse(html.contains("INV-3"), html);
    assertFalse(html.contains("INV-0"), html);
  }

  @Test
  void aHostileStepNameIsEscapedToo() {
    ReminderLetterView v =
        ReminderLetterView.of(
            account("Jane"),
            ITEMS,
            new ReminderLetterView.Step(1, 0, "<img src=x onerror=alert(1)>", STEP.date()));
    String html = ReminderLetter.html(v);
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
  }

  @Test
  void thePdfIsAPdfWithTheLetter() throws IOException {
    byte[] pdf = ReminderLetter.pdf(letter(HOSTILE));
    assertTrue(pdf.length > 1000, "bytes: " + pdf.length);
    assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(1, doc.getNumberOfPages());
      assertEquals("Payment reminder R-acc-1001-1-1", doc.getDocumentInformation().getTitle());
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains(HOSTILE), text);
      assertTrue(text.contains("57.55 EUR"), text);
      assertTrue(text.contains("INV-1"), text);
      assertTrue(text.contains("Second reminder"), text);
    }
  }

  @Test
  void theInvoiceMailShowsTheInvoiceWithEveryValueEscaped() {
    InvoiceDocument doc = InvoiceSamples.eur(HOSTILE);
    String html = InvoiceMail.html(doc);
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("Dear &lt;script&gt;"), html);
    assertTrue(html.contains(doc.number()), html);
    assertTrue(html.contains("45.05 EUR"), html);
    assertEquals("Your invoice " + doc.number(), InvoiceMail.subject(doc));
    assertTrue(InvoiceMail.fileName(doc).matches("[A-Za-z0-9._-]+\\.pdf"));
  }
}
