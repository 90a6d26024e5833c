package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.catalog;
import static com.telco.billing.core.invoice.InvoiceFixtures.changed;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static com.telco.billing.core.invoice.InvoiceFixtures.suspended;
import static com.telco.billing.core.invoice.InvoiceFixtures.terminated;
import static com.telco.billing.core.invoice.InvoiceFixtures.voice;
import static com.telco.billing.core.invoice.InvoiceFixtures.voiceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Corrections of late and backdated changes (docs/billing-rules.md, "Corrections of late and
 * backdated changes"; docs/invoicing.md, "Corrections and the look-back"), computed by hand: a
 * backdated activation, a termination and a plan change reported after the invoice of their period,
 * discounts per the subscription's own period count, the look-back's limit and usage lines per
 * charge with the charge's tax category.
 */
class CorrectionsTest {
  private static final AccountProfile EUR_DE = account("EUR", 1, false);

  private static InvoiceComputation invoice(
      AccountProfile account,
      List<Subscription> subs,
      String cycle,
      List<UsageLine> usage,
      BillingHistory history,
      int lookBack) {
    return InvoiceCalculator.compute(
        new InvoiceRequest(
            account, subs, catalog(), date(cycle), usage, history, List.of(), lookBack));
  }

  private static InvoiceComputation invoice(
      List<Subscription> subs, String cycle, BillingHistory history) {
    return invoice(EUR_DE, subs, cycle, List.of(), history, 12);
  }

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
              + l.amount().toPlainString()
              + (l.originalPeriodStart() == null ? "" : " of " + l.originalPeriodStart()));
    }
    return out;
  }

  private static void assertAmount(String expected, BigDecimal actual) {
    assertEquals(0, dec(expected).compareTo(actual), () -> expected + " != " + actual);
  }

  @Test
  void aBackdatedActivationIsChargedFromItsDateWithItsFeeAndDiscountsCountedFromItsFirstPeriod() {
    // reported after 2026-01-01: the first invoice is 2026-02-01 (closed January, advance February)
    Subscription s = subscription("S1", "PLAN_S", "2025-12-10");
    InvoiceComputation c = invoice(List.of(s), "2026-02-01", BillingHistory.EMPTY);
    // December 22 of 31 days: HALF_UP(9.99 * 22 / 31 = 7.0897) = 7.09, period 1: -HALF_UP(3.545)
    // January full 9.99, period 2: -HALF_UP(4.995) = -5.00; February 9.99, period 3: no discount;
    // the activation fee 19.99 of 2025-12-10
    assertEquals(
        List.of(
            "RECURRING 2025-12-10..2026-01-01 7.09 of 2025-12-01",
            "DISCOUNT 2025-12-10..2026-01-01 -3.55 of 2025-12-01",
            "RECURRING 2026-01-01..2026-02-01 9.99",
            "DISCOUNT 2026-01-01..2026-02-01 -5.00",
            "RECURRING 2026-02-01..2026-03-01 9.99",
            "ONE_TIME 2025-12-10..2025-12-11 19.99 of 2025-12-01"),
        summary(c.draft()));
    assertEquals(
        "Correction of [2025-12-01, 2026-01-01): Plan S monthly fee, 22 of 31 days"
            + " (activation on 2025-12-10)",
        c.draft().lines().get(0).description());
    // net 38.51, tax HALF_UP(38.51 * 0.19 = 7.3169) = 7.32
    assertAmount("38.51", c.draft().taxExcludedAmount());
    assertAmount("7.32", c.draft().taxAmount());
    assertAmount("45.83", c.draft().taxIncludedAmount());
    assertTrue(c.uncorrected().isEmpty());
    // the next invoice charges March only: nothing is billed twice
    InvoiceComputation next = invoice(List.of(s), "2026-03-01", c.historyAfter());
    assertEquals(List.of("RECURRING 2026-03-01..2026-04-01 9.99"), summary(next.draft()));
  }

  @Test
  void aTerminationReportedAfterTheInvoiceOfItsPeriodIsCreditedOnTheNextInvoice() {
    Subscription s = subscription("S1", "PLAN_M", "2026-01-01");
    BillingHistory h = invoice(List.of(s), "2026-02-01", BillingHistory.EMPTY).historyAfter();
    h = invoice(List.of(s), "2026-03-01", h).historyAfter();
    // fulfilment reports a termination dated 2026-02-10 after the invoice of 2026-03-01
    InvoiceComputation c = invoice(List.of(terminated(s, "2026-02-10")), "2026-04-01", h);
    // February: 19 of 28 days: -HALF_UP(24.99 * 19 / 28 = 16.9575) = -16.96;
    // March (charged in advance on 2026-03-01): all 31 days, -24.99
    assertEquals(
        List.of(
            "RECURRING* 2026-02-10..2026-03-01 -16.96 of 2026-02-01",
            "RECURRING* 2026-03-01..2026-04-01 -24.99"),
        summary(c.draft()));
    assertEquals(
        "Correction of [2026-02-01, 2026-03-01): Credit: Plan M monthly fee, 19 of 28 days"
            + " (termination on 2026-02-10)",
        c.draft().lines().get(0).description());
    // tax HALF_UP(-41.95 * 0.19 = -7.9705) = -7.97
    assertAmount("-41.95", c.draft().taxExcludedAmount());
    assertAmount("-7.97", c.draft().taxAmount());
  }

  @Test
  void aPlanChangeReportedLateCreditsTheOldPlanAndChargesTheNewOneFromTheChangeDate() {
    Subscription s = subscription("S1", "PLAN_M", "2026-01-01");
    BillingHistory h = invoice(List.of(s), "2026-02-01", BillingHistory.EMPTY).historyAfter();
    h = invoice(List.of(s), "2026-03-01", h).historyAfter();
    InvoiceComputation c = invoice(List.of(changed(s, "PLAN_S", "2026-02-15")), "2026-04-01", h);
    // February: PLAN_M 14 of 28 days -HALF_UP(12.495) = -12.50; PLAN_S 14 of 28 days (V1)
    // HALF_UP(4.995) = 5.00 in the subscription's period 2: welcome discount -HALF_UP(2.5);
    // March: PLAN_M -24.99, PLAN_S 9.99 (V1 on 03-01; period 3, no discount); April 12.99 (V2)
    assertEquals(
        List.of(
            "RECURRING* 2026-02-15..2026-03-01 -12.50 of 2026-02-01",
            "RECURRING 2026-02-15..2026-03-01 5.00 of 2026-02-01",
            "DISCOUNT 2026-02-15..2026-03-01 -2.50 of 2026-02-01",
            "RECURRING* 2026-03-01..2026-04-01 -24.99",
            "RECURRING 2026-03-01..2026-04-01 9.99",
            "RECURRING 2026-04-01..2026-05-01 12.99"),
        summary(c.draft()));
    assertAmount("-12.01", c.draft().taxExcludedAmount());
    assertAmount("-2.28", c.draft().taxAmount());
  }

  @Test
  void aSuspensionReportedLateMovesTheDiscountToThePeriodThatIsNowTheSecond() {
    // PLAN_S is not charged while suspended; its welcome discount covers periods 1 and 2
    Subscription s = subscription("S1", "PLAN_S", "2026-01-10");
    BillingHistory h = invoice(List.of(s), "2026-02-01", BillingHistory.EMPTY).historyAfter();
    h = invoice(List.of(s), "2026-03-01", h).historyAfter();
    // February was charged as period 2 (discounted) and March in advance as period 3; a
    // suspension of all of February (resumed 2026-03-01) is reported: March becomes period 2
    Subscription late = InvoiceFixtures.resumed(suspended(s, "2026-02-01"), "2026-03-01");
    InvoiceComputation c = invoice(List.of(late), "2026-04-01", h);
    // February credited: -9.99 and its discount +5.00; March credited (-9.99) and charged again
    // as period 2 with its discount (9.99, -5.00); April (V2) 12.99, period 3
    assertEquals(
        List.of(
            "RECURRING* 2026-02-01..2026-03-01 -9.99 of 2026-02-01",
            "DISCOUNT* 2026-02-01..2026-03-01 5.00 of 2026-02-01",
            "RECURRING* 2026-03-01..2026-04-01 -9.99",
            "RECURRING 2026-03-01..2026-04-01 9.99",
            "DISCOUNT 2026-03-01..2026-04-01 -5.00",
            "RECURRING 2026-04-01..2026-05-01 12.99"),
        summary(c.draft()));
  }

  @Test
  void changesBeforeTheLookBackAreReportedNotBilled() {
    // a 3-month look-back at 2026-02-01 starts on 2025-11-01
    Subscription s = subscription("S1", "PLAN_M", "2025-10-15");
    InvoiceComputation c =
        invoice(EUR_DE, List.of(s), "2026-02-01", List.of(), BillingHistory.EMPTY, 3);
    assertEquals(
        List.of(
            "RECURRING 2025-11-01..2025-12-01 24.99 of 2025-11-01",
            "RECURRING 2025-12-01..2026-01-01 24.99 of 2025-12-01",
            "RECURRING 2026-01-01..2026-02-01 24.99",
            "RECURRING 2026-02-01..2026-03-01 24.99"),
        summary(c.draft()));
    assertEquals(
        List.of(
            new UncorrectedChange(
                "S1",
                "ACTIVATED",
                date("2025-10-15"),
                date("2025-11-01"),
                UncorrectedChange.BEYOND_LOOK_BACK)),
        c.uncorrected());
    // seen once, reported once
    InvoiceComputation next =
        InvoiceCalculator.compute(
            new InvoiceRequest(
                EUR_DE,
                List.of(s),
                catalog(),
                date("2026-03-01"),
                List.of(),
                c.historyAfter(),
                List.of(),
                3));
    assertTrue(next.uncorrected().isEmpty());
  }

  @Test
  void daysNoCatalogVersionPricesAreReportedNotBilled() {
    // the catalog starts on 2025-01-01; a 13-month look-back at 2026-01-01 starts on 2024-12-01
    Subscription s = subscription("S1", "PLAN_S", "2024-12-20");
    InvoiceComputation c =
        invoice(EUR_DE, List.of(s), "2026-01-01", List.of(), BillingHistory.EMPTY, 13);
    assertEquals(
        List.of(
            new UncorrectedChange(
                "S1",
                "ACTIVATED",
                date("2024-12-20"),
                date("2024-12-01"),
                UncorrectedChange.NOT_PRICEABLE)),
        c.uncorrected());
    // January 2025 is the subscription's second period: the first had active (unpriced) days
    InvoiceLine january = c.draft().lines().get(0);
    assertEquals(date("2025-01-01"), january.servicePeriodStart());
    assertEquals(date("2025-01-01"), january.originalPeriodStart());
  }

  @Test
  void aTerminationReportedBeyondTheLookBackIsReportedAndTheWindowStillCorrected() {
    Subscription s = subscription("S1", "PLAN_M", "2026-01-01");
    BillingHistory h = invoice(List.of(s), "2026-02-01", BillingHistory.EMPTY).historyAfter();
    for (String cycle : List.of("2026-03-01", "2026-04-01", "2026-05-01")) {
      h = invoice(EUR_DE, List.of(s), cycle, List.of(), h, 2).historyAfter();
    }
    // a 2-month look-back at 2026-06-01 starts on 2026-04-01; terminated on 2026-02-20
    InvoiceComputation c =
        invoice(EUR_DE, List.of(terminated(s, "2026-02-20")), "2026-06-01", List.of(), h, 2);
    assertEquals(
        List.of(
            "RECURRING* 2026-04-01..2026-05-01 -24.99 of 2026-04-01",
            "RECURRING* 2026-05-01..2026-06-01 -24.99"),
        summary(c.draft()));
    assertEquals(
        List.of(
            new UncorrectedChange(
                "S1",
                "TERMINATED",
                date("2026-02-20"),
                date("2026-04-01"),
                UncorrectedChange.BEYOND_LOOK_BACK)),
        c.uncorrected());
  }

  @Test
  void aPlanChangeBetweenChargesOfDifferentTaxCategoriesGivesOneUsageLinePerCharge() {
    // PLAN_M's calls are STANDARD (19 %), PLAN_R's REDUCED (7 %)
    Subscription s = changed(subscription("S1", "PLAN_M", "2025-12-01"), "PLAN_R", "2026-01-16");
    List<UsageLine> usage =
        List.of(
            voiceOf("2026-01-01", "S1", "PLAN_M", 600, 10, "0.500000"),
            voiceOf("2026-01-01", "S1", "PLAN_R", 300, 5, "0.350000"));
    BillingHistory h = invoice(List.of(s), "2026-01-01", BillingHistory.EMPTY).historyAfter();
    InvoiceComputation c = invoice(EUR_DE, List.of(s), "2026-02-01", usage, h, 12);
    List<InvoiceLine> usageLines =
        c.draft().lines().stream().filter(l -> l.type() == LineType.USAGE).toList();
    assertEquals(2, usageLines.size());
    assertEquals("Plan M calls (Plan M)", usageLines.get(0).description());
    assertEquals("PLAN_M_VOICE", usageLines.get(0).chargeId());
    assertEquals("STANDARD", usageLines.get(0).taxCategory());
    assertAmount("0.50", usageLines.get(0).amount());
    assertEquals("Plan R calls (Plan R)", usageLines.get(1).description());
    assertEquals("PLAN_R_VOICE", usageLines.get(1).chargeId());
    assertEquals("REDUCED", usageLines.get(1).taxCategory());
    assertAmount("0.35", usageLines.get(1).amount());
    // tax per rate: REDUCED 7 % on 0.35 = 0.0245 -> 0.02 (no other REDUCED line)
    TaxItem reduced =
        c.draft().taxItems().stream()
            .filter(t -> t.taxCategories().contains("REDUCED"))
            .findFirst()
            .orElseThrow();
    assertAmount("0.35", reduced.taxableAmount());
    assertAmount("0.02", reduced.taxAmount());
    // late records of the new plan are billed as the difference of their own line
    List<UsageLine> later =
        List.of(
            voiceOf("2026-01-01", "S1", "PLAN_M", 600, 10, "0.500000"),
            voiceOf("2026-01-01", "S1", "PLAN_R", 420, 7, "0.490000"));
    InvoiceComputation next =
        invoice(EUR_DE, List.of(s), "2026-03-01", later, c.historyAfter(), 12);
    List<InvoiceLine> late =
        next.draft().lines().stream().filter(l -> l.type() == LineType.LATE_USAGE).toList();
    assertEquals(1, late.size());
    assertEquals("PLAN_R_VOICE", late.get(0).chargeId());
    assertAmount("0.14", late.get(0).amount());
    assertEquals(2L, late.get(0).records());
  }

  @Test
  void usageBilledBeforeLinesWereSplitPerChargeIsBilledAsOneLineAsBefore() {
    Subscription s = subscription("S1", "PLAN_M", "2025-12-01");
    BillingHistory h = invoice(List.of(s), "2026-01-01", BillingHistory.EMPTY).historyAfter();
    // January's usage billed under the key without charge (the line as kept before the split)
    InvoiceComputation c =
        invoice(
            EUR_DE,
            List.of(s),
            "2026-02-01",
            List.of(voice("2026-01-01", "S1", 600, 10, "0.500000")),
            h,
            12);
    // then the book holds the same records per charge, and two more: only those are billed
    InvoiceComputation next =
        invoice(
            EUR_DE,
            List.of(s),
            "2026-03-01",
            List.of(voiceOf("2026-01-01", "S1", "PLAN_M", 720, 12, "0.600000")),
            c.historyAfter(),
            12);
    List<InvoiceLine> late =
        next.draft().lines().stream().filter(l -> l.type() == LineType.LATE_USAGE).toList();
    assertEquals(1, late.size());
    assertAmount("0.10", late.get(0).amount());
    assertEquals(2L, late.get(0).records());
  }
}
