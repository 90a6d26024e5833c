package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.loadgen.SettleCheck.Captured;
import com.telco.billing.loadgen.SettleCheck.Invoice;
import com.telco.billing.loadgen.SettleCheck.Result;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settle check's arithmetic: one capture per invoice, of its total, sums equal. */
class SettleCheckTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private static final List<Invoice> INVOICES =
      List.of(
          new Invoice("INV-1", "bp-0000001", 1_999),
          new Invoice("INV-2", "bp-0000002", 2_380),
          new Invoice("INV-3", "bp-0000003", 1));

  @Test
  void oneCaptureOfEachTotalPasses() {
    Result r =
        SettleCheck.check(
            INVOICES,
            List.of(
                new Captured("INV-2", 2_380, "eur"),
                new Captured("INV-1", 1_999, "eur"),
                new Captured("INV-3", 1, "eur")),
            EUR);
    assertTrue(r.passed(), r.problems().toString());
    assertEquals(3, r.invoices());
    assertEquals(3, r.settledOnce());
    assertEquals(4_380, r.invoicedMinor());
    assertEquals(4_380, r.capturedMinor());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void aMissingCaptureFails() {
    Result r =
        SettleCheck.check(
            INVOICES,
            List.of(new Captured("INV-1", 1_999, "eur"), new Captured("INV-2", 2_380, "eur")),
            EUR);
    assertFalse(r.passed());
    assertEquals(1, r.notCaptured());
    assertEquals(2, r.settledOnce());
    assertEquals(4_379, r.capturedMinor());
    assertTrue(r.problems().get(0).contains("INV-3"), r.problems().toString());
  }

  @Test
  void aSecondCaptureOfOneInvoiceFailsEvenThoughEveryInvoiceWasCaptured() {
    Result r =
        SettleCheck.check(
            INVOICES,
            List.of(
                new Captured("INV-1", 1_999, "eur"),
                new Captured("INV-2", 2_380, "eur"),
                new Captured("INV-2", 2_380, "eur"),
                new Captured("INV-3", 1, "eur")),
            EUR);
    assertFalse(r.passed());
    assertEquals(1, r.capturedTwice());
    assertEquals(2, r.settledOnce());
    assertEquals(6_760, r.capturedMinor());
  }

  @Test
  void aWrongAmountOrCurrencyFailsAlthoughTheSumsMatch() {
    // 1 cent too much on one, 1 cent too little on another: equal sums, two wrong invoices
    Result r =
        SettleCheck.check(
            INVOICES,
            List.of(
                new Captured("INV-1", 2_000, "eur"),
                new Captured("INV-2", 2_379, "eur"),
                new Captured("INV-3", 1, "usd")),
            EUR);
    assertFalse(r.passed());
    assertEquals(r.invoicedMinor(), r.capturedMinor());
    assertEquals(3, r.wrongAmount());
    assertEquals(0, r.settledOnce());
  }

  @Test
  void aCaptureOfNoInvoiceOfTheRunFails() {
    Result r =
        SettleCheck.check(
            INVOICES,
            List.of(
                new Captured("INV-1", 1_999, "eur"),
                new Captured("INV-2", 2_380, "eur"),
                new Captured("INV-3", 1, "eur"),
                new Captured("INV-9", 500, "eur"),
                new Captured(null, 100, "eur")),
            EUR);
    assertFalse(r.passed());
    assertEquals(2, r.strayCaptures());
    assertEquals(3, r.settledOnce());
    assertEquals(4_980, r.capturedMinor());
  }

  @Test
  void anInvoiceListedTwiceCountsOnce() {
    Result r =
        SettleCheck.check(
            List.of(INVOICES.get(0), INVOICES.get(0)),
            List.of(new Captured("INV-1", 1_999, "eur")),
            EUR);
    assertEquals(1, r.invoices());
    assertEquals(1, r.listedTwice());
    assertEquals(1_999, r.invoicedMinor());
    assertFalse(r.passed());
  }

  @Test
  void nothingInvoicedNothingCapturedPasses() {
    assertTrue(SettleCheck.check(List.of(), List.of(), EUR).passed());
  }

  @Test
  void minorUnitsAreExactAndNeverRounded() {
    assertEquals(1_250, SettleCheck.minorUnits(new BigDecimal("12.50"), EUR));
    assertEquals(1_250, SettleCheck.minorUnits(new BigDecimal("12.5"), EUR));
    assertEquals(1_200, SettleCheck.minorUnits(new BigDecimal("12"), EUR));
    assertEquals(0, SettleCheck.minorUnits(new BigDecimal("0.00"), EUR));
    assertEquals(
        1_000, SettleCheck.minorUnits(new BigDecimal("1000"), Currency.getInstance("JPY")));
    assertThrows(
        ArithmeticException.class, () -> SettleCheck.minorUnits(new BigDecimal("12.505"), EUR));
    assertEquals("12.50", SettleCheck.major(1_250, EUR));
    assertEquals("0.01", SettleCheck.major(1, EUR));
  }
}
