package com.telco.billing.core.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceivablesTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate D1 = LocalDate.of(2026, 1, 1);
  static final LocalDate D2 = LocalDate.of(2026, 2, 1);
  static final LocalDate D3 = LocalDate.of(2026, 3, 1);

  static BigDecimal eur(String v) {
    return new BigDecimal(v);
  }

  static void assertAmount(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  Receivables twoInvoices() {
    return Receivables.empty(EUR)
        .issue("INV-2", D2, D2.plusDays(14), eur("50.00"))
        .issue("INV-1", D1, D1.plusDays(14), eur("100.00"));
  }

  @Test
  void aPaymentGoesToTheOldestInvoiceFirst() {
    Receivables r = twoInvoices().receive("P1", D3, eur("120.00"));
    assertEquals(ItemState.SETTLED, r.item("INV-1").orElseThrow().state());
    assertEquals(ItemState.PARTIALLY_PAID, r.item("INV-2").orElseThrow().state());
    assertAmount("30.00", r.item("INV-2").orElseThrow().remaining());
    assertAmount("0", r.unallocatedCredit());
  }

  @Test
  void anOverpaymentIsCreditAppliedToTheNextInvoice() {
    Receivables r = twoInvoices().receive("P1", D3, eur("170.00"));
    assertAmount("20.00", r.unallocatedCredit());
    assertAmount("0", r.receivable());
    Receivables next =
        r.issue("INV-3", D3.plusMonths(1), D3.plusMonths(1).plusDays(14), eur("45.00"));
    OpenItem inv3 = next.item("INV-3").orElseThrow();
    assertAmount("20.00", inv3.creditApplied());
    assertAmount("25.00", inv3.amountDue());
    assertAmount("25.00", inv3.remaining());
    assertEquals(ItemState.PARTIALLY_PAID, inv3.state());
    assertAmount("0", next.unallocatedCredit());
  }

  @Test
  void aNegativeInvoiceCreatesCredit() {
    Receivables r = Receivables.empty(EUR).issue("INV-1", D1, D1, eur("-12.00"));
    assertEquals(ItemState.SETTLED, r.item("INV-1").orElseThrow().state());
    assertAmount("12.00", r.unallocatedCredit());
    assertAmount("-12.00", Balance.of(r, D1).balance());
  }

  @Test
  void aRefundReopensTheInvoiceAllocatedLastFirst() {
    Receivables r = twoInvoices().receive("P1", D3, eur("150.00"));
    assertTrue(r.refundRefusal("P1", eur("150.01")).isPresent());
    Receivables refunded = r.refund("P1", "R1", eur("30.00"), D3);
    assertAmount("30.00", refunded.item("INV-2").orElseThrow().remaining());
    assertAmount("0", refunded.item("INV-1").orElseThrow().remaining());
    assertEquals(
        Optional.of(RefusalCodes.REFUND_EXCEEDS_PAYMENT),
        refunded.refundRefusal("P1", eur("120.01")));
    assertSame(refunded, refunded.refund("P1", "R1", eur("30.00"), D3));
  }

  @Test
  void aRefundOfAnOverpaymentTakesCreditBackWithoutReopening() {
    Receivables r = twoInvoices().receive("P1", D3, eur("170.00"));
    Receivables refunded = r.refund("P1", "R1", eur("20.00"), D3);
    assertAmount("0", refunded.receivable());
    assertAmount("0", refunded.unallocatedCredit());
  }

  @Test
  void aChargebackReversesThePaymentAndAWonOneReallocatesIt() {
    Receivables r = twoInvoices().receive("P1", D3, eur("150.00"));
    Receivables lost = r.reverseInFull("P1", "dp_1", Reversal.Kind.CHARGEBACK, D3);
    assertAmount("150.00", lost.receivable());
    assertEquals(ItemState.SENT, lost.item("INV-1").orElseThrow().state());
    Receivables won = lost.chargebackWon("P1", "dp_1:won", D3);
    assertAmount("0", won.receivable());
    assertSame(won, won.chargebackWon("P1", "dp_1:won", D3));
  }

  @Test
  void aRefundLandingAfterAChargebackNeverTakesThePaymentBelowZero() {
    Receivables r = twoInvoices().receive("P1", D3, eur("100.00"));
    Receivables charged = r.reverseInFull("P1", "dp_1", Reversal.Kind.CHARGEBACK, D3);
    Receivables refunded = charged.refund("P1", "R1", eur("40.00"), D3);
    Receipt p1 = refunded.receipt("P1").orElseThrow();
    assertAmount("0", p1.held());
    assertAmount("0", refunded.unallocatedCredit());
    assertAmount("150.00", refunded.receivable());
  }

  @Test
  void otherCurrenciesAndSubCentAmountsAreRefused() {
    Receivables r = twoInvoices();
    assertEquals(
        Optional.of(RefusalCodes.CURRENCY_MISMATCH),
        r.amountRefusal(eur("1.00"), Currency.getInstance("USD")));
    assertEquals(Optional.of(RefusalCodes.AMOUNT_PRECISION), r.amountRefusal(eur("1.001"), EUR));
    assertEquals(Optional.of(RefusalCodes.AMOUNT_NOT_POSITIVE), r.amountRefusal(eur("0"), EUR));
  }

  @Test
  void balanceCountsDaysPastDueFromTheOldestUnpaidInvoice() {
    Receivables r = twoInvoices().receive("P1", D3, eur("100.00"));
    Balance b = Balance.of(r, D2.plusDays(20));
    assertEquals("INV-2", b.oldestPastDue());
    assertEquals(6, b.daysPastDue());
    assertAmount("50.00", b.overdue());
    Balance early = Balance.of(r, D2.plusDays(14));
    assertEquals(0, early.daysPastDue());
    assertAmount("0", early.overdue());
  }

  @Test
  void aStatementRunsTheBalance() {
    Receivables r =
        twoInvoices().receive("P1", D3, eur("120.00")).refund("P1", "R1", eur("10.00"), D3);
    Statement s = Statement.of(r, D2, D3);
    assertAmount("100.00", s.opening());
    assertEquals(3, s.entries().size());
    assertAmount("40.00", s.closing());
    assertAmount(Balance.of(r, D3).balance().toPlainString(), s.closing());
  }
}
