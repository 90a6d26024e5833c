package com.telco.billing.core.invoice;

import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.RecurringCharge;
import com.telco.billing.core.invoice.BillingHistory.ChargedDiscount;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.period.BillPeriod;
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
 * run's first day, and discounted by {@link Discounts}. Project choices in docs/invoicing.md,
 * "Recurring charges: one reconciliation for everything".
 */
final class RecurringCharges {
  private final InvoiceContext context;
  private final InvoiceLines lines;
  private final Discounts discounts;
  private final Map<String, Integer> periodsCharged;
  private final List<ChargedService> charged = new ArrayList<>();

  RecurringCharges(InvoiceContext context, InvoiceLines lines, Discounts discounts) {
    this.context = context;
    this.lines = lines;
    this.discounts = discounts;
    this.periodsCharged = new HashMap<>(context.history().periodsCharged());
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
   * Credits and charges the days of {@code period} (the closed or the advance period) of {@code s}.
   */
  void reconcile(Subscription s, BillPeriod period) {
    Map<LocalDate, String> billable = billableDays(s, period);
    List<ChargedService> records = new ArrayList<>();
    for (ChargedService c : context.history().charges()) {
      if (c.subscriptionId().equals(s.subscriptionId()) && c.periodStart().equals(period.start())) {
        records.add(c);
      }
    }
    // credits: days charged earlier that are no longer billable with the charged offering
    for (int i = 0; i < records.size(); i++) {
      records.set(i, credit(records.get(i), billable));
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
        charge(s, period, runOffering, run, records);
        run = new ArrayList<>();
      }
      if (uncovered) {
        run.add(day.getKey());
        runOffering = day.getValue();
      }
    }
    if (!run.isEmpty()) {
      charge(s, period, runOffering, run, records);
    }
    charged.addAll(records);
  }

  /**
   * The billable days of {@code period} and the offering each is billable with, in date order: days
   * the subscription is active, or suspended with an offering charged while suspended; in the
   * advance period only for a subscription activated before the cycle date.
   */
  private Map<LocalDate, String> billableDays(Subscription s, BillPeriod period) {
    Map<LocalDate, String> days = new LinkedHashMap<>();
    if (period.equals(context.advance()) && !s.activationDate().isBefore(context.cycleDate())) {
      return days;
    }
    for (LocalDate d = period.start(); d.isBefore(period.end()); d = d.plusDays(1)) {
      SubscriptionStatus status = s.statusOn(d);
      Optional<String> offeringId = s.offeringOn(d);
      if (offeringId.isEmpty()) {
        continue;
      }
      if (status == SubscriptionStatus.ACTIVE
          || (status == SubscriptionStatus.SUSPENDED
              && context.offeringAt(offeringId.get(), d).chargeWhileSuspended())) {
        days.put(d, offeringId.get());
      }
    }
    return days;
  }

  /**
   * Credits the live days of {@code c} that are no longer billable with its offering, per run of
   * consecutive days, and returns {@code c} with those days credited.
   */
  private ChargedService credit(ChargedService c, Map<LocalDate, String> billable) {
    List<LocalDate> toCredit = new ArrayList<>();
    for (LocalDate d : liveDays(c)) {
      if (!c.offeringId().equals(billable.get(d))) {
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
              "Credit: " + c.description() + ", " + share,
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
              null,
              true));
      discounts.credit(c, from, until, share, before, after, days);
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
      List<ChargedService> records) {
    LocalDate from = run.get(0);
    LocalDate until = run.get(run.size() - 1).plusDays(1);
    CatalogVersion version = context.versionAt(from);
    ProductOffering offering = InvoiceContext.offeringIn(version, offeringId);
    if (offering.recurringCharges().isEmpty()) {
      return;
    }
    int ordinal = ordinalOf(s, records);
    long days = run.size();
    long periodDays = period.days();
    boolean full = days == periodDays;
    for (RecurringCharge charge : offering.recurringCharges()) {
      BigDecimal price =
          context.priceOf(
              charge.price().amountIn(context.account().currency()), charge.id(), version);
      BigDecimal amount = Proration.prorate(price, days, periodDays, context.minorUnits());
      String description =
          full ? charge.name() : charge.name() + ", " + days + " of " + periodDays + " days";
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
              null,
              false);
      lines.addUnlessZero(line);
      List<ChargedDiscount> discounted =
          discounts.apply(line, offering.discountsOn(charge.id()), ordinal);
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

  /**
   * Which of the subscription's charged bill periods the period of {@code records} is: the one
   * recorded when it was charged before, else the next one (counted in the history).
   */
  private int ordinalOf(Subscription s, List<ChargedService> records) {
    if (!records.isEmpty()) {
      return records.get(0).periodOrdinal();
    }
    int next = periodsCharged.getOrDefault(s.subscriptionId(), 0) + 1;
    periodsCharged.put(s.subscriptionId(), next);
    return next;
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
