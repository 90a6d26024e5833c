package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.request;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static com.telco.billing.core.invoice.InvoiceFixtures.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.core.invoice.BillingHistory.BilledUsage;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link UsageCharges}: usage of the closed period, late usage as the difference to what was
 * billed, the horizon.
 */
class UsageChargesTest {
  private static final Subscription S1 = subscription("S1", "PLAN_S", "2026-01-10");
  private static final String DEC_KEY = "2025-12-01|S1|VOICE||";
  private static final String JAN_KEY = "2026-01-01|S1|VOICE||";
  private static final String FEB_KEY = "2026-02-01|S1|VOICE||";
  private static final String MAR_KEY = "2026-03-01|S1|VOICE||";

  /** Invoiced up to 2026-03-01: January and February usage billed, December's too. */
  private static final BillingHistory HISTORY =
      new BillingHistory(
          date("2026-01-01"),
          date("2026-03-01"),
          Set.of(date("2026-01-01"), date("2026-02-01")),
          List.of(),
          Map.of(),
          List.of(),
          Map.of(
              DEC_KEY, new BilledUsage(60, 60, 1, dec("0.090000")),
              JAN_KEY, new BilledUsage(300, 300, 5, dec("0.450000")),
              FEB_KEY, new BilledUsage(60, 60, 1, dec("0.090000"))));

  private final InvoiceLines lines = new InvoiceLines();

  private UsageCharges usage(List<UsageLine> usage) {
    return new UsageCharges(
        new InvoiceContext(
            request(account("EUR", 1, false), List.of(S1), "2026-04-01", usage, HISTORY)),
        lines);
  }

  @Test
  void theClosedPeriodIsBilledFirstThenTheDifferenceOfEarlierPeriods() {
    Map<String, BilledUsage> billed =
        usage(
                List.of(
                    voice("2026-02-01", "S1", 180, 3, "0.270400"),
                    voice("2026-01-01", "S1", 300, 5, "0.450000"),
                    voice("2026-03-01", "S1", 600, 10, "0.904999")))
            .bill(List.of(S1));

    // March: priced by V1 and V2 (from 03-15), so no single catalog version is named
    InvoiceLine march =
        new InvoiceLine(
            LineType.USAGE,
            "Plan S calls",
            "S1",
            "PLAN_S",
            "PLAN_S_VOICE",
            null,
            date("2026-03-01"),
            date("2026-04-01"),
            dec("600"),
            "SECOND",
            null,
            dec("0.90"),
            "STANDARD",
            "4100-VOICE",
            "VOICE",
            null,
            null,
            10L,
            null,
            false);
    // February: 120 s, 2 records and 0.180400 more than billed; January unchanged: no line
    InvoiceLine february =
        new InvoiceLine(
            LineType.LATE_USAGE,
            "Late usage of [2026-02-01, 2026-03-01): Plan S calls",
            "S1",
            "PLAN_S",
            "PLAN_S_VOICE",
            "V1",
            date("2026-02-01"),
            date("2026-03-01"),
            dec("120"),
            "SECOND",
            null,
            dec("0.18"),
            "STANDARD",
            "4100-VOICE",
            "VOICE",
            null,
            null,
            2L,
            date("2026-02-01"),
            false);
    assertEquals(List.of(march, february), lines.asList());
    assertEquals("0.90", march.amount().toPlainString());

    // December is beyond the horizon (100 days before 04-01 is 2025-12-22): dropped
    assertEquals(
        Map.of(
            JAN_KEY, new BilledUsage(300, 300, 5, dec("0.450000")),
            FEB_KEY, new BilledUsage(180, 180, 3, dec("0.270400")),
            MAR_KEY, new BilledUsage(600, 600, 10, dec("0.904999"))),
        billed);
  }

  @Test
  void usageBeyondTheHorizonOrFromTheAdvancePeriodIsIgnored() {
    Map<String, BilledUsage> billed =
        usage(
                List.of(
                    voice("2025-12-01", "S1", 600, 10, "0.900000"),
                    voice("2026-04-01", "S1", 600, 10, "0.900000")))
            .bill(List.of(S1));
    assertEquals(List.of(), lines.asList());
    assertEquals(Set.of(JAN_KEY, FEB_KEY), billed.keySet());
  }

  @Test
  void usageOfAnUnknownSubscriptionCannotBeBilled() {
    UsageCharges charges = usage(List.of(voice("2026-03-01", "S9", 60, 1, "0.090000")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> charges.bill(List.of(S1)));
    assertEquals("usage of unknown subscription S9", e.getMessage());
  }

  @Test
  void theLineKeyIsPeriodSubscriptionTypeZoneAndBand() {
    assertEquals(MAR_KEY, UsageCharges.lineKey(voice("2026-03-01", "S1", 60, 1, "0.09")));
    assertEquals(
        "2026-03-01|S1|VOICE|EU|PEAK",
        UsageCharges.lineKey(
            new UsageLine(date("2026-03-01"), "S1", "VOICE", "EU", "PEAK", 1, 1, 1, dec("0"))));
  }
}
