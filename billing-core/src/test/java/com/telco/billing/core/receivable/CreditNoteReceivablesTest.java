package com.telco.billing.core.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credit of a credit note: its invoice's remaining first, then as any credit. */
class CreditNoteReceivablesTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate D1 = LocalDate.of(2026, 1, 1);
  static final LocalDate D2 = LocalDate.of(2026, 2, 1);
  static final LocalDate D3 = LocalDate.of(2026, 3, 1);

  static BigDecimal eur(String v) {
    return new BigDecimal(v);
  }

  static void same(String expected, BigDecimal actual) {
    assertEquals(0, eur(expected).compareTo(actual), expected + " vs " + actual);
  }

  static Receivables twoOpenInvoices() {
    return Receivables.empty(EUR)
        .issue("INV-1", D1, D1.plusDays(14), eur("100.00"))
        .issue("INV-2", D2, D2.plusDays(14), eur("50.00"));
  }

  @Test
  void allocatedToItsInvoiceFirstNotTheOldest() {
    Receivables r = twoOpenInvoices().creditNote("CN-1", "INV-2", D3, eur("20.00"));
    same("100.00", r.item("INV-1").orElseThrow().remaining());
    same("30.00", r.item("INV-2").orElseThrow().remaining());
    Receipt cn = r.receipt("CN-1").orElseThrow();
    assertEquals(Receipt.Kind.CREDIT_NOTE, cn.kind());
    same("0.00", cn.unallocated());
  }

  @Test
  void whatExceedsItsInvoiceGoesToTheOtherOpenInvoicesThenStaysCredit() {
    Receivables r = twoOpenInvoices().creditNote("CN-1", "INV-2", D3, eur("70.00"));
    same("0", r.item("INV-2").orElseThrow().remaining());
    same("80.00", r.item("INV-1").orElseThrow().remaining());
    same("50.00", r.allocatedTo("CN-1", "INV-2"));
    same("20.00", r.allocatedTo("CN-1", "INV-1"));
    same("0", r.allocatedTo("CN-9", "INV-1"));
    Receivables paid = Receivables.empty(EUR).issue("INV-1", D1, D1.plusDays(14), eur("100.00"));
    paid = paid.receive("P1", D2, eur("100.00")).creditNote("CN-1", "INV-1", D3, eur("25.00"));
    same("0", paid.item("INV-1").orElseThrow().remaining());
    same("25.00", paid.unallocatedCredit());
    // the next invoice takes the credit
    Receivables next = paid.issue("INV-2", D3.plusMonths(1), D3.plusMonths(1), eur("10.00"));
    same("0", next.item("INV-2").orElseThrow().remaining());
    same("15.00", next.unallocatedCredit());
  }

  @Test
  void lowersTheBalanceByItsAmountAndIsInTheStatement() {
    Receivables before = twoOpenInvoices();
    Receivables after = before.creditNote("CN-1", "INV-1", D3, eur("12.34"));
    same("-12.34", Balance.of(after, D3).balance().subtract(Balance.of(before, D3).balance()));
    Statement s = Statement.of(after, D1, D3);
    Statement.Entry last = s.entries().get(s.entries().size() - 1);
    assertEquals(Statement.Kind.CREDIT_NOTE, last.kind());
    assertEquals("CN-1", last.reference());
    same("-12.34", last.amount());
    same("137.66", s.closing());
    assertEquals(
        List.of(),
        after.creditNote("CN-1", "INV-1", D3, eur("1.00")).openItems().stream()
            .filter(i -> !before.item(i.number()).isPresent())
            .toList());
    assertSame(after, after.creditNote("CN-1", "INV-1", D3, eur("1.00")));
  }
}
