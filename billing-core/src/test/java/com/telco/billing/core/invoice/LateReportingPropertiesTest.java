package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.subscription.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What is billed for a subscription's history does not depend on when fulfilment reported each
 * change, within the look-back (docs/billing-rules.md, "Corrections of late and backdated
 * changes"): the same history billed over the same invoices, once with every change known before
 * the first invoice and once with each change (the activation included) reported at a random later
 * invoice, charges every billable service day exactly once with its offering, bills every one-time
 * charge exactly once, and totals the same up to the rounding of the lines that differ (at most one
 * minor unit per credit, discount or separately charged run), with prices that do not change.
 */
class LateReportingPropertiesTest {
  /**
   * One catalog version: with a price change inside a period charged in advance, the days kept
   * after a late correction are priced as charged (credits are pro rata of the charged line) while
   * the same days charged knowing the change from the start take the version of their own first
   * day, and both follow the rules.
   */
  private static final Catalog CATALOG = new Catalog(List.of(catalog().versions().get(0)));

  private static final List<String> OFFERINGS = List.of("PLAN_S", "PLAN_M", "PRESS");
  private static final Map<String, String> CHARGE_OF =
      Map.of("PLAN_S", "PLAN_S_MONTHLY", "PLAN_M", "PLAN_M_MONTHLY", "PRESS", "PRESS_MONTHLY");

  /**
   * A subscription history and the invoice index from which billing knows each of its entries
   * (index 0 of {@code reportedAt} is the activation's; the indexes never decrease, as entries are
   * appended in order).
   */
  record Scenario(
      AccountProfile account,
      LocalDate activation,
      String offering,
      List<SubscriptionChange> changes,
      List<Integer> reportedAt,
      int invoices) {

    LocalDate firstCycleDate() {
      return BillPeriods.periodStartOn(activation, account.billCycleDay()).plusMonths(1);
    }

    /** The subscription as billing knows it at invoice {@code index}, or empty before. */
    Optional<Subscription> knownAt(int index, boolean late) {
      if (late && reportedAt.get(0) > index) {
        return Optional.empty();
      }
      Subscription s =
          Subscription.activated(
              new ActivateSubscription(
                  "S1", offering, List.of(ServiceId.msisdn("+4915100000001")), activation));
      for (int i = 0; i < changes.size(); i++) {
        if (!late || reportedAt.get(i + 1) <= index) {
          s = s.withChange(changes.get(i));
        }
      }
      return Optional.of(s);
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<String> currency = Arbitraries.of("EUR", "JPY", "BHD");
    Arbitrary<Integer> cycleDay = Arbitraries.integers().between(1, 28);
    Arbitrary<Integer> activationOffset = Arbitraries.integers().between(0, 150);
    Arbitrary<String> offering = Arbitraries.of(OFFERINGS);
    Arbitrary<List<int[]>> raw =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(0, 2))
            .as((kind, gap, offer) -> new int[] {kind, gap, offer})
            .list()
            .ofMaxSize(3);
    Arbitrary<Integer> invoices = Arbitraries.integers().between(2, 7);
    Arbitrary<List<Integer>> reports = Arbitraries.integers().between(0, 6).list().ofSize(4);
    return Combinators.combine(
            currency, cycleDay, activationOffset, offering, raw, invoices, reports)
        .as(
            (cur, day, offset, off, r, n, rep) -> {
              AccountProfile account = account(cur, day, false);
              LocalDate activation = LocalDate.parse("2025-10-01").plusDays(offset);
              List<SubscriptionChange> changes = changes(activation, off, r);
              // non-decreasing report indexes, the last one known by the last invoice
              List<Integer> reportedAt = new ArrayList<>();
              int at = 0;
              for (int i = 0; i <= changes.size(); i++) {
                at = Math.max(at, Math.min(rep.get(i), n - 1));
                reportedAt.add(at);
              }
              return new Scenario(account, activation, off, changes, reportedAt, n);
            });
  }

  private static List<SubscriptionChange> changes(
      LocalDate activation, String offering, List<int[]> raw) {
    List<SubscriptionChange> changes = new ArrayList<>();
    LocalDate date = activation;
    boolean suspended = false;
    String current = offering;
    for (int[] r : raw) {
      date = date.plusDays(r[1]);
      SubscriptionChange change;
      if (r[0] == 0 && !OFFERINGS.get(r[2]).equals(current)) {
        current = OFFERINGS.get(r[2]);
        change = new SubscriptionChange.ChangeOffering(current, date);
      } else if (r[0] <= 2) {
        change =
            suspended ? new SubscriptionChange.Resume(date) : new SubscriptionChange.Suspend(date);
        suspended = !suspended;
      } else {
        changes.add(new SubscriptionChange.Terminate(date));
        break;
      }
      changes.add(change);
    }
    return changes;
  }

  private static List<InvoiceComputation> run(Scenario sc, boolean late) {
    List<InvoiceComputation> out = new ArrayList<>();
    BillingHistory history = BillingHistory.EMPTY;
    LocalDate cycle = sc.firstCycleDate();
    for (int i = 0; i < sc.invoices(); i++) {
      InvoiceComputation c =
          InvoiceCalculator.compute(
              new InvoiceRequest(
                  sc.account(),
                  sc.knownAt(i, late).map(List::of).orElse(List.of()),
                  CATALOG,
                  cycle,
                  List.of(),
                  history));
      out.add(c);
      history = c.historyAfter();
      cycle = cycle.plusMonths(1);
    }
    return out;
  }

  @Property(tries = 300)
  void everyBillableDayIsChargedOnceWhenEverChangesWereReported(@ForAll("scenarios") Scenario sc) {
    Subscription s = sc.knownAt(sc.invoices(), false).orElseThrow();
    LocalDate end = sc.firstCycleDate().plusMonths(sc.invoices());
    for (boolean late : List.of(false, true)) {
      Map<String, Integer> coverage = new HashMap<>();
      for (InvoiceComputation c : run(sc, late)) {
        for (InvoiceLine line : c.draft().lines()) {
          if (line.type() != LineType.RECURRING) {
            continue;
          }
          for (LocalDate d = line.servicePeriodStart();
              d.isBefore(line.servicePeriodEnd());
              d = d.plusDays(1)) {
            coverage.merge(line.chargeId() + "@" + d, line.credit() ? -1 : 1, Integer::sum);
          }
        }
        assertTrue(c.uncorrected().isEmpty(), c.uncorrected()::toString);
      }
      for (LocalDate d = sc.activation().minusDays(31); d.isBefore(end); d = d.plusDays(1)) {
        String billable = billableOffering(s, d);
        for (String offering : OFFERINGS) {
          int expected = offering.equals(billable) ? 1 : 0;
          int actual = coverage.getOrDefault(CHARGE_OF.get(offering) + "@" + d, 0);
          assertEquals(
              expected, actual, offering + " on " + d + " (late " + late + ") of " + s.history());
        }
      }
    }
  }

  @Property(tries = 300)
  void oneTimeChargesAndTotalsDoNotDependOnWhenChangesWereReported(
      @ForAll("scenarios") Scenario sc) {
    Map<String, Integer> onTimeFees = new TreeMap<>();
    Map<String, Integer> lateFees = new TreeMap<>();
    BigDecimal onTime = BigDecimal.ZERO;
    BigDecimal late = BigDecimal.ZERO;
    long rounding = 0;
    for (boolean isLate : List.of(false, true)) {
      for (InvoiceComputation c : run(sc, isLate)) {
        for (InvoiceLine line : c.draft().lines()) {
          if (line.type() == LineType.ONE_TIME) {
            (isLate ? lateFees : onTimeFees)
                .merge(line.chargeId() + "@" + line.servicePeriodStart(), 1, Integer::sum);
          }
          if (line.type() == LineType.RECURRING || line.type() == LineType.DISCOUNT) {
            rounding++;
          }
        }
        if (isLate) {
          late = late.add(c.draft().taxExcludedAmount());
        } else {
          onTime = onTime.add(c.draft().taxExcludedAmount());
        }
      }
    }
    assertEquals(onTimeFees, lateFees);
    onTimeFees.values().forEach(n -> assertEquals(1, n));
    BigDecimal unit =
        BigDecimal.ONE.movePointLeft(sc.account().currency().getDefaultFractionDigits());
    BigDecimal difference = late.subtract(onTime).abs();
    assertTrue(
        difference.compareTo(unit.multiply(BigDecimal.valueOf(rounding))) <= 0,
        () -> "on time " + sc + ": differs by " + difference);
  }

  /** The oracle: the offering a date is billable with, or null. */
  private static String billableOffering(Subscription s, LocalDate d) {
    Optional<String> offering = s.offeringOn(d);
    if (offering.isEmpty()) {
      return null;
    }
    SubscriptionStatus status = s.statusOn(d);
    if (status == SubscriptionStatus.ACTIVE) {
      return offering.get();
    }
    CatalogVersion v =
        CATALOG.versionAt(LifecycleDates.startOfDay(d, ZoneOffset.UTC)).orElseThrow();
    boolean charged = v.offering(offering.get()).orElseThrow().chargeWhileSuspended();
    return status == SubscriptionStatus.SUSPENDED && charged ? offering.get() : null;
  }
}
