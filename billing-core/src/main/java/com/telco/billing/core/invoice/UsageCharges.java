package com.telco.billing.core.invoice;

import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.invoice.BillingHistory.BilledUsage;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Usage lines of the closed period and late usage of earlier periods.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": usage of {@code [D_k-1,
 * D_k)} is billed in arrears; "Invoices": usage lines are aggregated per subscription, usage type,
 * zone and band and show how many records they hold; "Corrections of late and backdated changes":
 * usage of an invoiced period is billed on the next invoice. Project choices in docs/invoicing.md,
 * "Usage and late usage": every usage line of a period before the cycle date is billed as the
 * difference to what the history says was billed for it, rounded HALF_UP once; {@code USAGE} for
 * the closed period, then {@code LATE_USAGE} for earlier ones; lines of periods starting more than
 * {@link InvoiceCalculator#LATE_USAGE_HORIZON_DAYS} days before the cycle date are ignored.
 */
final class UsageCharges {
  private static final char SEP = '|';

  private final InvoiceContext context;
  private final InvoiceLines lines;

  /** {@link #offeringsInEffect} per subscription and period, computed once per invoice. */
  private final Map<String, List<OfferingInVersion>> inEffect = new HashMap<>();

  UsageCharges(InvoiceContext context, InvoiceLines lines) {
    this.context = context;
    this.lines = lines;
  }

  /** The key of a usage line in {@link BillingHistory#billedUsage()}, as {@code UsageBook}'s. */
  static String lineKey(UsageLine line) {
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

  /**
   * Adds the usage and late usage lines of the request's usage and returns the usage totals billed
   * after this invoice, per line key, within the horizon.
   *
   * @param subscriptions the account's subscriptions; usage of any other cannot be billed
   */
  Map<String, BilledUsage> bill(List<Subscription> subscriptions) {
    LocalDate horizon = context.cycleDate().minusDays(InvoiceCalculator.LATE_USAGE_HORIZON_DAYS);
    BillPeriod closed = context.closed();
    Map<String, BilledUsage> billed = new HashMap<>();
    context
        .history()
        .billedUsage()
        .forEach(
            (key, value) -> {
              if (!periodOfKey(key).isBefore(horizon)) {
                billed.put(key, value);
              }
            });
    Map<String, Subscription> byId = new HashMap<>();
    subscriptions.forEach(s -> byId.put(s.subscriptionId(), s));
    List<UsageLine> usage = new ArrayList<>(context.request().usage());
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
      String key = lineKey(line);
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
          BillPeriods.periodStartingOn(line.periodStart(), context.account().billCycleDay());
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
              amount.setScale(context.minorUnits(), InvoiceContext.HALF_UP),
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

  private static LocalDate periodOfKey(String key) {
    return LocalDate.parse(key.substring(0, key.indexOf(SEP)));
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
            Instant dayStart = context.startOf(d);
            Instant dayEnd = context.startOf(d.plusDays(1));
            context.catalog().versionAt(dayStart).ifPresent(v -> add(pairs, offeringId.get(), v));
            for (CatalogVersion v : context.catalog().versions()) {
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
   * The usage charge that priced the subscription's usage of a type in {@code period}: the offering
   * and catalog version of each day the subscription lived in the period (plus versions taking
   * effect inside the period); offering and version are named only when unique, the charge is the
   * first one found.
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
}
