package com.telco.billing.core.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.Discount;
import com.telco.billing.core.catalog.OneTimeCharge;
import com.telco.billing.core.catalog.OneTimeTrigger;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.RecurringCharge;
import com.telco.billing.core.catalog.TaxRate;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.invoice.BillingHistory.BilledOneTimeCharge;
import com.telco.billing.core.invoice.BillingHistory.BilledUsage;
import com.telco.billing.core.invoice.BillingHistory.ChargedDiscount;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.core.subscription.StatusChange;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionStatus;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The invoice of one account and one cycle date, computed purely from the account, its
 * subscriptions, the catalog, its usage lines and its billing history (docs/billing-rules.md,
 * "Recurring and one-time charges; proration", "Tax", "Invoices"; every choice is in
 * docs/invoicing.md).
 *
 * <p>At cycle date {@code D_k} the invoice bills the closed period {@code C = [D_k-1, D_k)} and the
 * advance period {@code A = [D_k, D_k+1)}:
 *
 * <ul>
 *   <li>Recurring charges are reconciled day by day for {@code C} and {@code A}: a day is
 *       <em>billable</em> with an offering when the subscription is active on it (or suspended and
 *       the offering says {@code chargeWhileSuspended}), and, for {@code A}, the subscription was
 *       activated before {@code D_k}. Days charged earlier (the history's {@link ChargedService}s)
 *       that are no longer billable with their offering are credited; billable days not yet charged
 *       are charged, {@code HALF_UP(price * days / daysInBillPeriod)}, per run of consecutive days
 *       with one offering, priced with the catalog version in effect on the run's first day. This
 *       one mechanism gives the partial first period, termination and plan-change credits, and
 *       suspension credits.
 *   <li>Discounts apply in the first {@code n} bill periods the subscription is charged for: {@code
 *       -HALF_UP(rounded recurring line * percentage)}.
 *   <li>A credit of {@code k} more days of a charged line of {@code N} days, of which {@code c}
 *       were credited before, is {@code HALF_UP(amount * (c + k) / N) - HALF_UP(amount * c / N)}
 *       with the opposite sign (pro rata, and all credits of a line add up to the line).
 *   <li>One-time charges of triggers dated in {@code C} (the first cycle date after them is {@code
 *       D_k}).
 *   <li>Usage lines of {@code C}, and for earlier periods the difference between the usage line and
 *       what was billed for it (late usage), each rounded once.
 *   <li>Tax per rate on the issue date: {@code HALF_UP(sum of rounded net lines at that rate *
 *       rate)}; none for a tax-exempt account.
 * </ul>
 */
public final class InvoiceCalculator {

  /**
   * How far back (days before the cycle date) usage lines are looked at for late usage, and how
   * long the history keeps the usage totals it billed: maxUsageAge (45 days) plus the longest bill
   * period (31 days) plus 24 days of slack for a late bill run.
   */
  public static final int LATE_USAGE_HORIZON_DAYS = 100;

  /** Refusal code: the date is not one of the account's cycle dates. */
  public static final String NOT_A_CYCLE_DATE = "not_a_cycle_date";

  /** Refusal code: the period ending on the cycle date is already invoiced. */
  public static final String ALREADY_INVOICED = "period_already_invoiced";

  /** Refusal code: a period between the last invoice and this cycle date is not invoiced yet. */
  public static final String PERIOD_SKIPPED = "period_skipped";

  private static final RoundingMode HALF_UP = Money.ROUNDING;
  private static final char SEP = '|';

  private InvoiceCalculator() {}

  /**
   * Why {@code request} cannot be computed, as a stable code ({@link #NOT_A_CYCLE_DATE}, {@link
   * #ALREADY_INVOICED}, {@link #PERIOD_SKIPPED}), or empty when it can. Cycle dates are invoiced
   * one after the other: after the invoice of {@code D_k} only {@code D_k+1} can be computed.
   */
  public static Optional<String> refusal(InvoiceRequest request) {
    LocalDate cycleDate = request.cycleDate();
    if (cycleDate.getDayOfMonth() != request.account().billCycleDay()) {
      return Optional.of(NOT_A_CYCLE_DATE);
    }
    LocalDate last = request.history().lastCycleDate();
    if (last != null && !cycleDate.isAfter(last)) {
      return Optional.of(ALREADY_INVOICED);
    }
    if (last != null && cycleDate.isAfter(last.plusMonths(1))) {
      return Optional.of(PERIOD_SKIPPED);
    }
    return Optional.empty();
  }

  /**
   * The invoice of {@code request.cycleDate()} and the history after it.
   *
   * @throws IllegalArgumentException when {@link #refusal} names a reason (the message starts with
   *     the code), or when the data cannot be billed (a price in the account's currency or a tax
   *     rate missing, an offering not in the catalog version, usage of an unknown subscription)
   */
  public static InvoiceComputation compute(InvoiceRequest request) {
    Optional<String> refused = refusal(request);
    if (refused.isPresent()) {
      throw new IllegalArgumentException(
          refused.get()
              + ": cycle date "
              + request.cycleDate()
              + ", bill cycle day "
              + request.account().billCycleDay()
              + ", last invoiced cycle date "
              + request.history().lastCycleDate());
    }
    return new Run(request).compute();
  }

  /** The key of a usage line in {@link BillingHistory#billedUsage()}, as {@code UsageBook}'s. */
  public static String usageLineKey(UsageLine line) {
    return line.periodStart().toString()
        + SEP
        + line.subscriptionId()
        + SEP
        + line.usageType()
        + SEP
        + Objects.toString(line.zone(), "")
        + SEP
        + Objects.toString(line.band(), "");
  }

  /** One computation: the request and what is built from it. */
  private static final class Run {
    private final InvoiceRequest request;
    private final AccountProfile account;
    private final Catalog catalog;
    private final BillingHistory history;
    private final LocalDate cycleDate;
    private final int minorUnits;
    private final BillPeriod closed;
    private final BillPeriod advance;
    private final List<InvoiceLine> lines = new ArrayList<>();
    private final List<ChargedService> chargesAfter = new ArrayList<>();
    private final Map<String, Integer> periodsCharged;
    private final List<BilledOneTimeCharge> oneTimeAfter = new ArrayList<>();

    Run(InvoiceRequest request) {
      this.request = request;
      this.account = request.account();
      this.catalog = request.catalog();
      this.history = request.history();
      this.cycleDate = request.cycleDate();
      this.minorUnits = account.currency().getDefaultFractionDigits();
      this.advance = BillPeriods.periodStartingOn(cycleDate, account.billCycleDay());
      this.closed = advance.previous();
      this.periodsCharged = new HashMap<>(history.periodsCharged());
    }

    InvoiceComputation compute() {
      Set<String> ids = new HashSet<>();
      List<Subscription> subscriptions = new ArrayList<>(request.subscriptions());
      subscriptions.sort(Comparator.comparing(Subscription::subscriptionId));
      for (Subscription s : subscriptions) {
        if (!ids.add(s.subscriptionId())) {
          throw new IllegalArgumentException("duplicate subscription " + s.subscriptionId());
        }
      }
      for (Subscription s : subscriptions) {
        recurring(s, closed);
        recurring(s, advance);
        oneTime(s);
      }
      Map<String, BilledUsage> billedUsage = usage(subscriptions);
      List<TaxItem> taxItems = tax();
      BigDecimal net = zero();
      for (InvoiceLine line : lines) {
        net = net.add(line.amount());
      }
      BigDecimal tax = zero();
      for (TaxItem item : taxItems) {
        tax = tax.add(item.taxAmount());
      }
      InvoiceDraft draft =
          new InvoiceDraft(
              account.accountId(),
              account.legalEntity(),
              account.currency(),
              cycleDate,
              cycleDate.plusDays(account.paymentTermsDays()),
              closed,
              lines,
              taxItems,
              net,
              tax,
              net.add(tax));
      return new InvoiceComputation(draft, historyAfter(subscriptions, billedUsage));
    }

    // ---- recurring charges, discounts, credits ----

    private void recurring(Subscription s, BillPeriod period) {
      Map<LocalDate, String> billable = billableDays(s, period);
      List<ChargedService> records = new ArrayList<>();
      for (ChargedService c : history.charges()) {
        if (c.subscriptionId().equals(s.subscriptionId())
            && c.periodStart().equals(period.start())) {
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
      chargesAfter.addAll(records);
    }

    /**
     * The billable days of {@code period} and the offering each is billable with, in date order:
     * days the subscription is active, or suspended with an offering charged while suspended; in
     * the advance period only for a subscription activated before the cycle date.
     */
    private Map<LocalDate, String> billableDays(Subscription s, BillPeriod period) {
      Map<LocalDate, String> days = new LinkedHashMap<>();
      if (period.equals(advance) && !s.activationDate().isBefore(cycleDate)) {
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
                && offeringAt(offeringId.get(), d).chargeWhileSuspended())) {
          days.put(d, offeringId.get());
        }
      }
      return days;
    }

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
        BigDecimal amount = creditShare(c.amount(), before, after, days);
        addLine(
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
        for (ChargedDiscount d : c.discounts()) {
          addLine(
              new InvoiceLine(
                  LineType.DISCOUNT,
                  "Credit: " + d.description() + ", " + share,
                  c.subscriptionId(),
                  c.offeringId(),
                  d.discountId(),
                  c.catalogVersion(),
                  from,
                  until,
                  null,
                  null,
                  null,
                  creditShare(d.amount(), before, after, days),
                  c.taxCategory(),
                  d.glCode(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  true));
        }
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

    /** {@code -(HALF_UP(amount * after / days) - HALF_UP(amount * before / days))}. */
    private BigDecimal creditShare(BigDecimal amount, long before, long after, long days) {
      BigDecimal upTo = prorate(amount, after, days);
      BigDecimal already = prorate(amount, before, days);
      return upTo.subtract(already).negate();
    }

    /**
     * {@code HALF_UP(amount * days / daysInPeriod)} to the minor units, from the exact quotient.
     */
    private BigDecimal prorate(BigDecimal amount, long days, long daysInPeriod) {
      return amount
          .multiply(BigDecimal.valueOf(days))
          .divide(BigDecimal.valueOf(daysInPeriod), minorUnits, HALF_UP);
    }

    private void charge(
        Subscription s,
        BillPeriod period,
        String offeringId,
        List<LocalDate> run,
        List<ChargedService> records) {
      LocalDate from = run.get(0);
      LocalDate until = run.get(run.size() - 1).plusDays(1);
      CatalogVersion version = versionAt(from);
      ProductOffering offering = offeringIn(version, offeringId);
      if (offering.recurringCharges().isEmpty()) {
        return;
      }
      int ordinal = ordinalOf(s, period, records);
      long days = run.size();
      long periodDays = period.days();
      boolean full = days == periodDays;
      for (RecurringCharge charge : offering.recurringCharges()) {
        BigDecimal price =
            priceOf(charge.price().amountIn(account.currency()), charge.id(), version);
        BigDecimal amount = prorate(price, days, periodDays);
        String description =
            full ? charge.name() : charge.name() + ", " + days + " of " + periodDays + " days";
        addLine(
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
                false));
        List<ChargedDiscount> discounts = new ArrayList<>();
        for (Discount discount : offering.discountsOn(charge.id())) {
          if (!discount.appliesInPeriod(ordinal)) {
            continue;
          }
          BigDecimal off = amount.multiply(discount.fraction()).setScale(minorUnits, HALF_UP);
          BigDecimal discountAmount = off.negate();
          discounts.add(
              new ChargedDiscount(
                  discount.id(), discount.name(), discount.glCode(), discountAmount));
          addLine(
              new InvoiceLine(
                  LineType.DISCOUNT,
                  discount.name(),
                  s.subscriptionId(),
                  offeringId,
                  discount.id(),
                  version.version(),
                  from,
                  until,
                  null,
                  null,
                  null,
                  discountAmount,
                  charge.taxCategory(),
                  discount.glCode(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  false));
        }
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
                discounts,
                List.of()));
      }
    }

    /**
     * Which of the subscription's charged bill periods {@code period} is: the one recorded when it
     * was charged before, else the next one (counted in the history).
     */
    private int ordinalOf(Subscription s, BillPeriod period, List<ChargedService> records) {
      if (!records.isEmpty()) {
        return records.get(0).periodOrdinal();
      }
      int next = periodsCharged.getOrDefault(s.subscriptionId(), 0) + 1;
      periodsCharged.put(s.subscriptionId(), next);
      return next;
    }

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
    private static List<List<LocalDate>> runs(List<LocalDate> sorted) {
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

    // ---- one-time charges ----

    private void oneTime(Subscription s) {
      for (StatusChange change : s.history()) {
        LocalDate date = change.effectiveDate();
        if (!closed.contains(date)) {
          continue;
        }
        OneTimeTrigger trigger =
            switch (change.kind()) {
              case ACTIVATED -> OneTimeTrigger.ACTIVATION;
              case OFFERING_CHANGED -> OneTimeTrigger.CHANGE;
              case SUSPENDED -> OneTimeTrigger.SUSPENSION;
              case RESUMED -> OneTimeTrigger.RESUMPTION;
              case TERMINATED -> OneTimeTrigger.TERMINATION;
            };
        CatalogVersion version = versionAt(date);
        ProductOffering offering = offeringIn(version, change.offeringId());
        for (OneTimeCharge charge : offering.oneTimeChargesOn(trigger)) {
          BilledOneTimeCharge billed =
              new BilledOneTimeCharge(s.subscriptionId(), charge.id(), trigger.name(), date);
          if (history.oneTimeCharges().contains(billed) || oneTimeAfter.contains(billed)) {
            continue;
          }
          oneTimeAfter.add(billed);
          BigDecimal price =
              priceOf(charge.price().amountIn(account.currency()), charge.id(), version);
          addLine(
              new InvoiceLine(
                  LineType.ONE_TIME,
                  charge.name(),
                  s.subscriptionId(),
                  offering.id(),
                  charge.id(),
                  version.version(),
                  date,
                  date.plusDays(1),
                  BigDecimal.ONE,
                  "each",
                  price,
                  price.setScale(minorUnits, HALF_UP),
                  charge.taxCategory(),
                  charge.glCode(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  false));
        }
      }
    }

    // ---- usage ----

    private Map<String, BilledUsage> usage(List<Subscription> subscriptions) {
      LocalDate horizon = cycleDate.minusDays(LATE_USAGE_HORIZON_DAYS);
      Map<String, BilledUsage> billed = new HashMap<>();
      history
          .billedUsage()
          .forEach(
              (key, value) -> {
                if (!periodOfKey(key).isBefore(horizon)) {
                  billed.put(key, value);
                }
              });
      Map<String, Subscription> byId = new HashMap<>();
      subscriptions.forEach(s -> byId.put(s.subscriptionId(), s));
      List<UsageLine> usage = new ArrayList<>(request.usage());
      usage.sort(
          Comparator.comparing(UsageLine::periodStart)
              .thenComparing(UsageLine::subscriptionId)
              .thenComparing(UsageLine::usageType)
              .thenComparing(l -> Objects.toString(l.zone(), ""))
              .thenComparing(l -> Objects.toString(l.band(), "")));
      List<InvoiceLine> current = new ArrayList<>();
      List<InvoiceLine> late = new ArrayList<>();
      for (UsageLine line : usage) {
        if (!line.periodStart().isBefore(closed.end()) || line.periodStart().isBefore(horizon)) {
          continue;
        }
        String key = usageLineKey(line);
        BilledUsage before = billed.getOrDefault(key, new BilledUsage(0, 0, 0, BigDecimal.ZERO));
        long quantity = line.quantity() - before.quantity();
        long records = line.records() - before.records();
        BigDecimal amount = line.amount().subtract(before.amount());
        if (quantity == 0 && records == 0 && amount.signum() == 0) {
          continue;
        }
        billed.put(
            key,
            new BilledUsage(
                line.quantity(), line.chargeableQuantity(), line.records(), line.amount()));
        Subscription s = byId.get(line.subscriptionId());
        if (s == null) {
          throw new IllegalArgumentException(
              "usage of unknown subscription " + line.subscriptionId());
        }
        boolean isLate = line.periodStart().isBefore(closed.start());
        BillPeriod period =
            BillPeriods.periodStartingOn(line.periodStart(), account.billCycleDay());
        UsagePricing pricing = usagePricing(s, line.usageType(), period);
        String what = pricing.name + describe(line.zone()) + describe(line.band());
        InvoiceLine invoiceLine =
            new InvoiceLine(
                isLate ? LineType.LATE_USAGE : LineType.USAGE,
                isLate ? "Late usage of " + period + ": " + what : what,
                s.subscriptionId(),
                pricing.offeringId,
                pricing.chargeId,
                pricing.catalogVersion,
                period.start(),
                period.end(),
                BigDecimal.valueOf(quantity),
                pricing.unit,
                null,
                amount.setScale(minorUnits, HALF_UP),
                pricing.taxCategory,
                pricing.glCode,
                line.usageType(),
                line.zone(),
                line.band(),
                records,
                isLate ? line.periodStart() : null,
                false);
        (isLate ? late : current).add(invoiceLine);
      }
      lines.addAll(current);
      lines.addAll(late);
      return billed;
    }

    private static String describe(String attribute) {
      return attribute == null ? "" : ", " + attribute;
    }

    /** What a usage line of {@code period} says about its price, from the catalog. */
    private record UsagePricing(
        String offeringId,
        String chargeId,
        String catalogVersion,
        String name,
        String unit,
        String taxCategory,
        String glCode) {}

    /** An offering as one catalog version defines it, in effect on some day of a period. */
    private record OfferingInVersion(String offeringId, CatalogVersion version) {}

    /** {@link #offeringsInEffect} per subscription and period, computed once per run. */
    private final Map<String, List<OfferingInVersion>> inEffect = new HashMap<>();

    /**
     * The (offering, catalog version) pairs of the days the subscription lived in {@code period}:
     * each day's offering with the version in effect at the day's start and the versions taking
     * effect during the day. Distinct, in the order of their first day.
     */
    private List<OfferingInVersion> offeringsInEffect(Subscription s, BillPeriod period) {
      return inEffect.computeIfAbsent(
          s.subscriptionId() + SEP + period.start(),
          k -> {
            // keyed by offering and version id: a version is compared by its id, not its content
            Map<String, OfferingInVersion> pairs = new LinkedHashMap<>();
            for (LocalDate d = period.start(); d.isBefore(period.end()); d = d.plusDays(1)) {
              Optional<String> offeringId = s.offeringOn(d);
              if (offeringId.isEmpty()) {
                continue;
              }
              Instant dayStart = startOf(d);
              Instant dayEnd = startOf(d.plusDays(1));
              catalog.versionAt(dayStart).ifPresent(v -> add(pairs, offeringId.get(), v));
              for (CatalogVersion v : catalog.versions()) {
                if (v.effectiveFrom().isAfter(dayStart) && v.effectiveFrom().isBefore(dayEnd)) {
                  add(pairs, offeringId.get(), v);
                }
              }
            }
            return List.copyOf(pairs.values());
          });
    }

    private static void add(
        Map<String, OfferingInVersion> pairs, String offeringId, CatalogVersion version) {
      pairs.putIfAbsent(
          offeringId + SEP + version.version(), new OfferingInVersion(offeringId, version));
    }

    /**
     * The usage charge that priced the subscription's usage of a type in {@code period}: the
     * offering and catalog version of each day the subscription lived in the period (plus versions
     * taking effect inside the period); offering and version are named only when unique, the charge
     * is the first one found.
     */
    private UsagePricing usagePricing(Subscription s, String usageType, BillPeriod period) {
      Set<String> offerings = new TreeSet<>();
      Set<String> versions = new TreeSet<>();
      UsageCharge first = null;
      String unit = null;
      for (OfferingInVersion pair : offeringsInEffect(s, period)) {
        CatalogVersion v = pair.version();
        Optional<UsageCharge> charge =
            v.offering(pair.offeringId()).flatMap(o -> o.usageChargeFor(usageType));
        if (charge.isPresent()) {
          offerings.add(pair.offeringId());
          versions.add(v.version());
          if (first == null) {
            first = charge.get();
            unit = v.usageType(usageType).map(u -> u.unitOfMeasure().name()).orElse(null);
          }
        }
      }
      if (first == null) {
        throw new IllegalArgumentException(
            "no usage charge for "
                + usageType
                + " of subscription "
                + s.subscriptionId()
                + " in "
                + period);
      }
      return new UsagePricing(
          offerings.size() == 1 ? offerings.iterator().next() : null,
          first.id(),
          versions.size() == 1 ? versions.iterator().next() : null,
          first.name(),
          unit,
          first.taxCategory(),
          first.glCode());
    }

    private static LocalDate periodOfKey(String key) {
      return LocalDate.parse(key.substring(0, key.indexOf(SEP)));
    }

    // ---- tax ----

    private List<TaxItem> tax() {
      if (account.taxExempt()) {
        return List.of();
      }
      Map<BigDecimal, BigDecimal> taxable = new TreeMap<>();
      Map<BigDecimal, Set<String>> categories = new TreeMap<>();
      // one lookup per category: the table is scanned once for each, not once per line
      Map<String, Optional<TaxRate>> rates = new HashMap<>();
      for (InvoiceLine line : lines) {
        TaxRate rate =
            rates
                .computeIfAbsent(
                    line.taxCategory(),
                    category -> catalog.taxRate(account.taxJurisdiction(), category, cycleDate))
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no tax rate for ("
                                + account.taxJurisdiction()
                                + ", "
                                + line.taxCategory()
                                + ") on "
                                + cycleDate));
        taxable.merge(rate.rate(), line.amount(), BigDecimal::add);
        categories.computeIfAbsent(rate.rate(), k -> new TreeSet<>()).add(line.taxCategory());
      }
      List<TaxItem> items = new ArrayList<>();
      taxable.forEach(
          (rate, base) ->
              items.add(
                  new TaxItem(
                      List.copyOf(categories.get(rate)),
                      rate,
                      base,
                      base.multiply(rate).setScale(minorUnits, HALF_UP))));
      return items;
    }

    // ---- history ----

    private BillingHistory historyAfter(
        List<Subscription> subscriptions, Map<String, BilledUsage> billedUsage) {
      LocalDate horizon = cycleDate.minusDays(LATE_USAGE_HORIZON_DAYS);
      Set<LocalDate> recent = new HashSet<>();
      for (LocalDate p : history.recentPeriods()) {
        if (!p.isBefore(horizon)) {
          recent.add(p);
        }
      }
      recent.add(closed.start());
      Map<String, Integer> counts = new HashMap<>();
      for (Subscription s : subscriptions) {
        Integer count = periodsCharged.get(s.subscriptionId());
        boolean over = s.terminationDate().map(t -> !t.isAfter(cycleDate)).orElse(false);
        if (count != null && !over) {
          counts.put(s.subscriptionId(), count);
        }
      }
      List<BilledOneTimeCharge> oneTime = new ArrayList<>();
      for (BilledOneTimeCharge b : history.oneTimeCharges()) {
        if (!b.triggerDate().isBefore(closed.start())) {
          oneTime.add(b);
        }
      }
      oneTime.addAll(oneTimeAfter);
      List<ChargedService> charges = new ArrayList<>();
      for (ChargedService c : chargesAfter) {
        if (!c.periodStart().isBefore(closed.start())) {
          charges.add(c);
        }
      }
      return new BillingHistory(
          history.firstPeriodStart() == null ? closed.start() : history.firstPeriodStart(),
          cycleDate,
          recent,
          charges,
          counts,
          oneTime,
          billedUsage);
    }

    // ---- catalog look-ups ----

    /** Start instants of days in the account's zone, computed once per day of this run. */
    private final Map<LocalDate, Instant> dayStarts = new HashMap<>();

    private Instant startOf(LocalDate date) {
      return dayStarts.computeIfAbsent(date, d -> LifecycleDates.startOfDay(d, account.timeZone()));
    }

    private CatalogVersion versionAt(LocalDate date) {
      return catalog
          .versionAt(startOf(date))
          .orElseThrow(
              () -> new IllegalArgumentException("no catalog version in effect on " + date));
    }

    private ProductOffering offeringAt(String offeringId, LocalDate date) {
      return offeringIn(versionAt(date), offeringId);
    }

    private static ProductOffering offeringIn(CatalogVersion version, String offeringId) {
      return version
          .offering(offeringId)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "offering " + offeringId + " not in catalog version " + version.version()));
    }

    private BigDecimal priceOf(Optional<Money> price, String chargeId, CatalogVersion version) {
      return price
          .map(Money::amount)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no price in "
                          + account.currency().getCurrencyCode()
                          + " for "
                          + chargeId
                          + " in catalog version "
                          + version.version()));
    }

    private void addLine(InvoiceLine line) {
      if (line.amount().signum() != 0) {
        lines.add(line);
      }
    }

    private BigDecimal zero() {
      return BigDecimal.ZERO.setScale(minorUnits);
    }
  }
}
