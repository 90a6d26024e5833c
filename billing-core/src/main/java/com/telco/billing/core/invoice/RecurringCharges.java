package com.telco.billing.core.invoice;

import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.Discount;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.RecurringCharge;
import com.telco.billing.core.invoice.BillingHistory.ChargedDiscount;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recurring charges of the closed and the advance period, reconciled day by day with what was
 * charged before: proration, credits, plan changes and suspension in one mechanism.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": a day is <em>billable</em>
 * with an offering when the subscription is active on it, or suspended and the offering says {@code
 * chargeWhileSuspended}; in the advance period only for a subscription activated before the cycle
 * date. Days charged earlier (the history's {@link ChargedService}s) that are no longer billable
 * with their offering are credited pro rata, with the credits of their discounts ("Termination
 * inside a period already billed in advance", "Plan change inside a period"); billable days not yet
 * charged are charged {@code HALF_UP(price * days / daysInBillPeriod)} ("Proration is by the day"),
 * per run of consecutive days with one offering, priced with the catalog version in effect on the
 * run's first day, and discounted by {@link Discounts}. "Corrections of late and backdated
 * changes": every bill period of the window ({@link InvoiceContext#windowStart()}, the look-back)
 * is reconciled the same way, so that a change reported after the invoice of its period is
 * corrected on the next invoice, and the discount ordinal of a period is the subscription's own
 * count of periods with a billable day. Project choices in docs/invoicing.md, "Recurring charges:
 * one reconciliation for everything" and "Corrections and the look-back".
 */
final class RecurringCharges {
  private final InvoiceContext context;
  private final InvoiceLines lines;
  private final Discounts discounts;
  private final Corrections corrections;
  private final Map<String, Integer> periodsCharged;
  private final Map<String, List<ChargedService>> recordsBySubscription = new HashMap<>();
  private final Map<String, Map<LocalDate, Integer>> ordinals = new HashMap<>();
  private final List<ChargedService> charged = new ArrayList<>();

  RecurringCharges(
      InvoiceContext context, InvoiceLines lines, Discounts discounts, Corrections corrections) {
    this.context = context;
    this.lines = lines;
    this.discounts = discounts;
    this.corrections = corrections;
    this.periodsCharged = new HashMap<>(context.history().periodsCharged());
    for (ChargedService c : context.history().charges()) {
      recordsBySubscription.computeIfAbsent(c.subscriptionId(), k -> new ArrayList<>()).add(c);
    }
  }

  /**
   * The charge records of every period reconciled so far, as they are after this invoice (earlier
   * records with their new credited days, and the new charges).
   */
  List<ChargedService> charged() {
    return Collections.unmodifiableList(charged);
  }

  /** Per subscription id, the number of bill periods charged, this invoice's included. */
  Map<String, Integer> periodsCharged() {
    return Collections.unmodifiableMap(periodsCharged);
  }

  /**
   * Credits and charges the days of every bill period of {@code s} from the window's start (or the
   * period of its activation, when later) to the advance period.
   */
  void reconcile(Subscription s) {
    LocalDate from = context.windowStart();
    if (s.activationDate().isAfter(from)) {
      from = s.activationDate();
    }
    BillPeriod period = BillPeriods.periodOn(from, context.account().billCycleDay());
    if (period.start().isBefore(context.windowStart())) {
      period = period.next();
    }
    while (period.start().isBefore(context.closed().start())) {
      reconcile(s, period);
      period = period.next();
    }
    reconcile(s, context.closed());
    reconcile(s, context.advance());
  }

  /** Credits and charges the days of {@code period} (one of the window's periods) of {@code s}. */
  private void reconcile(Subscription s, BillPeriod period) {
    Map<LocalDate, String> billable = billableDays(s, period);
    List<ChargedService> records = new ArrayList<>();
    for (ChargedService c : recordsBySubscription.getOrDefault(s.subscriptionId(), List.of())) {
      if (c.periodStart().equals(period.start())) {
        records.add(c);
      }
    }
    if (billable.isEmpty() && records.isEmpty()) {
      return;
    }
    int ordinal = billable.isEmpty() ? 0 : ordinalOf(s, period);
    // credits: days charged earlier that are no longer billable with the charged offering
    for (int i = 0; i < records.size(); i++) {
      records.set(i, credit(s, period, records.get(i), billable, ordinal));
    }
    // charges: billable days no charge of their offering covers yet
    Map<String, Set<LocalDate>> covered = new HashMap<>();
    for (ChargedService c : records) {
      covered.computeIfAbsent(c.offeringId(), k -> new HashSet<>()).addAll(liveDays(c));
    }
    List<LocalDate> run = new ArrayList<>();
    String runOffering = null;
    for (Map.Entry<LocalDate, String> day : billable.entrySet()) {
      boolean uncovered = !covered.getOrDefault(day.getValue(), Set.of()).contains(day.getKey());
      boolean continues =
          uncovered
              && !run.isEmpty()
              && day.getValue().equals(runOffering)
              && run.get(run.size() - 1).plusDays(1).equals(day.getKey());
      if (!continues && !run.isEmpty()) {
        charge(s, period, runOffering, run, records, ordinal);
        run = new ArrayList<>();
      }
      if (uncovered) {
        run.add(day.getKey());
        runOffering = day.getValue();
      }
    }
    if (!run.isEmpty()) {
      charge(s, period, runOffering, run, records, ordinal);
    }
    charged.addAll(records);
  }

  /**
   * The billable days of {@code period} and the offering each is billable with, in date order: days
   * the subscription is active, or suspended with an offering charged while suspended; in the
   * advance period only for a subscription activated before the cycle date. In a period before the
   * closed one, a day no catalog version prices (none in effect, or the offering not in it) is not
   * billable and is reported ({@link Corrections#notPriceable}); in the closed and the advance
   * period it cannot be billed at all.
   */
  private Map<LocalDate, String> billableDays(Subscription s, BillPeriod period) {
    Map<LocalDate, String> days = new LinkedHashMap<>();
    if (period.equals(context.advance()) && !s.activationDate().isBefore(context.cycleDate())) {
      return days;
    }
    if (s.terminationDate().map(t -> !t.isAfter(period.start())).orElse(false)
        || !s.activationDate().isBefore(period.end())) {
      return days;
    }
    boolean correction = context.isCorrection(period);
    for (LocalDate d = period.start(); d.isBefore(period.end()); d = d.plusDays(1)) {
      Optional<String> offeringId = s.offeringOn(d);
      if (offeringId.isEmpty()) {
        continue;
      }
      SubscriptionStatus status = s.statusOn(d);
      if (status != SubscriptionStatus.ACTIVE && status != SubscriptionStatus.SUSPENDED) {
        continue;
      }
      if (correction && !priceable(offeringId.get(), d)) {
        corrections.notPriceable(s, d);
        continue;
      }
      if (status == SubscriptionStatus.ACTIVE
          || context.offeringAt(offeringId.get(), d).chargeWhileSuspended()) {
        days.put(d, offeringId.get());
      }
    }
    return days;
  }

  /** True when a catalog version is in effect on {@code date} and defines the offering. */
  private boolean priceable(String offeringId, LocalDate date) {
    return context.priceable(
        offeringId, date, o -> o.recurringCharges().stream().map(RecurringCharge::price).toList());
  }

  /**
   * The subscription's own count of bill periods up to {@code period}: the periods from the one of
   * its activation on that have a billable day (docs/billing-rules.md, "Discounts": a partial first
   * period is the first; docs/invoicing.md, "Discounts": a period without one does not count).
   * Computed once per subscription for every period up to the advance period.
   */
  private int ordinalOf(Subscription s, BillPeriod period) {
    Map<LocalDate, Integer> bySubscription =
        ordinals.computeIfAbsent(
            s.subscriptionId(),
            id -> {
              Map<LocalDate, Integer> counted = new HashMap<>();
              int count = 0;
              BillPeriod p =
                  BillPeriods.periodOn(s.activationDate(), context.account().billCycleDay());
              while (!p.start().isAfter(context.advance().start())) {
                if (hasBillableDay(s, p)) {
                  count++;
                }
                counted.put(p.start(), Math.max(count, 1));
                p = p.next();
              }
              return counted;
            });
    return bySubscription.getOrDefault(period.start(), 1);
  }

  /**
   * True when the discounts of {@code c}'s charge that apply in its recorded ordinal are not those
   * that apply in {@code ordinal}, the period's count as it is now known (a change reported late
   * moved it): its live days are then credited and charged again with the right discounts. A record
   * of a period charged before ordinals were counted from the lifecycle keeps its ordinal ({@link
   * BillingHistory#ordinalsFrom()}).
   */
  private boolean discountsMoved(ChargedService c, int ordinal) {
    if (ordinal == 0
        || c.periodOrdinal() == ordinal
        || c.periodStart().isBefore(context.lifecycleOrdinalsFrom())) {
      return false;
    }
    Optional<ProductOffering> offering =
        context.versionIfAnyAt(c.from()).flatMap(v -> v.offering(c.offeringId()));
    if (offering.isEmpty()) {
      return false;
    }
    for (Discount d : offering.get().discountsOn(c.chargeId())) {
      if (d.appliesInPeriod(c.periodOrdinal()) != d.appliesInPeriod(ordinal)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasBillableDay(Subscription s, BillPeriod period) {
    for (LocalDate d = period.start(); d.isBefore(period.end()); d = d.plusDays(1)) {
      Optional<String> offeringId = s.offeringOn(d);
      if (offeringId.isEmpty()) {
        continue;
      }
      SubscriptionStatus status = s.statusOn(d);
      if (status != SubscriptionStatus.ACTIVE && status != SubscriptionStatus.SUSPENDED) {
        continue;
      }
      // a day no catalog version prices is not billable: it does not make the period count
      if (!priceable(offeringId.get(), d)) {
        continue;
      }
      if (status == SubscriptionStatus.ACTIVE
          || context.offeringAt(offeringId.get(), d).chargeWhileSuspended()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Credits the live days of {@code c} that are no longer billable with its offering, per run of
   * consecutive days, and returns {@code c} with those days credited.
   */
  private ChargedService credit(
      Subscription s,
      BillPeriod period,
      ChargedService c,
      Map<LocalDate, String> billable,
      int ordinal) {
    boolean moved = discountsMoved(c, ordinal);
    List<LocalDate> toCredit = new ArrayList<>();
    for (LocalDate d : liveDays(c)) {
      if (moved || !c.offeringId().equals(billable.get(d))) {
        toCredit.add(d);
      }
    }
    if (toCredit.isEmpty()) {
      return c;
    }
    long days = ChronoUnit.DAYS.between(c.from(), c.until());
    List<LocalDate> credited = new ArrayList<>(c.creditedDates());
    for (List<LocalDate> run : runs(toCredit)) {
      long before = credited.size();
      long after = before + run.size();
      LocalDate from = run.get(0);
      LocalDate until = run.get(run.size() - 1).plusDays(1);
      String share = run.size() + " of " + days + " days";
      BigDecimal amount =
          Proration.creditShare(c.amount(), before, after, days, context.minorUnits());
      lines.addUnlessZero(
          new InvoiceLine(
              LineType.RECURRING,
              corrections.describe(period, "Credit: " + c.description() + ", " + share, s, from),
              c.subscriptionId(),
              c.offeringId(),
              c.chargeId(),
              c.catalogVersion(),
              from,
              until,
              BigDecimal.valueOf(run.size()),
              "day",
              null,
              amount,
              c.taxCategory(),
              c.glCode(),
              null,
              null,
              null,
              null,
              corrections.originalPeriodStart(period),
              true));
      discounts.credit(s, period, c, from, until, share, before, after, days);
      credited.addAll(run);
    }
    return new ChargedService(
        c.subscriptionId(),
        c.periodStart(),
        c.periodEnd(),
        c.periodOrdinal(),
        c.offeringId(),
        c.chargeId(),
        c.catalogVersion(),
        c.description(),
        c.taxCategory(),
        c.glCode(),
        c.from(),
        c.until(),
        c.amount(),
        c.discounts(),
        credited);
  }

  /**
   * Charges the days of {@code run} (consecutive, of {@code period}) with {@code offeringId}: one
   * prorated line per recurring charge of the offering in the catalog version in effect on the
   * run's first day, each with its discounts; the charges are added to {@code records}.
   */
  private void charge(
      Subscription s,
      BillPeriod period,
      String offeringId,
      List<LocalDate> run,
      List<ChargedService> records,
      int ordinal) {
    LocalDate from = run.get(0);
    LocalDate until = run.get(run.size() - 1).plusDays(1);
    CatalogVersion version = context.versionAt(from);
    ProductOffering offering = InvoiceContext.offeringIn(version, offeringId);
    if (offering.recurringCharges().isEmpty()) {
      return;
    }
    periodsCharged.merge(s.subscriptionId(), ordinal, Math::max);
    long days = run.size();
    long periodDays = period.days();
    boolean full = days == periodDays;
    for (RecurringCharge charge : offering.recurringCharges()) {
      BigDecimal price =
          context.priceOf(
              charge.price().amountIn(context.account().currency()), charge.id(), version);
      BigDecimal amount = Proration.prorate(price, days, periodDays, context.minorUnits());
      String description =
          corrections.describe(
              period,
              full ? charge.name() : charge.name() + ", " + days + " of " + periodDays + " days",
              s,
              from);
      InvoiceLine line =
          new InvoiceLine(
              LineType.RECURRING,
              description,
              s.subscriptionId(),
              offeringId,
              charge.id(),
              version.version(),
              from,
              until,
              full ? BigDecimal.ONE : BigDecimal.valueOf(days),
              full ? "month" : "day",
              full ? price : null,
              amount,
              charge.taxCategory(),
              charge.glCode(),
              null,
              null,
              null,
              null,
              corrections.originalPeriodStart(period),
              false);
      lines.addUnlessZero(line);
      List<ChargedDiscount> discounted =
          discounts.apply(s, period, line, offering.discountsOn(charge.id()), ordinal);
      records.add(
          new ChargedService(
              s.subscriptionId(),
              period.start(),
              period.end(),
              ordinal,
              offeringId,
              charge.id(),
              version.version(),
              charge.name(),
              charge.taxCategory(),
              charge.glCode(),
              from,
              until,
              amount,
              discounted,
              List.of()));
    }
  }

  /** The days of {@code c} not credited yet. */
  private static List<LocalDate> liveDays(ChargedService c) {
    Set<LocalDate> credited = new HashSet<>(c.creditedDates());
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = c.from(); d.isBefore(c.until()); d = d.plusDays(1)) {
      if (!credited.contains(d)) {
        days.add(d);
      }
    }
    return days;
  }

  /** Sorted dates split into runs of consecutive dates. */
  static List<List<LocalDate>> runs(List<LocalDate> sorted) {
    List<List<LocalDate>> runs = new ArrayList<>();
    List<LocalDate> run = new ArrayList<>();
    for (LocalDate d : sorted) {
      if (!run.isEmpty() && !run.get(run.size() - 1).plusDays(1).equals(d)) {
        runs.add(run);
        run = new ArrayList<>();
      }
      run.add(d);
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }
}
