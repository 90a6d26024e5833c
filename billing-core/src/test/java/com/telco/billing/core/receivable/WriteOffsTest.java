package com.telco.billing.core.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Receivables#writeOff}: the remaining amount of an invoice given up. */
class WriteOffsTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate ISSUED = LocalDate.of(2026, 2, 1);
  static final LocalDate DUE = LocalDate.of(2026, 2, 15);
  static final LocalDate LATER = LocalDate.of(2026, 5, 1);

  static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  static Receivables partlyPaid() {
    return Receivables.empty(EUR)
        .issue("INV-1", ISSUED, DUE, eur("100.00"))
        .issue("INV-2", ISSUED.plusMonths(1), DUE.plusMonths(1), eur("40.00"))
        .receive("P1", DUE, eur("30.00"));
  }

  @Test
  void theRemainingIsWrittenOffAndTheInvoiceSettled() {
    Receivables r = partlyPaid().writeOff("INV-1", "WO-1", LATER);
    OpenItem item = r.item("INV-1").orElseThrow();
    assertEquals(ItemState.SETTLED, item.state());
    assertEquals("70.00", r.writtenOff("INV-1").toPlainString());
    assertEquals("0.00", r.writtenOff("INV-2").toPlainString());
    // the other invoice is untouched, no credit was created
    assertEquals("40.00", r.item("INV-2").orElseThrow().remaining().toPlainString());
    assertEquals("0.00", r.unallocatedCredit().toPlainString());
    Balance b = Balance.of(r, LATER);
    assertEquals("40.00", b.overdue().toPlainString());
    assertEquals("40.00", b.balance().toPlainString());
  }

  @Test
  void itIsInTheStatementAndLowersTheBalance() {
    Receivables r = partlyPaid().writeOff("INV-1", "WO-1", LATER);
    Statement s = Statement.of(r, ISSUED, LATER);
    Statement.Entry last = s.entries().get(s.entries().size() - 1);
    assertEquals(Statement.Kind.WRITE_OFF, last.kind());
    assertEquals("WO-1", last.reference());
    assertEquals("-70.00", last.amount().toPlainString());
    assertEquals("40.00", s.closing().toPlainString());
  }

  @Test
  void refusalsAndRepeats() {
    Receivables r = partlyPaid();
    assertEquals(Optional.of(RefusalCodes.INVOICE_NOT_FOUND), r.writeOffRefusal("INV-9"));
    Receivables w = r.writeOff("INV-1", "WO-1", LATER);
    assertEquals(Optional.of(RefusalCodes.INVOICE_NOT_OPEN), w.writeOffRefusal("INV-1"));
    assertSame(w, w.writeOff("INV-1", "WO-1", LATER));
    assertSame(w, w.writeOff("INV-1", "WO-2", LATER));
    assertSame(r, r.writeOff("INV-9", "WO-1", LATER));
  }

  @Test
  void aRefundReopensOnlyWhatThePaymentPaid() {
    Receivables r = partlyPaid().writeOff("INV-1", "WO-1", LATER);
    assertEquals(Optional.empty(), r.refundRefusal("P1", eur("30.00")));
    Receivables refunded = r.refund("P1", "R1", eur("30.00"), LATER);
    assertEquals("30.00", refunded.item("INV-1").orElseThrow().remaining().toPlainString());
    assertEquals("70.00", refunded.writtenOff("INV-1").toPlainString());
    // the write-off is no payment: it cannot be refunded
    assertEquals(Optional.of(RefusalCodes.PAYMENT_NOT_FOUND), r.refundRefusal("WO-1", eur("1.00")));
  }

  @Test
  void laterPaymentsGoToOtherInvoicesOrCredit() {
    Receivables r =
        partlyPaid().writeOff("INV-1", "WO-1", LATER).receive("P2", LATER, eur("50.00"));
    assertEquals("0.00", r.item("INV-2").orElseThrow().remaining().toPlainString());
    assertEquals("10.00", r.unallocatedCredit().toPlainString());
    assertEquals(List.of(), r.openItems());
  }
}
