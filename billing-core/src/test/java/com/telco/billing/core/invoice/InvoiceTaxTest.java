package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InvoiceTax}: one item per rate, over the rounded lines. */
class InvoiceTaxTest {

  private static InvoiceContext context(AccountProfile account) {
    return new InvoiceContext(
        request(account, List.of(), "2026-02-01", List.of(), BillingHistory.EMPTY));
  }

  static InvoiceLine line(String amount, String taxCategory) {
    return new InvoiceLine(
        LineType.RECURRING,
        "line",
        "S1",
        "PLAN_M",
        "CHARGE",
        "V1",
        date("2026-01-01"),
        date("2026-02-01"),
        null,
        null,
        null,
        dec(amount),
        taxCategory,
        "4000",
        null,
        null,
        null,
        null,
        null,
        false);
  }

  @Test
  void linesAreGroupedByRateAndItemsOrderedByRate() {
    List<TaxItem> items =
        InvoiceTax.compute(
            context(account("EUR", 1, false)),
            List.of(
                line("24.99", "STANDARD"),
                line("4.99", "REDUCED"),
                line("24.99", "STANDARD"),
                line("4.99", "REDUCED")));
    // REDUCED 9.98 * 0.07 = 0.6986 -> 0.70; STANDARD 49.98 * 0.19 = 9.4962 -> 9.50
    assertEquals(
        List.of(
            new TaxItem(List.of("REDUCED"), dec("0.07"), dec("9.98"), dec("0.70")),
            new TaxItem(List.of("STANDARD"), dec("0.19"), dec("49.98"), dec("9.50"))),
        items);
  }

  @Test
  void twoCategoriesAtOneRateShareOneItem() {
    List<TaxItem> items =
        InvoiceTax.compute(
            context(account("EUR", 1, false, "AT")),
            List.of(line("4.99", "REDUCED"), line("24.99", "STANDARD")));
    // 29.98 * 0.20 = 5.996 -> 6.00
    assertEquals(
        List.of(
            new TaxItem(List.of("REDUCED", "STANDARD"), dec("0.20"), dec("29.98"), dec("6.00"))),
        items);
  }

  @Test
  void creditsLowerTheBaseAndANegativeBaseRoundsAwayFromZero() {
    List<TaxItem> items =
        InvoiceTax.compute(
            context(account("EUR", 1, false)),
            List.of(
                line("-12.50", "STANDARD"), line("-3.21", "STANDARD"), line("3.21", "STANDARD")));
    // -12.50 * 0.19 = -2.375 -> -2.38
    assertEquals(
        List.of(new TaxItem(List.of("STANDARD"), dec("0.19"), dec("-12.50"), dec("-2.38"))), items);
  }

  @Test
  void taxIsRoundedToTheCurrencysMinorUnits() {
    List<TaxItem> items =
        InvoiceTax.compute(context(account("JPY", 1, false)), List.of(line("2500", "STANDARD")));
    // 2500 * 0.19 = 475.00 -> 475
    assertEquals("475", items.get(0).taxAmount().toPlainString());
  }

  @Test
  void aTaxExemptAccountHasNoTaxItems() {
    assertTrue(
        InvoiceTax.compute(context(account("EUR", 1, true)), List.of(line("24.99", "STANDARD")))
            .isEmpty());
  }

  @Test
  void aCategoryWithoutARateCannotBeTaxed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InvoiceTax.compute(
                    context(account("EUR", 1, false)), List.of(line("1.00", "LUXURY"))));
    assertEquals("no tax rate for (DE, LUXURY) on 2026-02-01", e.getMessage());
  }
}
