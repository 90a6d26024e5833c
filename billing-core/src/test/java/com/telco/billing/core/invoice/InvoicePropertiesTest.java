package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link InvoiceCalculator} over generated accounts: a subscription with random
 * changes, each known from a random date (scheduled ahead or recorded late, but before the first
 * cycle date after it takes effect), usage that grows between invoices, and a sequence of
 * consecutive invoices.
 */
class InvoicePropertiesTest {
  private static final Catalog CATALOG = catalog();
  private static final List<String> OFFERINGS = List.of("PLAN_S", "PLAN_M", "PRESS");
  private static final Map<String, String> CHARGE_OF =
      Map.of("PLAN_S", "PLAN_S_MONTHLY", "PLAN_M", "PLAN_M_MONTHLY", "PRESS", "PRESS_MONTHLY");

  /** A change and the date from which billing knows it. */
  record Event(SubscriptionChange change, LocalDate knownFrom) {}

  record Scenario(
      AccountProfile account,
      LocalDate activation,
      String offering,
      List<Event> events,
      int invoices,
      long usageSeed) {

    LocalDate firstCycleDate() {
      LocalDate start = BillPeriods.periodStartOn(activation, account.billCycleDay());
      return start.plusMonths(1);
    }

    /** The subscription as known on {@code date}. */
    Subscription knownOn(LocalDate date) {
      Subscription s =
          Subscription.activated(
              new ActivateSubscription(
                  "S1", offering, List.of(ServiceId.msisdn("+4915100000001")), activation));
      for (Event e : events) {
        if (!e.knownFrom().isAfter(date)) {
          s = s.withChange(e.change());
        }
      }
      return s;
    }

    Subscription finalState() {
      return knownOn(LocalDate.MAX);
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<String> currency = Arbitraries.of("EUR", "JPY", "BHD");
    Arbitrary<Integer> cycleDay = Arbitraries.integers().between(1, 28);
    Arbitrary<Boolean> exempt = Arbitraries.of(true, false);
    Arbitrary<Integer> activationOffset = Arbitraries.integers().between(0, 120);
    Arbitrary<String> offering = Arbitraries.of(OFFERINGS);
    Arbitrary<List<int[]>> rawEvents =
        Arbitraries.integers()
            .between(0, 3)
            .flatMap(
                n ->
                    Combinators.combine(
                            Arbitraries.integers().between(0, 3),
                            Arbitraries.integers().between(0, 40),
                            Arbitraries.integers().between(-25, 12),
                            Arbitraries.integers().between(0, 2))
                        .as((kind, gap, known, offer) -> new int[] {kind, gap, known, offer})
                        .list()
                        .ofSize(n));
    Arbitrary<Integer> invoices = Arbitraries.integers().between(1, 6);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(
            currency, cycleDay, exempt, activationOffset, offering, rawEvents, invoices, seed)
        .as(
            (cur, day, ex, offset, off, raw, n, s) -> {
              AccountProfile account = account(cur, day, ex);
              LocalDate activation = LocalDate.parse("2025-12-20").plusDays(offset);
              return new Scenario(account, activation, off, events(account, activation, raw), n, s);
            });
  }

  /**
   * Changes in date order, each known no later than the first cycle date after it takes effect and
   * never before the change before it (as the lifecycle records them).
   */
  private static List<Event> events(AccountProfile account, LocalDate activation, List<int[]> raw) {
    List<Event> events = new ArrayList<>();
    LocalDate date = activation;
    LocalDate knownBefore = activation.minusDays(30);
    boolean suspended = false;
    for (int[] r : raw) {
      date = date.plusDays(r[1]);
      LocalDate nextCycle = BillPeriods.periodStartOn(date, account.billCycleDay()).plusMonths(1);
      LocalDate known = date.plusDays(r[2]);
      if (known.isAfter(nextCycle)) {
        known = nextCycle;
      }
      if (known.isBefore(knownBefore)) {
        known = knownBefore;
      }
      knownBefore = known;
      SubscriptionChange change =
          switch (r[0]) {
            case 0 -> new SubscriptionChange.ChangeOffering(OFFERINGS.get(r[3]), date);
            case 1 ->
                suspended
                    ? new SubscriptionChange.Resume(date)
                    : new SubscriptionChange.Suspend(date);
            case 2 ->
                suspended
                    ? new SubscriptionChange.Resume(date)
                    : new SubscriptionChange.Suspend(date);
            default -> new SubscriptionChange.Terminate(date);
          };
      if (change instanceof SubscriptionChange.Suspend) {
        suspended = true;
      } else if (change instanceof SubscriptionChange.Resume) {
        suspended = false;
      }
      events.add(new Event(change, known));
      if (change instanceof SubscriptionChange.Terminate) {
        break;
      }
    }
    return events;
  }

  /** Usage lines growing with the cycle date: each period gets records until 45 days after it. */
  private static List<UsageLine> usageKnownOn(Scenario sc, LocalDate cycleDate) {
    List<UsageLine> lines = new ArrayList<>();
    LocalDate period = sc.firstCycleDate().minusMonths(1);
    java.util.Random random = new java.util.Random(sc.usageSeed());
    while (period.isBefore(cycleDate)) {
      long records = 0;
      BigDecimal amount = BigDecimal.ZERO.setScale(6);
      for (LocalDate d = period;
          d.isBefore(cycleDate) && d.isBefore(period.plusMonths(1).plusDays(45));
          d = d.plusDays(7)) {
        records += 1 + random.nextInt(3);
        amount = amount.add(BigDecimal.valueOf(random.nextInt(2_000_000), 6));
      }
      LocalDate end = period.plusMonths(1);
      boolean live = false;
      for (LocalDate d = period; d.isBefore(end); d = d.plusDays(1)) {
        Optional<String> offering = sc.finalState().offeringOn(d);
        live |= offering.isPresent() && !offering.get().equals("PRESS");
      }
      if (live && records > 0) {
        lines.add(
            new UsageLine(
                period, "S1", "VOICE", null, null, records * 60, records * 60, records, amount));
      }
      period = end;
    }
    return lines;
  }

  /** Runs the scenario's invoices in order. */
  private static List<InvoiceComputation> run(Scenario sc) {
    List<InvoiceComputation> out = new ArrayList<>();
    BillingHistory history = BillingHistory.EMPTY;
    LocalDate cycle = sc.firstCycleDate();
    for (int i = 0; i < sc.invoices(); i++) {
      InvoiceComputation c =
          InvoiceCalculator.compute(
              new InvoiceRequest(
                  sc.account(),
                  List.of(sc.knownOn(cycle)),
                  CATALOG,
                  cycle,
                  usageKnownOn(sc, cycle),
                  history));
      out.add(c);
      history = c.historyAfter();
      cycle = cycle.plusMonths(1);
    }
    return out;
  }

  @Property(tries = 200)
  void linesSumToTotalsAndTaxFollowsTheRulePerRate(@ForAll("scenarios") Scenario sc) {
    for (InvoiceComputation c : run(sc)) {
      InvoiceDraft d = c.draft();
      int minor = d.currency().getDefaultFractionDigits();
      BigDecimal net = BigDecimal.ZERO;
      Map<BigDecimal, BigDecimal> base = new java.util.TreeMap<>();
      for (InvoiceLine line : d.lines()) {
        assertTrue(line.amount().scale() <= minor, line::toString);
        net = net.add(line.amount());
        if (!sc.account().taxExempt()) {
          BigDecimal rate =
              CATALOG.taxRate("DE", line.taxCategory(), d.issueDate()).orElseThrow().rate();
          base.merge(rate, line.amount(), BigDecimal::add);
        }
      }
      assertEquals(0, net.compareTo(d.taxExcludedAmount()));
      BigDecimal tax = BigDecimal.ZERO;
      assertEquals(base.size(), d.taxItems().size());
      for (TaxItem item : d.taxItems()) {
        assertEquals(0, base.get(item.rate()).compareTo(item.taxableAmount()));
        BigDecimal expected =
            item.taxableAmount().multiply(item.rate()).setScale(minor, RoundingMode.HALF_UP);
        assertEquals(0, expected.compareTo(item.taxAmount()));
        tax = tax.add(item.taxAmount());
      }
      assertEquals(0, tax.compareTo(d.taxAmount()));
      assertEquals(0, net.add(tax).compareTo(d.taxIncludedAmount()));
      if (sc.account().taxExempt()) {
        assertTrue(d.taxItems().isEmpty());
      }
    }
  }

  @Property(tries = 100)
  void computingAnInvoicedPeriodAgainChangesNothing(@ForAll("scenarios") Scenario sc) {
    List<InvoiceComputation> computed = run(sc);
    BillingHistory after = computed.get(computed.size() - 1).historyAfter();
    LocalDate cycle = sc.firstCycleDate();
    for (InvoiceComputation c : computed) {
      InvoiceRequest again =
          new InvoiceRequest(
              sc.account(),
              List.of(sc.knownOn(cycle)),
              CATALOG,
              cycle,
              usageKnownOn(sc, cycle),
              after);
      assertEquals(
          Optional.of(InvoiceCalculator.ALREADY_INVOICED), InvoiceCalculator.refusal(again));
      assertThrows(IllegalArgumentException.class, () -> InvoiceCalculator.compute(again));
      assertTrue(after.invoiced(c.draft().billingPeriod().start()));
      cycle = cycle.plusMonths(1);
    }
    // the same request computed twice gives the same invoice and history
    assertEquals(computed, run(sc));
  }

  @Property(tries = 200)
  void everyServiceDayIsChargedExactlyOnceWhenBillable(@ForAll("scenarios") Scenario sc) {
    List<InvoiceComputation> computed = run(sc);
    Map<String, Integer> coverage = new HashMap<>();
    for (InvoiceComputation c : computed) {
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
    }
    // every fixture price is large enough that no prorated or credit line rounds to zero
    Subscription s = sc.finalState();
    LocalDate first = sc.firstCycleDate().minusMonths(1);
    LocalDate lastCycle = sc.firstCycleDate().plusMonths(sc.invoices() - 1);
    for (LocalDate d = first; d.isBefore(lastCycle); d = d.plusDays(1)) {
      String billable = billableOffering(s, d);
      for (String offering : OFFERINGS) {
        int expected = offering.equals(billable) ? 1 : 0;
        int actual = coverage.getOrDefault(CHARGE_OF.get(offering) + "@" + d, 0);
        assertEquals(expected, actual, offering + " on " + d + " of " + s.history());
      }
    }
    coverage.values().forEach(v -> assertTrue(v == 0 || v == 1, "double billed: " + coverage));
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
        CATALOG.versionAt(LifecycleDates.startOfDay(d, java.time.ZoneOffset.UTC)).orElseThrow();
    boolean charged = v.offering(offering.get()).orElseThrow().chargeWhileSuspended();
    return status == SubscriptionStatus.SUSPENDED && charged ? offering.get() : null;
  }

  @Property(tries = 100)
  void wholePeriodsSumToPeriodsTimesPrice(
      @ForAll("currencies") String currency,
      @ForAll @IntRange(min = 1, max = 28) int cycleDay,
      @ForAll @IntRange(min = 1, max = 8) int invoices) {
    AccountProfile account = account(currency, cycleDay, false);
    LocalDate activation = LocalDate.of(2026, 1, cycleDay);
    Subscription s = InvoiceFixtures.subscription("S1", "PLAN_M", activation.toString());
    BillingHistory history = BillingHistory.EMPTY;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 1; k <= invoices; k++) {
      InvoiceComputation c =
          InvoiceCalculator.compute(
              new InvoiceRequest(
                  account, List.of(s), CATALOG, activation.plusMonths(k), List.of(), history));
      for (InvoiceLine line : c.draft().lines()) {
        if (line.type() == LineType.RECURRING) {
          sum = sum.add(line.amount());
        }
      }
      history = c.historyAfter();
    }
    BigDecimal price =
        CATALOG
            .versions()
            .get(0)
            .offering("PLAN_M")
            .orElseThrow()
            .recurringCharges()
            .get(0)
            .price()
            .amountIn(account.currency())
            .orElseThrow()
            .amount();
    // n invoices charge the first period in arrears and n periods in advance
    assertEquals(0, price.multiply(BigDecimal.valueOf(invoices + 1L)).compareTo(sum));
  }

  @Provide
  Arbitrary<String> currencies() {
    return Arbitraries.of("EUR", "JPY", "BHD");
  }

  @Property(tries = 100)
  void usageRecordsAreBilledOnceAcrossInvoices(@ForAll("scenarios") Scenario sc) {
    List<InvoiceComputation> computed = run(sc);
    LocalDate lastCycle = sc.firstCycleDate().plusMonths(sc.invoices() - 1);
    Map<LocalDate, Long> billed = new HashMap<>();
    for (InvoiceComputation c : computed) {
      for (InvoiceLine line : c.draft().lines()) {
        if (line.type() == LineType.USAGE || line.type() == LineType.LATE_USAGE) {
          billed.merge(line.servicePeriodStart(), line.records(), Long::sum);
          assertEquals(line.type() == LineType.LATE_USAGE, line.originalPeriodStart() != null);
        }
      }
    }
    for (UsageLine line : usageKnownOn(sc, lastCycle)) {
      if (line.periodStart().isBefore(lastCycle)) {
        assertEquals(line.records(), billed.getOrDefault(line.periodStart(), 0L), line::toString);
      }
    }
  }
}
