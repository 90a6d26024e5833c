package com.telco.billing.core.invoice;

import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.invoice.BillingHistory.BilledUsage;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.StatusChange;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook;
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
import java.util.TreeMap;
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
    return UsageBook.lineKey(line);
  }

  /**
   * Adds the usage and late usage lines of the request's usage and returns the usage totals billed
   * after this invoice, per line key, within the horizon. A usage line of the book is one charge's
   * (after a plan change inside a period one usage type may have two); a line kept before lines
   * were split per charge, or any line of a (period, subscription, usage type, zone, band) whose
   * totals the history holds under the key without charge, is billed together with the others of
   * that key as one line, as it was before.
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
    Map<String, List<UsageLine>> groups = new TreeMap<>();
    for (UsageLine line : context.request().usage()) {
      if (!line.periodStart().isBefore(closed.end()) || line.periodStart().isBefore(horizon)) {
        continue;
      }
      groups.computeIfAbsent(UsageBook.baseKey(line), k -> new ArrayList<>()).add(line);
    }
    List<InvoiceLine> current = new ArrayList<>();
    List<InvoiceLine> late = new ArrayList<>();
    for (Map.Entry<String, List<UsageLine>> group : groups.entrySet()) {
      List<UsageLine> members = group.getValue();
      members.sort(
          Comparator.comparing((UsageLine l) -> Objects.toString(l.offeringId(), ""))
              .thenComparing(l -> Objects.toString(l.chargeId(), "")));
      boolean whole =
          billed.containsKey(group.getKey())
              || members.stream().anyMatch(l -> l.chargeId() == null);
      if (whole) {
        // what was billed for the key, whichever way: the key without charge takes it all
        BilledUsage before = billed.remove(group.getKey());
        for (UsageLine l : members) {
          BilledUsage perCharge = l.chargeId() == null ? null : billed.remove(lineKey(l));
          before = plus(before, perCharge);
        }
        if (before != null) {
          billed.put(group.getKey(), before);
        }
      }
      List<UsageLine> toBill = whole ? List.of(sum(members)) : members;
      for (UsageLine line : toBill) {
        Subscription s = byId.get(line.subscriptionId());
        if (s == null) {
          throw new IllegalArgumentException(
              "usage of unknown subscription " + line.subscriptionId());
        }
        InvoiceLine invoiceLine = bill(line, s, billed, toBill.size() > 1);
        if (invoiceLine != null) {
          (invoiceLine.type() == LineType.LATE_USAGE ? late : current).add(invoiceLine);
        }
      }
    }
    lines.addAll(current);
    lines.addAll(late);
    return billed;
  }

  private static BilledUsage plus(BilledUsage a, BilledUsage b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return new BilledUsage(
        Math.addExact(a.quantity(), b.quantity()),
        Math.addExact(a.chargeableQuantity(), b.chargeableQuantity()),
        Math.addExact(a.records(), b.records()),
        a.amount().add(b.amount()));
  }

  /** The lines of one key added up, as one line without offering and charge. */
  private static UsageLine sum(List<UsageLine> members) {
    UsageLine first = members.get(0);
    long quantity = 0;
    long chargeable = 0;
    long records = 0;
    BigDecimal amount = BigDecimal.ZERO;
    for (UsageLine l : members) {
      quantity = Math.addExact(quantity, l.quantity());
      chargeable = Math.addExact(chargeable, l.chargeableQuantity());
      records = Math.addExact(records, l.records());
      amount = amount.add(l.amount());
    }
    return new UsageLine(
        first.periodStart(),
        first.subscriptionId(),
        first.usageType(),
        first.zone(),
        first.band(),
        quantity,
        chargeable,
        records,
        amount);
  }

  /**
   * The invoice line of the difference between {@code line} and what {@code billed} says was billed
   * for its key (which it updates), or {@code null} when nothing changed.
   *
   * @param named whether the line names its offering (its key has several charges' lines)
   */
  private InvoiceLine bill(
      UsageLine line, Subscription s, Map<String, BilledUsage> billed, boolean named) {
    String key = lineKey(line);
    BilledUsage before = billed.getOrDefault(key, new BilledUsage(0, 0, 0, BigDecimal.ZERO));
    long quantity = line.quantity() - before.quantity();
    long records = line.records() - before.records();
    BigDecimal amount = line.amount().subtract(before.amount());
    if (quantity == 0 && records == 0 && amount.signum() == 0) {
      return null;
    }
    billed.put(
        key,
        new BilledUsage(line.quantity(), line.chargeableQuantity(), line.records(), line.amount()));
    boolean isLate = line.periodStart().isBefore(context.closed().start());
    BillPeriod period =
        BillPeriods.periodStartingOn(line.periodStart(), context.account().billCycleDay());
    UsagePricing pricing =
        line.chargeId() == null
            ? usagePricing(s, line.usageType(), period)
            : chargePricing(s, line, period);
    String what =
        pricing.name
            + (named && pricing.offeringName != null ? " (" + pricing.offeringName + ")" : "")
            + describe(line.zone())
            + describe(line.band());
    return new InvoiceLine(
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
      String offeringName,
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
      // records rated with an offering the subscription no longer has in the period (a plan
      // change reported late): the first usage charge of the type of any of its offerings
      for (StatusChange change : s.history()) {
        for (CatalogVersion v : context.catalog().versions()) {
          Optional<UsageCharge> charge =
              v.offering(change.offeringId()).flatMap(o -> o.usageChargeFor(usageType));
          if (charge.isPresent() && first == null) {
            first = charge.get();
            unit = v.usageType(usageType).map(u -> u.unitOfMeasure().name()).orElse(null);
          }
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
        null,
        first.id(),
        versions.size() == 1 ? versions.iterator().next() : null,
        first.name(),
        unit,
        first.taxCategory(),
        first.glCode());
  }

  /**
   * What the charge that priced {@code line} says about its price: the charge of the line's
   * offering in the catalog versions in effect in {@code period} (the first one defining it; the
   * version is named when only one does), else in any version (records rated with an offering the
   * subscription no longer has on those days, after a plan change reported late).
   */
  private UsagePricing chargePricing(Subscription s, UsageLine line, BillPeriod period) {
    List<CatalogVersion> candidates = new ArrayList<>();
    for (OfferingInVersion pair : offeringsInEffect(s, period)) {
      if (pair.offeringId().equals(line.offeringId())) {
        candidates.add(pair.version());
      }
    }
    if (candidates.isEmpty()) {
      candidates.addAll(context.catalog().versions());
    }
    Set<String> versions = new TreeSet<>();
    UsagePricing found = null;
    for (CatalogVersion v : candidates) {
      Optional<ProductOffering> offering = v.offering(line.offeringId());
      Optional<UsageCharge> charge =
          offering
              .flatMap(o -> o.usageChargeFor(line.usageType()))
              .filter(c -> c.id().equals(line.chargeId()));
      if (charge.isEmpty()) {
        continue;
      }
      versions.add(v.version());
      if (found == null) {
        found =
            new UsagePricing(
                line.offeringId(),
                offering.get().name(),
                charge.get().id(),
                v.version(),
                charge.get().name(),
                v.usageType(line.usageType()).map(u -> u.unitOfMeasure().name()).orElse(null),
                charge.get().taxCategory(),
                charge.get().glCode());
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          "usage charge "
              + line.chargeId()
              + " of offering "
              + line.offeringId()
              + " not in the catalog (subscription "
              + s.subscriptionId()
              + ", "
              + period
              + ")");
    }
    return versions.size() == 1
        ? found
        : new UsagePricing(
            found.offeringId,
            found.offeringName,
            found.chargeId,
            null,
            found.name,
            found.unit,
            found.taxCategory,
            found.glCode);
  }
}
