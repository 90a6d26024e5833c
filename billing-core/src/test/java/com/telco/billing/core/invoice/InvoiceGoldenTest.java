package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.changed;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.request;
import static com.telco.billing.core.invoice.InvoiceFixtures.resumed;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static com.telco.billing.core.invoice.InvoiceFixtures.suspended;
import static com.telco.billing.core.invoice.InvoiceFixtures.terminated;
import static com.telco.billing.core.invoice.InvoiceFixtures.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden invoices computed by hand from docs/billing-rules.md: each scenario is a sequence of cycle
 * dates, what the account knows at each, and the expected lines (type, charge id, amount), tax
 * items (rate, base, tax) and tax-included total. The hand computation is in the comments.
 */
class InvoiceGoldenTest {

  /** One invoice of a scenario; {@code lines == null} means "not checked". */
  record Step(
      String cycleDate,
      List<Subscription> subscriptions,
      List<UsageLine> usage,
      List<String> lines,
      List<String> tax,
      String total) {}

  record Scenario(String name, AccountProfile account, List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Step step(
      String cycleDate,
      List<Subscription> subs,
      List<UsageLine> usage,
      List<String> lines,
      List<String> tax,
      String total) {
    return new Step(cycleDate, subs, usage, lines, tax, total);
  }

  static Stream<Scenario> scenarios() {
    Subscription mJan10 = subscription("S1", "PLAN_M", "2026-01-10");
    Subscription sJan10 = subscription("S1", "PLAN_S", "2026-01-10");
    Subscription sJan1 = subscription("S1", "PLAN_S", "2026-01-01");
    Subscription mJan1 = subscription("S1", "PLAN_M", "2026-01-01");
    Subscription pressJan1 = subscription("S2", "PRESS", "2026-01-01");
    return Stream.of(
        new Scenario(
            "mid-period activation, 31-day partial period and a 28-day February in advance",
            account("EUR", 1, false),
            List.of(
                // closed [01-01, 02-01) 31 days, active 01-10..01-31 = 22 days:
                // 24.99 * 22 / 31 = 17.734838.. -> 17.73; advance [02-01, 03-01) full: 24.99
                // net 42.72; tax 42.72 * 0.19 = 8.1168 -> 8.12; total 50.84
                step(
                    "2026-02-01",
                    List.of(mJan10),
                    List.of(),
                    List.of("RECURRING PLAN_M_MONTHLY 17.73", "RECURRING PLAN_M_MONTHLY 24.99"),
                    List.of("0.19 42.72 8.12"),
                    "50.84"))),
        new Scenario(
            "tax-exempt account: no tax items",
            account("EUR", 1, true),
            List.of(
                // as above without tax: 17.73 + 24.99 = 42.72
                step(
                    "2026-02-01",
                    List.of(mJan10),
                    List.of(),
                    List.of("RECURRING PLAN_M_MONTHLY 17.73", "RECURRING PLAN_M_MONTHLY 24.99"),
                    List.of(),
                    "42.72"))),
        new Scenario(
            "discount for the first two periods, activation fee, catalog price change",
            account("EUR", 1, false),
            List.of(
                // partial 9.99 * 22 / 31 = 7.089677 -> 7.09; discount -HALF_UP(7.09 * 0.5 = 3.545)
                // = -3.55; advance 9.99, discount -HALF_UP(4.995) = -5.00; activation 19.99
                // net 7.09 - 3.55 + 9.99 - 5.00 + 19.99 = 28.52; tax 5.4188 -> 5.42; total 33.94
                step(
                    "2026-02-01",
                    List.of(sJan10),
                    List.of(),
                    List.of(
                        "RECURRING PLAN_S_MONTHLY 7.09",
                        "DISCOUNT PLAN_S_WELCOME -3.55",
                        "RECURRING PLAN_S_MONTHLY 9.99",
                        "DISCOUNT PLAN_S_WELCOME -5.00",
                        "ONE_TIME PLAN_S_ACTIVATION 19.99"),
                    List.of("0.19 28.52 5.42"),
                    "33.94"),
                // third charged period [03-01, 04-01): no discount; 9.99, tax 1.8981 -> 1.90
                step(
                    "2026-03-01",
                    List.of(sJan10),
                    List.of(),
                    List.of("RECURRING PLAN_S_MONTHLY 9.99"),
                    List.of("0.19 9.99 1.90"),
                    "11.89"),
                // [04-01, 05-01) priced with V2 (in effect from 03-15): 12.99; tax 2.4681 -> 2.47
                step(
                    "2026-04-01",
                    List.of(sJan10),
                    List.of(),
                    List.of("RECURRING PLAN_S_MONTHLY 12.99"),
                    List.of("0.19 12.99 2.47"),
                    "15.46"))),
        new Scenario(
            "termination in a period billed in advance credits recurring and discount",
            account("EUR", 1, false),
            List.of(
                // Jan 9.99 - 5.00, Feb 9.99 - 5.00, activation 19.99 = 29.97; tax 5.6943 -> 5.69
                step(
                    "2026-02-01",
                    List.of(sJan1),
                    List.of(),
                    List.of(
                        "RECURRING PLAN_S_MONTHLY 9.99",
                        "DISCOUNT PLAN_S_WELCOME -5.00",
                        "RECURRING PLAN_S_MONTHLY 9.99",
                        "DISCOUNT PLAN_S_WELCOME -5.00",
                        "ONE_TIME PLAN_S_ACTIVATION 19.99"),
                    List.of("0.19 29.97 5.69"),
                    "35.66"),
                // terminated 02-20: unused [02-20, 03-01) = 9 of 28 days
                // credit -HALF_UP(9.99 * 9 / 28 = 3.211071) = -3.21
                // discount credit -(HALF_UP(-5.00 * 9 / 28 = -1.607142) = -1.61) = +1.61
                // net -1.60; tax -1.60 * 0.19 = -0.304 -> -0.30; total -1.90
                step(
                    "2026-03-01",
                    List.of(terminated(sJan1, "2026-02-20")),
                    List.of(),
                    List.of("RECURRING* PLAN_S_MONTHLY -3.21", "DISCOUNT* PLAN_S_WELCOME 1.61"),
                    List.of("0.19 -1.60 -0.30"),
                    "-1.90"))),
        new Scenario(
            "plan change inside a period billed in advance; two tax rates",
            account("EUR", 1, false),
            List.of(
                step("2026-02-01", List.of(mJan1), List.of(), null, null, null),
                // change to PRESS on 02-15: credit PLAN_M [02-15, 03-01) 14 of 28 days:
                // -HALF_UP(24.99 * 14 / 28 = 12.495) = -12.50 (STANDARD)
                // PRESS [02-15, 03-01): 4.99 * 14 / 28 = 2.495 -> 2.50; advance PRESS 4.99
                // (REDUCED)
                // STANDARD base -12.50 * 0.19 = -2.375 -> -2.38; REDUCED 7.49 * 0.07 = 0.5243 ->
                // 0.52
                // net -5.01; tax -1.86; total -6.87
                step(
                    "2026-03-01",
                    List.of(changed(mJan1, "PRESS", "2026-02-15")),
                    List.of(),
                    List.of(
                        "RECURRING* PLAN_M_MONTHLY -12.50",
                        "RECURRING PRESS_MONTHLY 2.50",
                        "RECURRING PRESS_MONTHLY 4.99"),
                    List.of("0.07 7.49 0.52", "0.19 -12.50 -2.38"),
                    "-6.87"))),
        new Scenario(
            "two tax rates on one invoice",
            account("EUR", 1, false),
            List.of(
                // STANDARD 24.99 * 2 = 49.98 * 0.19 = 9.4962 -> 9.50
                // REDUCED 4.99 * 2 = 9.98 * 0.07 = 0.6986 -> 0.70; net 59.96 + 10.20 = 70.16
                step(
                    "2026-02-01",
                    List.of(mJan1, pressJan1),
                    List.of(),
                    List.of(
                        "RECURRING PLAN_M_MONTHLY 24.99",
                        "RECURRING PLAN_M_MONTHLY 24.99",
                        "RECURRING PRESS_MONTHLY 4.99",
                        "RECURRING PRESS_MONTHLY 4.99"),
                    List.of("0.07 9.98 0.70", "0.19 49.98 9.50"),
                    "70.16"))),
        new Scenario(
            "two tax categories at one rate share one tax item",
            account("EUR", 1, false, "AT"),
            List.of(
                // (49.98 + 9.98) = 59.96 * 0.20 = 11.992 -> 11.99; total 71.95
                step(
                    "2026-02-01",
                    List.of(mJan1, pressJan1),
                    List.of(),
                    null,
                    List.of("0.20 59.96 11.99"),
                    "71.95"))),
        new Scenario(
            "usage in arrears and late usage on the next invoice",
            account("EUR", 1, false),
            List.of(
                // usage of Jan: 1.234567 -> 1.23; recurring 24.99 + 24.99
                // net 51.21; tax 9.7299 -> 9.73; total 60.94
                step(
                    "2026-02-01",
                    List.of(mJan1),
                    List.of(voice("2026-01-01", "S1", 1500, 25, "1.234567")),
                    List.of(
                        "RECURRING PLAN_M_MONTHLY 24.99",
                        "RECURRING PLAN_M_MONTHLY 24.99",
                        "USAGE PLAN_M_VOICE 1.23"),
                    List.of("0.19 51.21 9.73"),
                    "60.94"),
                // two late records of Jan: line now 1500+120 s, 27 records, 1.240000:
                // late delta 0.005433 -> 0.01 naming 2026-01-01; Feb usage 0.050000 -> 0.05
                // advance Mar 24.99; net 25.05; tax 4.7595 -> 4.76; total 29.81
                step(
                    "2026-03-01",
                    List.of(mJan1),
                    List.of(
                        voice("2026-01-01", "S1", 1620, 27, "1.240000"),
                        voice("2026-02-01", "S1", 60, 1, "0.050000")),
                    List.of(
                        "RECURRING PLAN_M_MONTHLY 24.99",
                        "USAGE PLAN_M_VOICE 0.05",
                        "LATE_USAGE PLAN_M_VOICE 0.01"),
                    List.of("0.19 25.05 4.76"),
                    "29.81"))),
        new Scenario(
            "JPY (no minor units)",
            account("JPY", 1, false),
            List.of(
                // 1000 * 22 / 31 = 709.68 -> 710; discount -HALF_UP(355) = -355; advance 1000,
                // -500; activation 2000; net 2855; tax 542.45 -> 542; total 3397
                step(
                    "2026-02-01",
                    List.of(sJan10),
                    List.of(),
                    List.of(
                        "RECURRING PLAN_S_MONTHLY 710",
                        "DISCOUNT PLAN_S_WELCOME -355",
                        "RECURRING PLAN_S_MONTHLY 1000",
                        "DISCOUNT PLAN_S_WELCOME -500",
                        "ONE_TIME PLAN_S_ACTIVATION 2000"),
                    List.of("0.19 2855 542"),
                    "3397"))),
        new Scenario(
            "BHD (3 minor units)",
            account("BHD", 1, false),
            List.of(
                // 7.700 * 22 / 31 = 5.464516 -> 5.465; advance 7.700; net 13.165
                // tax 13.165 * 0.19 = 2.50135 -> 2.501; total 15.666
                step(
                    "2026-02-01",
                    List.of(mJan10),
                    List.of(),
                    List.of("RECURRING PLAN_M_MONTHLY 5.465", "RECURRING PLAN_M_MONTHLY 7.700"),
                    List.of("0.19 13.165 2.501"),
                    "15.666"))),
        new Scenario(
            "cycle day 15: a 31-day closed period and a 28-day period in advance",
            account("EUR", 15, false),
            List.of(
                // closed [01-15, 02-15) 31 days, active 02-01..02-14 = 14 days:
                // 24.99 * 14 / 31 = 11.285806 -> 11.29; advance [02-15, 03-15) 24.99
                // net 36.28; tax 6.8932 -> 6.89; total 43.17
                step(
                    "2026-02-15",
                    List.of(subscription("S1", "PLAN_M", "2026-02-01")),
                    List.of(),
                    List.of("RECURRING PLAN_M_MONTHLY 11.29", "RECURRING PLAN_M_MONTHLY 24.99"),
                    List.of("0.19 36.28 6.89"),
                    "43.17"))),
        new Scenario(
            "suspension of an offering not charged while suspended",
            account("EUR", 1, false),
            List.of(
                step("2026-02-01", List.of(sJan1), List.of(), null, null, null),
                // suspended [02-10, 02-20): 10 of 28 days credited:
                // -HALF_UP(9.99 * 10 / 28 = 3.567857) = -3.57; discount +HALF_UP(5 * 10 / 28) =
                // 1.79
                // advance Mar 9.99 (third period, no discount); net 8.21; tax 1.5599 -> 1.56
                step(
                    "2026-03-01",
                    List.of(resumed(suspended(sJan1, "2026-02-10"), "2026-02-20")),
                    List.of(),
                    List.of(
                        "RECURRING* PLAN_S_MONTHLY -3.57",
                        "DISCOUNT* PLAN_S_WELCOME 1.79",
                        "RECURRING PLAN_S_MONTHLY 9.99"),
                    List.of("0.19 8.21 1.56"),
                    "9.77"))),
        new Scenario(
            "suspended at the cycle date: no advance; resumed later: charged from resumption",
            account("EUR", 1, false),
            List.of(
                step("2026-02-01", List.of(sJan1), List.of(), null, null, null),
                // suspended from 02-10 with no resumption known: credit 19 of 28 days
                // -HALF_UP(9.99 * 19 / 28 = 6.778928) = -6.78; discount +HALF_UP(5 * 19 / 28 =
                // 3.392857) = 3.39; no advance; net -3.39; tax -0.6441 -> -0.64; total -4.03
                step(
                    "2026-03-01",
                    List.of(suspended(sJan1, "2026-02-10")),
                    List.of(),
                    List.of("RECURRING* PLAN_S_MONTHLY -6.78", "DISCOUNT* PLAN_S_WELCOME 3.39"),
                    List.of("0.19 -3.39 -0.64"),
                    "-4.03"),
                // resumed 03-10: [03-10, 04-01) 22 of 31 days with V1 (03-10 < 03-15):
                // 9.99 * 22 / 31 = 7.089677 -> 7.09 (third charged period: no discount);
                // advance [04-01, 05-01) V2 12.99; net 20.08; tax 3.8152 -> 3.82; total 23.90
                step(
                    "2026-04-01",
                    List.of(resumed(suspended(sJan1, "2026-02-10"), "2026-03-10")),
                    List.of(),
                    List.of("RECURRING PLAN_S_MONTHLY 7.09", "RECURRING PLAN_S_MONTHLY 12.99"),
                    List.of("0.19 20.08 3.82"),
                    "23.90"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void golden(Scenario scenario) {
    BillingHistory history = BillingHistory.EMPTY;
    for (Step step : scenario.steps()) {
      InvoiceComputation c =
          InvoiceCalculator.compute(
              request(
                  scenario.account(),
                  step.subscriptions(),
                  step.cycleDate(),
                  step.usage(),
                  history));
      InvoiceDraft draft = c.draft();
      String at = scenario.name() + " @ " + step.cycleDate();
      if (step.lines() != null) {
        assertEquals(sorted(step.lines()), sorted(describe(draft.lines())), at);
      }
      if (step.tax() != null) {
        List<String> tax = new ArrayList<>();
        for (TaxItem item : draft.taxItems()) {
          tax.add(
              item.rate().toPlainString()
                  + " "
                  + item.taxableAmount().toPlainString()
                  + " "
                  + item.taxAmount().toPlainString());
        }
        assertEquals(step.tax(), tax, at);
      }
      if (step.total() != null) {
        assertEquals(0, dec(step.total()).compareTo(draft.taxIncludedAmount()), at + ": " + draft);
        assertEquals(
            draft.currency().getDefaultFractionDigits(), draft.taxIncludedAmount().scale(), at);
      }
      assertEquals(date(step.cycleDate()).plusDays(14), draft.dueDate());
      assertEquals(date(step.cycleDate()).minusMonths(1), draft.billingPeriod().start());
      history = c.historyAfter();
      assertTrue(history.invoiced(draft.billingPeriod().start()));
    }
  }

  /** "TYPE chargeId amount", with {@code *} after the type of a credit line. */
  static List<String> describe(List<InvoiceLine> lines) {
    List<String> out = new ArrayList<>();
    for (InvoiceLine l : lines) {
      out.add(l.type() + (l.credit() ? "*" : "") + " " + l.chargeId() + " " + plain(l.amount()));
    }
    return out;
  }

  private static String plain(BigDecimal d) {
    return d.toPlainString();
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }
}
