package com.telco.billing.core.rating;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Allowance;
import com.telco.billing.core.catalog.BandSchedule;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.CurrencyAmount;
import com.telco.billing.core.catalog.Price;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.TaxRate;
import com.telco.billing.core.catalog.TaxTable;
import com.telco.billing.core.catalog.Tier;
import com.telco.billing.core.catalog.TimeBand;
import com.telco.billing.core.catalog.TimeWindow;
import com.telco.billing.core.catalog.UnitOfMeasure;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.catalog.UsageRate;
import com.telco.billing.core.catalog.UsageType;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.Subscription;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalogs, accounts, subscriptions and records built from the domain records for rating tests; the
 * rating micro-benchmark ({@code benchmarks}) builds its workload from them too, through this
 * module's test-jar.
 */
public final class RatingFixtures {
  public static final Currency EUR = Currency.getInstance("EUR");
  static final Currency USD = Currency.getInstance("USD");
  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ServiceId MSISDN = ServiceId.msisdn("+4915100000001");
  static final ServiceId OTHER_MSISDN = ServiceId.msisdn("+4915100000002");
  static final String SUB = "SUB-1";
  static final String OFFERING = "MOBILE";
  static final LocalDate ACTIVATION = LocalDate.parse("2026-01-01");
  public static final long MIB = 1_048_576L;
  static final List<DayOfWeek> WEEKDAYS =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);
  static final List<DayOfWeek> WEEKEND = List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private RatingFixtures() {}

  // ---- catalog ----

  static Price eur(String amount) {
    return Price.of(new CurrencyAmount(EUR, new BigDecimal(amount)));
  }

  public static Tier tier(long from, Long upTo, String eur) {
    return new Tier(from, upTo, eur(eur));
  }

  static UsageRate flat(String eur) {
    return new UsageRate(null, null, List.of(tier(0, null, eur)));
  }

  /** Peak Mon-Fri 08:00-20:00, off-peak the rest of the week. */
  static BandSchedule peakOffPeak() {
    return new BandSchedule(
        List.of(
            new TimeBand(
                "PEAK", List.of(new TimeWindow(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(20, 0)))),
            new TimeBand(
                "OFF_PEAK",
                List.of(
                    new TimeWindow(WEEKDAYS, LocalTime.MIDNIGHT, LocalTime.of(8, 0)),
                    new TimeWindow(WEEKDAYS, LocalTime.of(20, 0), LocalTime.MIDNIGHT),
                    new TimeWindow(WEEKEND, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)))));
  }

  /** A usage charge without zones or bands: one rate. */
  public static UsageCharge simpleCharge(
      String id,
      String usageType,
      long increment,
      long minimum,
      long unitSize,
      long allowance,
      List<Tier> tiers) {
    return new UsageCharge(
        id,
        id,
        usageType,
        increment,
        minimum,
        unitSize,
        List.of(),
        BandSchedule.NONE,
        new Allowance(allowance),
        List.of(new UsageRate(null, null, tiers)),
        "STANDARD",
        "4100-USAGE");
  }

  /** Voice with zones NATIONAL/WORLD and peak/off-peak, 60 s minimum, per-second, per minute. */
  public static UsageCharge zonedVoice(long allowance) {
    return new UsageCharge(
        "VOICE_CHARGE",
        "Calls",
        "VOICE",
        1,
        60,
        60,
        List.of("NATIONAL", "WORLD"),
        peakOffPeak(),
        new Allowance(allowance),
        List.of(
            new UsageRate("NATIONAL", "PEAK", List.of(tier(0, null, "0.09"))),
            new UsageRate("NATIONAL", "OFF_PEAK", List.of(tier(0, null, "0.05"))),
            new UsageRate("WORLD", "PEAK", List.of(tier(0, null, "1.49"))),
            new UsageRate("WORLD", "OFF_PEAK", List.of(tier(0, null, "0.99")))),
        "STANDARD",
        "4100-VOICE");
  }

  public static ProductOffering offering(String id, UsageCharge... charges) {
    return new ProductOffering(
        id, id, null, true, List.of(), List.of(), List.of(charges), List.of());
  }

  static List<UsageType> usageTypes() {
    return List.of(
        new UsageType("VOICE", UnitOfMeasure.SECOND),
        new UsageType("SMS", UnitOfMeasure.EVENT),
        new UsageType("DATA", UnitOfMeasure.BYTE));
  }

  public static CatalogVersion version(
      String id, String effectiveFrom, ProductOffering... offerings) {
    return new CatalogVersion(
        id,
        Instant.parse(effectiveFrom),
        null,
        List.of(EUR),
        usageTypes(),
        new TaxTable(
            List.of(
                new TaxRate(
                    "DE",
                    "STANDARD",
                    new BigDecimal("0.19"),
                    LocalDate.parse("2021-01-01"),
                    null))),
        List.of(offerings));
  }

  public static Catalog catalog(CatalogVersion... versions) {
    return new Catalog(List.of(versions));
  }

  /** A one-version catalog whose offering {@link #OFFERING} has the charges. */
  static Rater raterWith(UsageCharge... charges) {
    return Rater.of(catalog(version("v1", "2025-01-01T00:00:00Z", offering(OFFERING, charges))));
  }

  // ---- account, subscriptions ----

  public static AccountProfile account(Currency currency, int cycleDay, ZoneId zone) {
    return new AccountProfile(
        "ACC-1", "Erika Mustermann", currency, cycleDay, zone, "DE", false, 14, null, "DEFAULT");
  }

  static AccountProfile account() {
    return account(EUR, 1, BERLIN);
  }

  static Subscription subscription() {
    return subscription(SUB, OFFERING, ACTIVATION, MSISDN);
  }

  static Subscription subscription(
      String id, String offering, LocalDate activation, ServiceId serviceId) {
    return Subscription.activated(
        new ActivateSubscription(id, offering, List.of(serviceId), activation));
  }

  static RatingContext context() {
    return RatingContext.of(account(), List.of(subscription()), Set.of());
  }

  // ---- records ----

  static UsageRecord record(
      String id, String usageType, String instant, String quantity, UsageUnit unit) {
    return record(id, usageType, instant, quantity, unit, Map.of());
  }

  static UsageRecord record(
      String id,
      String usageType,
      String instant,
      String quantity,
      UsageUnit unit,
      Map<String, String> attributes) {
    return new UsageRecord(
        id,
        "MSC-1",
        MSISDN,
        usageType,
        Instant.parse(instant),
        new BigDecimal(quantity),
        unit,
        attributes,
        null);
  }

  static UsageRecord voice(String id, String instant, String seconds, String zone) {
    return record(id, "VOICE", instant, seconds, UsageUnit.SECOND, Map.of("zone", zone));
  }

  /** Rates the records in order from zero counters. */
  static RatingBatch rateAll(Rater rater, RatingContext context, UsageRecord... records) {
    return rater.rateAll(Map.of(), List.of(records), context);
  }

  static List<RatedUsage> ratedOf(RatingBatch batch) {
    List<RatedUsage> rated = new ArrayList<>();
    for (RatingOutcome o : batch.outcomes()) {
      if (!(o instanceof RatingOutcome.Rated r)) {
        throw new AssertionError("expected Rated, got " + o);
      }
      rated.add(r.usage());
    }
    return rated;
  }

  static RatedUsage rated(RatingOutcome outcome) {
    if (outcome instanceof RatingOutcome.Rated r) {
      return r.usage();
    }
    throw new AssertionError("expected Rated, got " + outcome);
  }
}
