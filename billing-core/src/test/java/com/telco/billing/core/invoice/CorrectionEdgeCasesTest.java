package com.telco.billing.core.invoice;

import static com.telco.billing.core.catalog.CatalogSamples.amounts;
import static com.telco.billing.core.catalog.CatalogSamples.recurring;
import static com.telco.billing.core.catalog.CatalogSamples.taxRate;
import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.catalog;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogDocument.ProductOfferingJson;
import com.telco.billing.core.catalog.CatalogValidator;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.invoice.BillingHistory.ChargedDiscount;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.subscription.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Corrections at their edges: a correction period priced by a catalog version without the account's
 * currency, the first invoice after a history written before corrections looked back (discount
 * ordinals kept), usage lines kept before the split per charge after a plan change reported late, a
 * rolling upgrade's mix of usage lines, and days no version prices not counting as a discount
 * period (docs/invoicing.md, "Corrections and the look-back").
 */
class CorrectionEdgeCasesTest {

  private static List<String> summary(InvoiceDraft draft) {
    List<String> out = new ArrayList<>();
    for (InvoiceLine l : draft.lines()) {
      out.add(
          l.type()
              + (l.credit() ? "* " : " ")
              + l.servicePeriodStart()
              + ".."
              + l.servicePeriodEnd()
              + " "
              + l.amount().toPlainString());
    }
    return out;
  }

  private static CatalogVersion plainVersion(String id, String from, List<String> currencies) {
    CatalogDocument doc =
        new CatalogDocument(
            id,
            from,
            null,
            currencies,
            List.of(),
            List.of(taxRate("GB", "STANDARD", "0.20", "2000-01-01", null)),
            List.of(
                new ProductOfferingJson(
                    "PLAN_X",
                    "Plan X",
                    null,
                    true,
                    List.of(
                        recurring(
                            "PLAN_X_MONTHLY",
                            "Plan X monthly fee",
                            currencies.size() == 1
                                ? amounts("EUR", "10.00")
                                : amounts("EUR", "10.00", "GBP", "9.00"),
                            "STANDARD",
                            "4000-SUBSCRIPTIONS")),
                    null)));
    var validated = CatalogValidator.validate(doc);
    if (!validated.isValid()) {
      throw new IllegalStateException(validated.toString());
    }
    return validated.value();
  }

  /**
   * Days of a correction period whose catalog version has no price in the account's currency are
   * reported as not priceable; they must not block the invoice (the period could then never be
   * closed, nor any later one).
   */
  @Test
  void aBackdatedActivationIntoAVersionWithoutTheAccountsCurrencyDoesNotBlockTheInvoice() {
    Catalog catalog =
        new Catalog(
            List.of(
                plainVersion("V1", "2025-01-01T00:00:00Z", List.of("EUR")),
                plainVersion("V2", "2026-01-01T00:00:00Z", List.of("EUR", "GBP"))));
    AccountProfile gbp = account("GBP", 1, false, "GB");
    Subscription s = subscription("S1", "PLAN_X", "2025-12-10");
    assertDoesNotThrow(
        () ->
            InvoiceCalculator.compute(
                new InvoiceRequest(
                    gbp,
                    List.of(s),
                    catalog,
                    date("2026-02-01"),
                    List.of(),
                    BillingHistory.EMPTY,
                    List.of(),
                    12)));
  }

  /**
   * The periods a history written before corrections looked back holds keep the discounts they were
   * charged with (their ordinal counted the periods charged), on the first invoice after and the
   * ones after it.
   */
  @Test
  void theFirstInvoiceAfterTheUpgradeDoesNotRepriceDiscountsOfPeriodsTheOldCodeInvoiced() {
    AccountProfile eur = account("EUR", 1, false);
    // activated (migrated) long before the account's first invoice of 2026-01-01; the old code
    // charged December (closed) and January (advance) as the subscription's periods 1 and 2, with
    // the 50 % welcome discount
    Subscription s = subscription("S1", "PLAN_S", "2025-06-10");
    ChargedService dec =
        new ChargedService(
            "S1",
            date("2025-12-01"),
            date("2026-01-01"),
            1,
            "PLAN_S",
            "PLAN_S_MONTHLY",
            "V1",
            "Plan S monthly fee",
            "STANDARD",
            "4000-SUBSCRIPTIONS",
            date("2025-12-01"),
            date("2026-01-01"),
            dec("9.99"),
            List.of(
                new ChargedDiscount(
                    "PLAN_S_WELCOME", "Welcome discount 50 %", "4900-DISCOUNTS", dec("-5.00"))),
            List.of());
    ChargedService jan =
        new ChargedService(
            "S1",
            date("2026-01-01"),
            date("2026-02-01"),
            2,
            "PLAN_S",
            "PLAN_S_MONTHLY",
            "V1",
            "Plan S monthly fee",
            "STANDARD",
            "4000-SUBSCRIPTIONS",
            date("2026-01-01"),
            date("2026-02-01"),
            dec("9.99"),
            List.of(
                new ChargedDiscount(
                    "PLAN_S_WELCOME", "Welcome discount 50 %", "4900-DISCOUNTS", dec("-5.00"))),
            List.of());
    BillingHistory old =
        new BillingHistory(
            date("2025-12-01"),
            date("2026-01-01"),
            Set.of(date("2025-12-01")),
            List.of(dec, jan),
            Map.of("S1", 2),
            List.of(),
            Map.of());
    InvoiceComputation c =
        InvoiceCalculator.compute(
            new InvoiceRequest(
                eur, List.of(s), catalog(), date("2026-02-01"), List.of(), old, List.of(), 12));
    // nothing was reported late: February in advance only
    assertEquals(List.of("RECURRING 2026-02-01..2026-03-01 9.99"), summary(c.draft()));
    // nor on the invoice after: the old records keep their ordinals
    InvoiceComputation next =
        InvoiceCalculator.compute(
            new InvoiceRequest(
                eur,
                List.of(s),
                catalog(),
                date("2026-03-01"),
                List.of(),
                c.historyAfter(),
                List.of(),
                12));
    assertEquals(List.of("RECURRING 2026-03-01..2026-04-01 9.99"), summary(next.draft()));
  }

  /**
   * A usage line kept before the split per charge (or any line of a key billed before it) after a
   * plan change reported late to an offering without that usage type is billed like the same
   * records in a per-charge line: priced by a charge of the subscription's former offering.
   */
  @Test
  void anOldFormUsageLineAfterALatePlanChangeDoesNotBlockTheInvoice() {
    AccountProfile eur = account("EUR", 1, false);
    Subscription s = subscription("S1", "PLAN_M", "2026-01-01");
    // the records of February were rated with PLAN_M (old-form line from an old node's snapshot);
    // a plan change to PRESS (no usage charges) dated 2026-02-01 is reported before the invoice
    Subscription late = InvoiceFixtures.changed(s, "PRESS", "2026-02-01");
    BillingHistory h =
        InvoiceCalculator.compute(
                new InvoiceRequest(
                    eur,
                    List.of(s),
                    catalog(),
                    date("2026-02-01"),
                    List.of(),
                    BillingHistory.EMPTY,
                    List.of(),
                    12))
            .historyAfter();
    // per-charge line: billed (chargePricing falls back to any catalog version)
    assertDoesNotThrow(
        () ->
            InvoiceCalculator.compute(
                new InvoiceRequest(
                    eur,
                    List.of(late),
                    catalog(),
                    date("2026-03-01"),
                    List.of(InvoiceFixtures.voiceOf("2026-02-01", "S1", "PLAN_M", 600, 3, "0.5")),
                    h,
                    List.of(),
                    12)));
    // the same records in an old-form line
    assertDoesNotThrow(
        () ->
            InvoiceCalculator.compute(
                new InvoiceRequest(
                    eur,
                    List.of(late),
                    catalog(),
                    date("2026-03-01"),
                    List.of(InvoiceFixtures.voice("2026-02-01", "S1", 600, 3, "0.5")),
                    h,
                    List.of(),
                    12)));
  }

  /** Totals billed under the key without charge and a book of mixed lines: only new records. */
  @Test
  void upgradeMixedUsageLinesAreNotBilledTwice() {
    AccountProfile eur = account("EUR", 1, false);
    Subscription s = subscription("S1", "PLAN_M", "2026-01-01");
    // old code billed February's VOICE under the key without charge
    BillingHistory h =
        InvoiceCalculator.compute(
                new InvoiceRequest(
                    eur,
                    List.of(s),
                    catalog(),
                    date("2026-03-01"),
                    List.of(InvoiceFixtures.voice("2026-02-01", "S1", 600, 3, "0.5")),
                    BillingHistory.EMPTY,
                    List.of(),
                    12))
            .historyAfter();
    BillingHistory old =
        new BillingHistory(
            h.firstPeriodStart(),
            h.lastCycleDate(),
            h.recentPeriods(),
            h.charges(),
            h.periodsCharged(),
            h.oneTimeCharges(),
            h.billedUsage());
    // snapshot line + a late record replayed per charge
    InvoiceComputation mixed =
        InvoiceCalculator.compute(
            new InvoiceRequest(
                eur,
                List.of(s),
                catalog(),
                date("2026-04-01"),
                List.of(
                    InvoiceFixtures.voice("2026-02-01", "S1", 600, 3, "0.5"),
                    InvoiceFixtures.voiceOf("2026-02-01", "S1", "PLAN_M", 60, 1, "0.05")),
                old,
                List.of(),
                12));
    // full replay: only per-charge lines
    InvoiceComputation replay =
        InvoiceCalculator.compute(
            new InvoiceRequest(
                eur,
                List.of(s),
                catalog(),
                date("2026-04-01"),
                List.of(InvoiceFixtures.voiceOf("2026-02-01", "S1", "PLAN_M", 660, 4, "0.55")),
                old,
                List.of(),
                12));
    for (InvoiceComputation c : List.of(mixed, replay)) {
      List<String> usage = summary(c.draft()).stream().filter(l -> l.contains("USAGE")).toList();
      assertEquals(List.of("LATE_USAGE 2026-02-01..2026-03-01 0.05"), usage);
    }
    // and the next invoice bills nothing more for February
    InvoiceComputation next =
        InvoiceCalculator.compute(
            new InvoiceRequest(
                eur,
                List.of(s),
                catalog(),
                date("2026-05-01"),
                List.of(InvoiceFixtures.voiceOf("2026-02-01", "S1", "PLAN_M", 660, 4, "0.55")),
                mixed.historyAfter(),
                List.of(),
                12));
    assertEquals(
        List.of(), summary(next.draft()).stream().filter(l -> l.contains("USAGE")).toList());
  }

  /** A period no catalog version prices is not charged and does not count as the first. */
  @Test
  void aPeriodNoVersionPricesDoesNotUseUpTheWelcomeDiscount() {
    AccountProfile eur = account("EUR", 1, false);
    Subscription s = subscription("S1", "PLAN_S", "2024-12-20"); // V1 starts 2025-01-01
    InvoiceComputation c =
        InvoiceCalculator.compute(
            new InvoiceRequest(
                eur,
                List.of(s),
                catalog(),
                date("2025-02-01"),
                List.of(),
                BillingHistory.EMPTY,
                List.of(),
                12));
    List<String> discounts =
        summary(c.draft()).stream().filter(l -> l.startsWith("DISCOUNT")).toList();
    // January and February are the first two periods charged: both get the 50 % discount
    assertEquals(
        List.of("DISCOUNT 2025-01-01..2025-02-01 -5.00", "DISCOUNT 2025-02-01..2025-03-01 -5.00"),
        discounts);
  }
}
