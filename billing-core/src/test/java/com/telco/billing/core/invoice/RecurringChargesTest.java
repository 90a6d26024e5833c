package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.request;
import static com.telco.billing.core.invoice.InvoiceFixtures.resumed;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static com.telco.billing.core.invoice.InvoiceFixtures.suspended;
import static com.telco.billing.core.invoice.InvoiceFixtures.terminated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.subscription.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecurringCharges}: charges per run of billable days, credits of days no longer billable.
 */
class RecurringChargesTest {
  private final InvoiceLines lines = new InvoiceLines();

  private static InvoiceContext context(String cycleDate, Subscription s, BillingHistory history) {
    return new InvoiceContext(
        request(account("EUR", 1, false), List.of(s), cycleDate, List.of(), history));
  }

  private RecurringCharges recurring(InvoiceContext context) {
    Corrections corrections = new Corrections(context);
    return new RecurringCharges(
        context, lines, new Discounts(context, lines, corrections), corrections);
  }

  private List<String> summary() {
    List<String> out = new ArrayList<>();
    for (InvoiceLine l : lines.asList()) {
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

  @Test
  void aSuspensionSplitsTheAdvancePeriodIntoTwoRunsWithThePeriodsOneOrdinal() {
    // PLAN_S is not charged while suspended: [02-10, 02-20) is not billable
    Subscription s =
        resumed(suspended(subscription("S1", "PLAN_S", "2026-01-01"), "2026-02-10"), "2026-02-20");
    InvoiceContext context = context("2026-02-01", s, BillingHistory.EMPTY);
    RecurringCharges recurring = recurring(context);
    recurring.reconcile(s);
    // January full 9.99, discount -HALF_UP(4.995) = -5.00 (period 1);
    // February 9 of 28 days twice: HALF_UP(9.99 * 9 / 28 = 3.211..) = 3.21, discount
    // -HALF_UP(1.605) = -1.61, both in period 2
    assertEquals(
        List.of(
            "RECURRING 2026-01-01..2026-02-01 9.99",
            "DISCOUNT 2026-01-01..2026-02-01 -5.00",
            "RECURRING 2026-02-01..2026-02-10 3.21",
            "DISCOUNT 2026-02-01..2026-02-10 -1.61",
            "RECURRING 2026-02-20..2026-03-01 3.21",
            "DISCOUNT 2026-02-20..2026-03-01 -1.61"),
        summary());
    assertEquals(
        List.of(1, 2, 2), recurring.charged().stream().map(ChargedService::periodOrdinal).toList());
    assertEquals(Map.of("S1", 2), recurring.periodsCharged());
  }

  @Test
  void daysChargedInAdvanceAndNoLongerBillableAreCreditedAndRemembered() {
    Subscription s = terminated(subscription("S1", "PLAN_M", "2026-01-01"), "2026-02-20");
    ChargedService february = february(List.of());
    BillingHistory history =
        new BillingHistory(
            date("2026-01-01"),
            date("2026-02-01"),
            Set.of(date("2026-01-01")),
            List.of(february),
            Map.of("S1", 2),
            List.of(),
            Map.of(),
            date("2026-02-01"),
            Map.of("S1", 1),
            null);
    InvoiceContext context = context("2026-03-01", s, history);
    RecurringCharges recurring = recurring(context);
    recurring.reconcile(s);
    // 9 of 28 days: -HALF_UP(24.99 * 9 / 28 = 8.0325) = -8.03
    assertEquals(List.of("RECURRING* 2026-02-20..2026-03-01 -8.03"), summary());
    assertEquals("Credit: Plan M monthly fee, 9 of 28 days", lines.asList().get(0).description());
    List<LocalDate> credited = new ArrayList<>();
    for (LocalDate d = date("2026-02-20"); d.isBefore(date("2026-03-01")); d = d.plusDays(1)) {
      credited.add(d);
    }
    assertEquals(List.of(february(credited)), recurring.charged());
    assertEquals(Map.of("S1", 2), recurring.periodsCharged());
  }

  /** PLAN_M charged for all of February 2026, its second charged period. */
  private static ChargedService february(List<LocalDate> creditedDates) {
    return new ChargedService(
        "S1",
        date("2026-02-01"),
        date("2026-03-01"),
        2,
        "PLAN_M",
        "PLAN_M_MONTHLY",
        "V1",
        "Plan M monthly fee",
        "STANDARD",
        "4000-SUBSCRIPTIONS",
        date("2026-02-01"),
        date("2026-03-01"),
        dec("24.99"),
        List.of(),
        creditedDates);
  }

  @Test
  void sortedDatesSplitIntoRunsOfConsecutiveDates() {
    LocalDate d = date("2026-02-27");
    assertEquals(
        List.of(
            List.of(d, d.plusDays(1), d.plusDays(2)),
            List.of(d.plusDays(4)),
            List.of(d.plusDays(6), d.plusDays(7))),
        RecurringCharges.runs(
            List.of(d, d.plusDays(1), d.plusDays(2), d.plusDays(4), d.plusDays(6), d.plusDays(7))));
    assertEquals(List.of(), RecurringCharges.runs(List.of()));
  }
}
