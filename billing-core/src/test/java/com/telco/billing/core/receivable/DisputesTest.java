package com.telco.billing.core.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Disputes}: what disputes hold, and what may be disputed. */
class DisputesTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate ISSUED = LocalDate.of(2026, 2, 1);
  static final LocalDate DUE = LocalDate.of(2026, 2, 15);

  static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  static Receivables twoInvoices() {
    return Receivables.empty(EUR)
        .issue("INV-1", ISSUED, DUE, eur("100.00"))
        .issue("INV-2", ISSUED.plusMonths(1), DUE.plusMonths(1), eur("40.00"));
  }

  static Disputes disputed(String number, String amount) {
    return Disputes.NONE.open(Dispute.opened("D1", number, eur(amount), "wrong roaming", ISSUED));
  }

  @Test
  void anOpenDisputeHoldsItsAmountOfTheInvoice() {
    Receivables r = twoInvoices();
    Disputes d = disputed("INV-1", "30.00");
    assertEquals("30.00", d.onHold(r, "INV-1").toPlainString());
    assertEquals("0.00", d.onHold(r, "INV-2").toPlainString());
    assertEquals("0.00", d.onHold(r, "INV-9").toPlainString());
  }

  @Test
  void onlyInvoicesPastDueCountAgainstTheOverdueAmount() {
    Receivables r = twoInvoices();
    Disputes d =
        disputed("INV-2", "10.00").open(Dispute.opened("D2", "INV-1", eur("5.00"), "", ISSUED));
    // on the due date of INV-1 nothing is past due yet
    assertEquals("0.00", d.overdueOnHold(r, DUE).toPlainString());
    assertEquals("5.00", d.overdueOnHold(r, DUE.plusDays(1)).toPlainString());
    assertEquals("15.00", d.overdueOnHold(r, DUE.plusMonths(1).plusDays(1)).toPlainString());
  }

  @Test
  void aPaymentPaysTheUndisputedPartFirstAndTheHoldNeverExceedsTheRemaining() {
    Disputes d = disputed("INV-1", "30.00");
    Receivables paid70 = twoInvoices().receive("P1", DUE, eur("70.00"));
    assertEquals("30.00", d.onHold(paid70, "INV-1").toPlainString());
    Receivables paid80 = twoInvoices().receive("P1", DUE, eur("80.00"));
    assertEquals("20.00", d.onHold(paid80, "INV-1").toPlainString());
  }

  @Test
  void refusals() {
    Receivables r = twoInvoices();
    Disputes d = disputed("INV-1", "30.00");
    assertEquals(Optional.of(RefusalCodes.INVOICE_NOT_FOUND), d.openRefusal(r, "INV-9", eur("1")));
    assertEquals(
        Optional.of(RefusalCodes.AMOUNT_NOT_POSITIVE), d.openRefusal(r, "INV-1", eur("0.00")));
    assertEquals(
        Optional.of(RefusalCodes.AMOUNT_PRECISION), d.openRefusal(r, "INV-1", eur("1.001")));
    // 100 remaining, 30 on hold: 70 may still be disputed
    assertEquals(Optional.empty(), d.openRefusal(r, "INV-1", eur("70.00")));
    assertEquals(
        Optional.of(RefusalCodes.DISPUTE_EXCEEDS_REMAINING),
        d.openRefusal(r, "INV-1", eur("70.01")));
    Receivables settled = r.receive("P1", DUE, eur("140.00"));
    assertEquals(
        Optional.of(RefusalCodes.DISPUTE_EXCEEDS_REMAINING),
        Disputes.NONE.openRefusal(settled, "INV-1", eur("0.01")));
    assertEquals(Optional.of(RefusalCodes.DISPUTE_NOT_FOUND), d.resolveRefusal("D9"));
    Disputes released = d.resolve("D1", Dispute.Status.RELEASED, DUE, eur("100.00"));
    assertEquals(Optional.of(RefusalCodes.DISPUTE_RESOLVED), released.resolveRefusal("D1"));
    assertSame(released, released.resolve("D1", Dispute.Status.UPHELD, DUE, eur("100.00")));
    assertThrows(
        IllegalArgumentException.class,
        () -> d.resolve("D1", Dispute.Status.OPEN, DUE, eur("100.00")));
  }

  @Test
  void aReleasedDisputeHoldsNothing() {
    Receivables r = twoInvoices();
    Disputes d =
        disputed("INV-1", "30.00").resolve("D1", Dispute.Status.RELEASED, DUE, eur("100.00"));
    assertEquals("0.00", d.onHold(r, "INV-1").toPlainString());
    assertEquals(Dispute.Status.RELEASED, d.dispute("D1").orElseThrow().status());
    assertEquals(DUE, d.dispute("D1").orElseThrow().resolvedOn());
  }

  @Test
  void anUpheldDisputeHoldsUntilTheRemainingFallsByItsAmount() {
    Receivables r = twoInvoices();
    Disputes d =
        disputed("INV-1", "30.00").resolve("D1", Dispute.Status.UPHELD, DUE, eur("100.00"));
    assertEquals("30.00", d.onHold(r, "INV-1").toPlainString());
    // a credit of 30 (here: a payment, as a credit note would) ends the hold; 70 is overdue
    Receivables credited = r.receive("C1", DUE, eur("30.00"));
    assertEquals("0.00", d.onHold(credited, "INV-1").toPlainString());
    Receivables partly = r.receive("C1", DUE, eur("10.00"));
    assertEquals("20.00", d.onHold(partly, "INV-1").toPlainString());
  }

  @Test
  void aKnownIdChangesNothing() {
    Disputes d = disputed("INV-1", "30.00");
    assertSame(d, d.open(Dispute.opened("D1", "INV-2", eur("1.00"), "", ISSUED)));
  }
}
