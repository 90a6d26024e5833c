package com.telco.billing.core.rating;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.UsageType;
import com.telco.billing.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rates usage records: a pure function of a catalog, an account's {@link RatingContext}, the record
 * and the counters of its (subscription, usage type, bill period). docs/billing-rules.md, "Rating a
 * usage record", step by step (see {@code docs/rating.md}):
 *
 * <ol>
 *   <li>Catalog version: the one in effect at {@code usageDate} ({@link Catalog#ratingVersionAt}: a
 *       correction version when one covers it, docs/rerating.md); it must declare the usage type
 *       and price in the account's currency.
 *   <li>Guiding: the account's subscription holding the record's service at the usage date (its
 *       local date in the account's zone); its offering on that date; the offering's usage charge
 *       for the type.
 *   <li>Rounded quantity {@code r = max(minimum, ceil(q / increment) * increment)}, {@code q} in
 *       the usage type's base unit.
 *   <li>Price selection by zone (record attribute {@code zone}) and time band (the local date-time
 *       of {@code usageDate} in the account's zone).
 *   <li>Allowance: {@code min(r, allowance - allowance used)} of the period is taken from it first.
 *   <li>The chargeable rest is priced through the graduated tiers on the cumulative chargeable
 *       quantity of the period, per {@code unitSize}, HALF_UP at scale 6.
 * </ol>
 *
 * <p>Counters: the caller keeps a {@link UsageCounters} per {@link CounterKey} and passes a look-up
 * ({@code Map::get} will do; {@code null} means {@link UsageCounters#ZERO}). The rater never
 * mutates anything: a {@link RatingOutcome.Rated} carries the counters after the record, which the
 * caller stores under {@link RatingOutcome.Rated#key()} (in an event-sourced entity: in the event
 * handler of the persisted {@code UsageRated}). Records must be rated one after the other in
 * arrival order, each seeing the counters left by the previous one.
 *
 * <p>A {@code Rater} compiles every catalog version once when built (charges by offering and usage
 * type, zone and band indexes, tiers per currency): build one per published {@link Catalog} and
 * share it; it is immutable and thread-safe.
 */
public final class Rater {
  private final Catalog catalog;
  private final VersionPlan[] plans;

  /** The correction versions' plans in publication order, with where each interval ends. */
  private final VersionPlan[] corrections;

  private final Instant[] correctionsUntil;

  private Rater(Catalog catalog) {
    this.catalog = catalog;
    List<CatalogVersion> versions = catalog.versions();
    this.plans = new VersionPlan[versions.size()];
    for (int i = 0; i < versions.size(); i++) {
      plans[i] = new VersionPlan(versions.get(i));
    }
    List<CatalogVersion> corrected = catalog.corrections();
    this.corrections = new VersionPlan[corrected.size()];
    this.correctionsUntil = new Instant[corrected.size()];
    for (int i = 0; i < corrected.size(); i++) {
      corrections[i] = new VersionPlan(corrected.get(i));
      correctionsUntil[i] = corrected.get(i).correction().effectiveUntil();
    }
  }

  /** A rater for the versions of {@code catalog}. */
  public static Rater of(Catalog catalog) {
    return new Rater(Objects.requireNonNull(catalog, "catalog"));
  }

  /** The catalog this rater prices with. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Rates one record.
   *
   * @param counters looks up the counters of a key so far ({@code Map::get}); {@code null} when
   *     nothing was rated against the key yet
   * @param record the record
   * @param context the account it was guided to
   * @return {@link RatingOutcome.Rated} with the rated usage and the counters after it, {@link
   *     RatingOutcome.Rejected} for a record invalid against the catalog, or {@link
   *     RatingOutcome.Unratable} for one to hold in suspense
   */
  public RatingOutcome rate(
      Function<? super CounterKey, UsageCounters> counters,
      UsageRecord record,
      RatingContext context) {
    Instant usageDate = record.usageDate();
    VersionPlan plan = planAt(usageDate);
    if (plan == null) {
      return noVersion(usageDate);
    }
    UsageType type = plan.usageType(record.usageType());
    if (type == null) {
      return new RatingOutcome.Rejected(
          RatingReasons.UNKNOWN_USAGE_TYPE, "usageType", noSuchType(plan));
    }
    if (record.unit().base() != type.unitOfMeasure()) {
      return new RatingOutcome.Rejected(
          RatingReasons.UNIT_MISMATCH,
          "unit",
          "usage type "
              + type.id()
              + " is counted in "
              + type.unitOfMeasure()
              + ", not in "
              + record.unit());
    }
    int currency = plan.currencyIndex(context.account().currency());
    if (currency < 0) {
      return currencyNotPriced(plan, context);
    }

    // The usage date in the account's zone, computed once from the epoch (no date-time objects)
    long localSecond = usageDate.getEpochSecond() + context.offsetSecondsAt(usageDate);
    long epochDay = Math.floorDiv(localSecond, 86_400L);
    GuidedSubscription subscription = guide(record, context, epochDay);
    if (subscription == null) {
      return unguided(record, context, epochDay);
    }
    return price(
        counters,
        plan,
        type,
        currency,
        subscription,
        record.id(),
        record.source(),
        record.zone(),
        record.ceilBaseQuantity(),
        usageDate,
        localSecond,
        null,
        context);
  }

  /**
   * Rates again a record rated before (docs/rerating.md): with the catalog of this rater, the
   * version {@link Catalog#ratingVersionAt} its usage date (a correction version when one covers
   * it), the subscription it was guided to (not guided again: the journal keeps no service number),
   * its rounded quantity as the quantity and its zone; the offering is the subscription's on the
   * usage date as the account knows it now. The result keeps the record's id, source and {@code
   * late} flag.
   *
   * @param counters the counters of the record's key before it, as for {@link #rate}
   * @param rated the record as rated before
   * @return {@link RatingOutcome.Rated}, or {@link RatingOutcome.Unratable} when the catalog or the
   *     subscription no longer prices it
   */
  public RatingOutcome rerate(
      Function<? super CounterKey, UsageCounters> counters,
      RatedUsage rated,
      RatingContext context) {
    Instant usageDate = rated.usageDate();
    VersionPlan plan = planAt(usageDate);
    if (plan == null) {
      return noVersion(usageDate);
    }
    UsageType type = plan.usageType(rated.usageType());
    if (type == null) {
      // rated before, so the type is valid: a version without it holds the record back
      return new RatingOutcome.Unratable(
          RatingReasons.UNKNOWN_USAGE_TYPE, "usageType", noSuchType(plan));
    }
    int currency = plan.currencyIndex(context.account().currency());
    if (currency < 0) {
      return currencyNotPriced(plan, context);
    }
    GuidedSubscription subscription = context.subscription(rated.subscriptionId());
    long localSecond = usageDate.getEpochSecond() + context.offsetSecondsAt(usageDate);
    long epochDay = Math.floorDiv(localSecond, 86_400L);
    if (subscription == null || !subscription.liveOn(epochDay)) {
      return new RatingOutcome.Unratable(
          RatingReasons.NO_SUBSCRIPTION,
          "subscriptionId",
          "subscription "
              + rated.subscriptionId()
              + " of account "
              + context.account().accountId()
              + " is not live on "
              + LocalDate.ofEpochDay(epochDay));
    }
    return price(
        counters,
        plan,
        type,
        currency,
        subscription,
        rated.recordId(),
        rated.source(),
        rated.zone(),
        rated.roundedQuantity(),
        usageDate,
        localSecond,
        rated.late(),
        context);
  }

  /**
   * Steps 2 (offering and charge of the guided subscription) to 6 of rating a record of {@code
   * ceilBaseQuantity} base units at {@code usageDate}.
   *
   * @param localSecond the usage date's epoch second in the account's zone
   * @param late the record's {@code late} flag, or {@code null} for whether its period is invoiced
   */
  private RatingOutcome price(
      Function<? super CounterKey, UsageCounters> counters,
      VersionPlan plan,
      UsageType type,
      int currency,
      GuidedSubscription subscription,
      String recordId,
      String source,
      String recordZone,
      long ceilBaseQuantity,
      Instant usageDate,
      long localSecond,
      Boolean late,
      RatingContext context) {
    // The local date (offering, period), the day of week and the time of day (time band)
    long epochDay = Math.floorDiv(localSecond, 86_400L);
    long nanoOfDay = (localSecond - epochDay * 86_400L) * 1_000_000_000L + usageDate.getNano();
    int dayIndex = (int) Math.floorMod(epochDay + 3, 7L);
    String offeringId = subscription.offeringOn(epochDay);
    Map<String, ChargePlan> charges = plan.chargesOf(offeringId);
    if (charges == null) {
      return new RatingOutcome.Unratable(
          RatingReasons.UNKNOWN_OFFERING,
          null,
          "offering "
              + offeringId
              + " of subscription "
              + subscription.id
              + " is not in catalog version "
              + plan.versionId);
    }
    ChargePlan charge = charges.get(type.id());
    if (charge == null) {
      return new RatingOutcome.Unratable(
          RatingReasons.NO_USAGE_CHARGE,
          "usageType",
          "offering " + offeringId + " has no usage charge for " + type.id());
    }
    int zone = charge.zoneIndex(recordZone);
    if (zone < 0) {
      return new RatingOutcome.Unratable(
          RatingReasons.UNKNOWN_ZONE,
          "attributes." + UsageRecord.ZONE_ATTRIBUTE,
          "charge " + charge.charge.id() + " prices the zones " + charge.charge.zones() + " only");
    }
    int band = charge.bandIndex(dayIndex, nanoOfDay);
    TierPlan tiers = charge.tiers(zone, band, currency);
    if (tiers == null) {
      return currencyNotPriced(plan, context);
    }

    RatingContext.Period period = context.periodOn(epochDay);
    LocalDate periodStart = period.start;
    CounterKey key = new CounterKey(subscription.id, type.id(), periodStart);
    UsageCounters before = counters.apply(key);
    if (before == null) {
      before = UsageCounters.ZERO;
    }
    try {
      long rounded = charge.round(ceilBaseQuantity);
      long allowanceLeft = Math.max(0, charge.allowance - before.allowanceUsed());
      long fromAllowance = Math.min(rounded, allowanceLeft);
      long chargeable = rounded - fromAllowance;
      long start = before.chargeableQuantity();
      UsageCounters after = before.plus(rounded, fromAllowance, chargeable);
      BigDecimal amount = tiers.amount(start, after.chargeableQuantity(), charge.unitSize);
      RatedUsage usage =
          new RatedUsage(
              recordId,
              source,
              subscription.id,
              offeringId,
              plan.versionId,
              charge.charge.id(),
              type.id(),
              charge.hasZones() ? recordZone : null,
              charge.bandId(band),
              usageDate,
              periodStart,
              rounded,
              fromAllowance,
              chargeable,
              new Money(amount, context.account().currency()),
              late == null ? period.invoiced : late);
      return new RatingOutcome.Rated(usage, key, after);
    } catch (ArithmeticException overflow) {
      return new RatingOutcome.Unratable(
          RatingReasons.COUNTER_OVERFLOW,
          "quantity",
          "the quantities of " + key + " no longer fit the counters");
    }
  }

  /**
   * Rates records one after the other in list order, each against the counters the previous ones
   * left: what an entity does record by record, for a batch.
   *
   * @param counters the counters before the batch (not modified)
   * @param records the records in arrival order
   * @param context the account
   */
  public RatingBatch rateAll(
      Map<CounterKey, UsageCounters> counters, List<UsageRecord> records, RatingContext context) {
    Map<CounterKey, UsageCounters> current = new HashMap<>(counters);
    List<RatingOutcome> outcomes = new ArrayList<>(records.size());
    for (UsageRecord record : records) {
      RatingOutcome outcome = rate(current::get, record, context);
      if (outcome instanceof RatingOutcome.Rated rated) {
        current.put(rated.key(), rated.counters());
      }
      outcomes.add(outcome);
    }
    return new RatingBatch(outcomes, current);
  }

  /**
   * The plan of the version rating uses at {@code instant} ({@link Catalog#ratingVersionAt}): the
   * correction published last whose interval holds it, else the greatest {@code effectiveFrom <=
   * it}.
   */
  private VersionPlan planAt(Instant instant) {
    for (int i = corrections.length - 1; i >= 0; i--) {
      if (corrections[i].effectiveFrom.compareTo(instant) <= 0
          && correctionsUntil[i].isAfter(instant)) {
        return corrections[i];
      }
    }
    for (int i = plans.length - 1; i >= 0; i--) {
      if (plans[i].effectiveFrom.compareTo(instant) <= 0) {
        return plans[i];
      }
    }
    return null;
  }

  private static GuidedSubscription guide(
      UsageRecord record, RatingContext context, long epochDay) {
    if (record.subscriptionId() == null) {
      return context.holderOn(record.serviceId(), epochDay);
    }
    GuidedSubscription named = context.subscription(record.subscriptionId());
    return named != null && named.liveOn(epochDay) && named.subscription.holds(record.serviceId())
        ? named
        : null;
  }

  private static RatingOutcome unguided(UsageRecord record, RatingContext context, long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    if (record.subscriptionId() == null) {
      return new RatingOutcome.Unratable(
          RatingReasons.NO_SUBSCRIPTION,
          "serviceId",
          "no subscription of account "
              + context.account().accountId()
              + " holds "
              + record.serviceId()
              + " on "
              + date);
    }
    return new RatingOutcome.Unratable(
        RatingReasons.NO_SUBSCRIPTION,
        "subscriptionId",
        "subscription "
            + record.subscriptionId()
            + " of account "
            + context.account().accountId()
            + " does not hold "
            + record.serviceId()
            + " on "
            + date);
  }

  private static RatingOutcome noVersion(Instant usageDate) {
    return new RatingOutcome.Unratable(
        RatingReasons.NO_CATALOG_VERSION,
        "usageDate",
        "no catalog version is in effect at " + usageDate);
  }

  private static String noSuchType(VersionPlan plan) {
    return "catalog version " + plan.versionId + " has no such usage type";
  }

  private static RatingOutcome currencyNotPriced(VersionPlan plan, RatingContext context) {
    return new RatingOutcome.Unratable(
        RatingReasons.CURRENCY_NOT_PRICED,
        null,
        "catalog version "
            + plan.versionId
            + " has no prices in "
            + context.account().currency().getCurrencyCode()
            + ", the currency of account "
            + context.account().accountId());
  }
}
