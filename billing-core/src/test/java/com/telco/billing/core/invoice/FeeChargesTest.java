package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.catalog;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static com.telco.billing.core.invoice.InvoiceFixtures.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FeeCharges}: each pending fee is a one-time line of its own, taxed like the others. */
class FeeChargesTest {
  private static final FeeCharge LATE_FEE =
      new FeeCharge("fee-1", date("2026-01-25"), dec("5.00"), "STANDARD", "Late payment fee");

  private static InvoiceDraft invoice(
      AccountProfile account,
      List<Subscription> subscriptions,
      List<UsageLine> usage,
      List<FeeCharge> fees) {
    return InvoiceCalculator.compute(
            new InvoiceRequest(
                account,
                subscriptions,
                catalog(),
                date("2026-02-01"),
                usage,
                BillingHistory.EMPTY,
                fees))
        .draft();
  }

  @Test
  void aFeeIsAOneTimeLineWithItsTaxCategoryAndTheFeeIncomeAccount() {
    InvoiceDraft d = invoice(account("EUR", 1, false), List.of(), List.of(), List.of(LATE_FEE));
    assertEquals(
        List.of(
            new InvoiceLine(
                LineType.ONE_TIME,
                "Late payment fee",
                null,
                null,
                "fee-1",
                null,
                date("2026-01-25"),
                date("2026-01-26"),
                dec("1"),
                "each",
                dec("5.00"),
                dec("5.00"),
                "STANDARD",
                FeeCharge.GL_CODE,
                null,
                null,
                null,
                null,
                null,
                false)),
        d.lines());
    // DE STANDARD 19 %
    assertEquals(1, d.taxItems().size());
    assertEquals("0.95", d.taxAmount().toPlainString());
    assertEquals("5.95", d.taxIncludedAmount().toPlainString());
  }

  @Test
  void feesMakeAnInvoiceThatWouldHaveNoLines() {
    assertTrue(invoice(account("EUR", 1, false), List.of(), List.of(), List.of()).hasNoLines());
    InvoiceDraft withFee =
        invoice(account("EUR", 1, false), List.of(), List.of(), List.of(LATE_FEE));
    assertFalse(withFee.hasNoLines());
    assertFalse(withFee.zeroTotal());
  }

  @Test
  void feesComeAfterTheOtherLinesInTheOrderGivenAndAreTaxedAtTheirCategorysRate() {
    FeeCharge reduced =
        new FeeCharge("fee-2", date("2026-01-28"), dec("10.00"), "REDUCED", "Reminder fee");
    InvoiceDraft d =
        invoice(
            account("EUR", 1, false),
            List.of(subscription("S1", "PLAN_M", "2025-12-01")),
            List.of(voice("2026-01-01", "S1", 600, 3, "0.500000")),
            List.of(LATE_FEE, reduced));
    List<InvoiceLine> lines = d.lines();
    assertEquals("fee-1", lines.get(lines.size() - 2).chargeId());
    assertEquals("fee-2", lines.get(lines.size() - 1).chargeId());
    assertTrue(
        lines.subList(0, lines.size() - 2).stream()
            .noneMatch(l -> l.chargeId().startsWith("fee-")));
    TaxItem seven =
        d.taxItems().stream()
            .filter(t -> t.rate().compareTo(dec("0.07")) == 0)
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("REDUCED"), seven.taxCategories());
    assertEquals("10.00", seven.taxableAmount().toPlainString());
    assertEquals("0.70", seven.taxAmount().toPlainString());
  }

  @Test
  void aTaxExemptAccountPaysNoTaxOnFees() {
    InvoiceDraft d = invoice(account("EUR", 1, true), List.of(), List.of(), List.of(LATE_FEE));
    assertTrue(d.taxItems().isEmpty());
    assertEquals("5.00", d.taxIncludedAmount().toPlainString());
  }

  @Test
  void aFeeTakesTheCurrencysMinorUnits() {
    FeeCharge jpy = new FeeCharge("fee-1", date("2026-01-25"), dec("500"), "STANDARD", "Late fee");
    InvoiceDraft d = invoice(account("JPY", 1, false), List.of(), List.of(), List.of(jpy));
    assertEquals("500", d.lines().get(0).amount().toPlainString());
    assertEquals("95", d.taxAmount().toPlainString());
    FeeCharge bhd = new FeeCharge("fee-1", date("2026-01-25"), dec("2.5"), "STANDARD", "Late fee");
    assertEquals(
        "2.500",
        invoice(account("BHD", 1, false), List.of(), List.of(), List.of(bhd))
            .lines()
            .get(0)
            .amount()
            .toPlainString());
  }

  @Test
  void aFeeIdTwiceOrMoreDecimalsThanTheCurrencyHasCannotBeBilled() {
    AccountProfile eur = account("EUR", 1, false);
    assertThrows(
        IllegalArgumentException.class,
        () -> invoice(eur, List.of(), List.of(), List.of(LATE_FEE, LATE_FEE)));
    FeeCharge fractionalYen =
        new FeeCharge("fee-1", date("2026-01-25"), dec("500.5"), "STANDARD", "Late fee");
    assertThrows(
        IllegalArgumentException.class,
        () -> invoice(account("JPY", 1, false), List.of(), List.of(), List.of(fractionalYen)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeeCharge("fee-1", date("2026-01-25"), dec("0.00"), "STANDARD", "Late fee"));
  }

  @Test
  void aOneOffChargeIsAnAdjustmentLineWithItsOwnGlCodeAndTax() {
    FeeCharge charge =
        new FeeCharge(
            "CH-1",
            date("2026-01-20"),
            dec("12.50"),
            "REDUCED",
            "Replacement SIM",
            LineType.ADJUSTMENT,
            "4100-SIM");
    InvoiceDraft d =
        invoice(account("EUR", 1, false), List.of(), List.of(), List.of(LATE_FEE, charge));
    InvoiceLine line = d.lines().get(1);
    assertEquals(LineType.ADJUSTMENT, line.type());
    assertEquals("4100-SIM", line.glCode());
    assertEquals("CH-1", line.chargeId());
    assertEquals("Replacement SIM", line.description());
    assertEquals(FeeCharge.GL_CODE, d.lines().get(0).glCode());
    assertEquals(LineType.ONE_TIME, d.lines().get(0).type());
    // 5.00 * 19 % + 12.50 * 7 % = 0.95 + 0.88 (0.875 HALF_UP)
    assertEquals("1.83", d.taxAmount().toPlainString());
    assertEquals("19.33", d.taxIncludedAmount().toPlainString());
  }

  @Test
  void aFeeIsAOneTimeOrAnAdjustmentLine() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new FeeCharge(
                "CH-1",
                date("2026-01-20"),
                dec("1.00"),
                "STANDARD",
                "x",
                LineType.RECURRING,
                null));
    assertEquals(FeeCharge.GL_CODE, LATE_FEE.lineGlCode());
  }

  @Test
  void aRequestWithoutFeesBillsNone() {
    InvoiceRequest request =
        new InvoiceRequest(
            account("EUR", 1, false),
            List.of(),
            catalog(),
            date("2026-02-01"),
            List.of(),
            BillingHistory.EMPTY);
    assertTrue(request.fees().isEmpty());
  }
}
