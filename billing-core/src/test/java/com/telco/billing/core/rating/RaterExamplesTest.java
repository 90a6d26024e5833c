package com.telco.billing.core.rating;

import static com.telco.billing.core.rating.RatingFixtures.ACTIVATION;
import static com.telco.billing.core.rating.RatingFixtures.BERLIN;
import static com.telco.billing.core.rating.RatingFixtures.EUR;
import static com.telco.billing.core.rating.RatingFixtures.MIB;
import static com.telco.billing.core.rating.RatingFixtures.MSISDN;
import static com.telco.billing.core.rating.RatingFixtures.OFFERING;
import static com.telco.billing.core.rating.RatingFixtures.SUB;
import static com.telco.billing.core.rating.RatingFixtures.account;
import static com.telco.billing.core.rating.RatingFixtures.catalog;
import static com.telco.billing.core.rating.RatingFixtures.context;
import static com.telco.billing.core.rating.RatingFixtures.offering;
import static com.telco.billing.core.rating.RatingFixtures.rateAll;
import static com.telco.billing.core.rating.RatingFixtures.rated;
import static com.telco.billing.core.rating.RatingFixtures.ratedOf;
import static com.telco.billing.core.rating.RatingFixtures.raterWith;
import static com.telco.billing.core.rating.RatingFixtures.record;
import static com.telco.billing.core.rating.RatingFixtures.simpleCharge;
import static com.telco.billing.core.rating.RatingFixtures.subscription;
import static com.telco.billing.core.rating.RatingFixtures.tier;
import static com.telco.billing.core.rating.RatingFixtures.version;
import static com.telco.billing.core.rating.RatingFixtures.voice;
import static com.telco.billing.core.rating.RatingFixtures.zonedVoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.UnitOfMeasure;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Example tables computed by hand from docs/billing-rules.md, "Rating a usage record". */
class RaterExamplesTest {

  private static final String FEB = "2026-02-10T10:00:00Z";

  /** Steps 2 and 5 on one record: rounding, then price per unit size, HALF_UP at scale 6. */
  @ParameterizedTest(name = "inc {0} min {1} per {2} at {3}: {4} {5} -> r {6}, {7}")
  @CsvSource({
    // voice: per-second after a 60 s minimum, priced per 60 s
    "1,    60, 60,      0.09,     61,    s,     61,      0.091500",
    "1,    60, 60,      0.09,     30,    s,     60,      0.090000",
    "1,    60, 60,      0.09,     0,     s,     60,      0.090000",
    "1,    60, 60,      0.09,     60.2,  s,     61,      0.091500",
    "1,    60, 60,      0.09,     2,     min,   120,     0.180000",
    "1,    60, 60,      0.09,     61500, ms,    62,      0.093000",
    "1,    0,  60,      0.09,     7,     s,     7,       0.010500",
    "1,    0,  60,      0.10,     1,     s,     1,       0.001667",
    "60,   0,  60,      0.09,     61,    s,     120,     0.180000",
    "60,   0,  60,      0.09,     60,    s,     60,      0.090000",
    "30,   60, 60,      0.09,     61,    s,     90,      0.135000",
    // data: increment 1024 bytes, priced per MiB
    "1024, 0,  1048576, 2.00,     1500,  B,     2048,    0.003906",
    "1024, 0,  1048576, 0.01,     1500,  B,     2048,    0.000020",
    "1024, 0,  1048576, 2.00,     1024,  B,     1024,    0.001953",
    "1024, 0,  1048576, 2.00,     1025,  B,     2048,    0.003906",
    "1024, 0,  1048576, 2.00,     1.5,   kB,    2048,    0.003906",
    "1024, 0,  1048576, 2.00,     1,     MiB,   1048576, 2.000000",
    "1024, 0,  1048576, 2.00,     0,     B,     0,       0.000000",
    // events; a tie at the 7th decimal rounds up (HALF_UP, not HALF_EVEN)
    "1,    0,  1,       0.10,     3,     event, 3,       0.300000",
    "1,    0,  2,       0.000001, 1,     event, 1,       0.000001",
    "1,    0,  2,       0.000001, 5,     event, 5,       0.000003",
  })
  void roundsAndPricesOneRecord(
      long increment,
      long minimum,
      long unitSize,
      String price,
      String quantity,
      String unit,
      long rounded,
      String amount) {
    UsageUnit u = UsageUnit.parse(unit).orElseThrow();
    String type =
        u.base() == UnitOfMeasure.SECOND
            ? "VOICE"
            : u.base() == UnitOfMeasure.BYTE ? "DATA" : "SMS";
    Rater rater =
        raterWith(
            simpleCharge(
                "C", type, increment, minimum, unitSize, 0, List.of(tier(0, null, price))));

    RatedUsage usage =
        rated(rater.rate(k -> null, record("r1", type, FEB, quantity, u), context()));

    assertEquals(rounded, usage.roundedQuantity());
    assertEquals(0, usage.allowanceUsed());
    assertEquals(rounded, usage.chargeableQuantity());
    assertEquals(new BigDecimal(amount), usage.amount().amount(), "scale 6 exactly");
    assertEquals(EUR, usage.amount().currency());
  }

  /** Step 4: the allowance is consumed first, in arrival order, and may split a record. */
  @ParameterizedTest(name = "allowance {0}, minimum {1}: {2}")
  @CsvSource({
    // allowance, minimum, quantities, allowance used, chargeable, amounts (0.09 per 60 s)
    "100, 0,  50 80 10,    50 50 0,   0 30 10,   0.000000 0.045000 0.015000",
    "100, 60, 30 50 1,     60 40 0,   0 20 60,   0.000000 0.030000 0.090000",
    "100, 0,  100 1,       100 0,     0 1,       0.000000 0.001500",
    "100, 0,  250,         100,       150,       0.225000",
    "0,   0,  50,          0,         50,        0.075000",
  })
  void consumesTheAllowanceFirst(
      long allowance,
      long minimum,
      String quantities,
      String allowanceUsed,
      String chargeable,
      String amounts) {
    Rater rater =
        raterWith(
            simpleCharge("C", "VOICE", 1, minimum, 60, allowance, List.of(tier(0, null, "0.09"))));
    String[] q = quantities.split(" ");
    List<UsageRecord> records = new ArrayList<>();
    for (int i = 0; i < q.length; i++) {
      records.add(record("r" + i, "VOICE", FEB, q[i], UsageUnit.SECOND));
    }

    RatingBatch batch = rater.rateAll(Map.of(), records, context());
    List<RatedUsage> rated = ratedOf(batch);

    assertEquals(longs(allowanceUsed), rated.stream().map(RatedUsage::allowanceUsed).toList());
    assertEquals(longs(chargeable), rated.stream().map(RatedUsage::chargeableQuantity).toList());
    assertEquals(
        Arrays.stream(amounts.split(" ")).map(BigDecimal::new).toList(),
        rated.stream().map(r -> r.amount().amount()).toList());
    UsageCounters counters =
        batch.counters().get(new CounterKey(SUB, "VOICE", LocalDate.parse("2026-02-01")));
    long totalRounded = rated.stream().mapToLong(RatedUsage::roundedQuantity).sum();
    assertEquals(totalRounded, counters.roundedQuantity());
    assertEquals(Math.min(allowance, totalRounded), counters.allowanceUsed());
    assertEquals(totalRounded - counters.allowanceUsed(), counters.chargeableQuantity());
  }

  /** Step 5: graduated tiers on the cumulative chargeable quantity, boundaries exact. */
  @ParameterizedTest(name = "cumulative {0} + {1} events -> {2}")
  @CsvSource({
    "0,   1,   0.100000",
    "99,  1,   0.100000", // ends exactly at the edge: all in the first tier
    "100, 1,   0.050000", // starts exactly at the edge: all in the second tier
    "98,  4,   0.300000", // 2 x 0.10 + 2 x 0.05
    "0,   100, 10.000000",
    "0,   101, 10.050000",
    "150, 10,  0.500000",
    "50,  200, 10.500000", // three tiers: 50 x 0.10 + 100 x 0.05 + 50 x 0.01
    "199, 2,   0.060000", // 1 x 0.05 + 1 x 0.01
  })
  void gradesThroughTiers(long cumulative, long quantity, String amount) {
    Rater rater =
        raterWith(
            simpleCharge(
                "SMS_C",
                "SMS",
                1,
                0,
                1,
                0,
                List.of(tier(0, 100L, "0.10"), tier(100, 200L, "0.05"), tier(200, null, "0.01"))));
    UsageCounters before = new UsageCounters(cumulative, 0, cumulative);

    RatedUsage usage =
        rated(
            rater.rate(
                k -> before,
                record("r1", "SMS", FEB, Long.toString(quantity), UsageUnit.EVENT),
                context()));

    assertEquals(new BigDecimal(amount), usage.amount().amount());
  }

  @Test
  void tierBoundaryInBytesSplitsTheRecordExactlyBeforeRounding() {
    long gib = 1024 * MIB;
    Rater rater =
        raterWith(
            simpleCharge(
                "DATA_C",
                "DATA",
                1024,
                0,
                MIB,
                0,
                List.of(tier(0, gib, "2.00"), tier(gib, null, "1.00"))));
    UsageCounters before = new UsageCounters(gib - 1024, 0, gib - 1024);

    RatedUsage usage =
        rated(
            rater.rate(k -> before, record("r1", "DATA", FEB, "2048", UsageUnit.BYTE), context()));

    // 1024 B at 2.00/MiB + 1024 B at 1.00/MiB = 0.001953125 + 0.0009765625, rounded once
    assertEquals(new BigDecimal("0.002930"), usage.amount().amount());
  }

  /** Step 3: peak Mon-Fri 08:00-20:00 in Europe/Berlin, on both sides of both DST changes. */
  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource({
    "2026-03-27T06:59:59Z, FRIDAY 07:59:59 CET,     OFF_PEAK, 0.050000",
    "2026-03-27T07:00:00Z, FRIDAY 08:00 CET,        PEAK,     0.090000",
    "2026-03-27T18:59:59Z, FRIDAY 19:59:59 CET,     PEAK,     0.090000",
    "2026-03-27T19:00:00Z, FRIDAY 20:00 CET,        OFF_PEAK, 0.050000",
    "2026-03-29T01:30:00Z, SUNDAY 03:30 CEST,       OFF_PEAK, 0.050000",
    "2026-03-30T05:59:59Z, MONDAY 07:59:59 CEST,    OFF_PEAK, 0.050000",
    "2026-03-30T06:00:00Z, MONDAY 08:00 CEST,       PEAK,     0.090000",
    "2026-10-23T05:59:59Z, FRIDAY 07:59:59 CEST,    OFF_PEAK, 0.050000",
    "2026-10-23T06:00:00Z, FRIDAY 08:00 CEST,       PEAK,     0.090000",
    "2026-10-26T06:59:59Z, MONDAY 07:59:59 CET,     OFF_PEAK, 0.050000",
    "2026-10-26T07:00:00Z, MONDAY 08:00 CET,        PEAK,     0.090000",
    "2026-10-26T06:00:00Z, MONDAY 07:00 CET,        OFF_PEAK, 0.050000",
  })
  void selectsTheTimeBandInTheAccountsZone(
      String instant, String local, String band, String amount) {
    Rater rater = raterWith(zonedVoice(0));
    LocalDateTime berlin = LocalDateTime.ofInstant(Instant.parse(instant), BERLIN);
    assertEquals(DayOfWeek.valueOf(local.split(" ")[0]), berlin.getDayOfWeek(), "table check");

    RatedUsage usage =
        rated(rater.rate(k -> null, voice("r1", instant, "60", "NATIONAL"), context()));

    assertEquals(band, usage.band());
    assertEquals("NATIONAL", usage.zone());
    assertEquals(new BigDecimal(amount), usage.amount().amount());
  }

  @Test
  void selectsThePriceByZone() {
    Rater rater = raterWith(zonedVoice(0));
    RatedUsage world =
        rated(rater.rate(k -> null, voice("r1", "2026-03-27T07:00:00Z", "90", "WORLD"), context()));
    assertEquals("WORLD", world.zone());
    assertEquals(new BigDecimal("2.235000"), world.amount().amount()); // 90/60 x 1.49
  }

  @Test
  void aChargeWithoutZonesIgnoresTheRecordsZone() {
    Rater rater = raterWith(simpleCharge("C", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.10"))));
    RatedUsage usage =
        rated(
            rater.rate(
                k -> null,
                record("r1", "SMS", FEB, "1", UsageUnit.EVENT, Map.of("zone", "MARS")),
                context()));
    assertNull(usage.zone());
    assertNull(usage.band());
  }

  /** "Catalog": the version in effect at usageDate, to the nanosecond. */
  @Test
  void usesTheCatalogVersionInEffectAtTheUsageDate() {
    Rater rater =
        Rater.of(
            catalog(
                version(
                    "v1",
                    "2025-01-01T00:00:00Z",
                    offering(
                        OFFERING,
                        simpleCharge("SMS_V1", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.10"))))),
                version(
                    "v2",
                    "2026-03-01T00:00:00Z",
                    offering(
                        OFFERING,
                        simpleCharge(
                            "SMS_V2", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.20")))))));

    List<RatedUsage> rated =
        ratedOf(
            rateAll(
                rater,
                context(),
                record("r1", "SMS", "2026-02-28T23:59:59.999999999Z", "1", UsageUnit.EVENT),
                record("r2", "SMS", "2026-03-01T00:00:00Z", "1", UsageUnit.EVENT)));

    assertEquals(List.of("v1", "v2"), rated.stream().map(RatedUsage::catalogVersion).toList());
    assertEquals(List.of("SMS_V1", "SMS_V2"), rated.stream().map(RatedUsage::chargeId).toList());
    assertEquals(new BigDecimal("0.100000"), rated.get(0).amount().amount());
    assertEquals(new BigDecimal("0.200000"), rated.get(1).amount().amount());
    // both are on 1 March in Berlin: one period, so the tiers' counter carries over
    assertEquals(LocalDate.parse("2026-03-01"), rated.get(0).periodStart());
    assertEquals(LocalDate.parse("2026-03-01"), rated.get(1).periodStart());
  }

  /** "Records that are refused or held": late records are rated in their own period. */
  @Test
  void marksRecordsOfAnInvoicedPeriodLateAndRatesThemAgainstThatPeriod() {
    Rater rater =
        raterWith(simpleCharge("C", "VOICE", 1, 0, 60, 100, List.of(tier(0, null, "0.09"))));
    RatingContext context =
        RatingContext.of(account(), List.of(subscription()), Set.of(LocalDate.parse("2026-02-01")));

    List<RatedUsage> rated =
        ratedOf(
            rateAll(
                rater,
                context,
                record("march", "VOICE", "2026-03-05T10:00:00Z", "80", UsageUnit.SECOND),
                record("feb", "VOICE", "2026-02-15T10:00:00Z", "80", UsageUnit.SECOND),
                record("march2", "VOICE", "2026-03-06T10:00:00Z", "80", UsageUnit.SECOND)));

    assertFalse(rated.get(0).late());
    assertTrue(rated.get(1).late());
    assertEquals(LocalDate.parse("2026-02-01"), rated.get(1).periodStart());
    assertEquals(80, rated.get(1).allowanceUsed(), "February's own allowance");
    assertEquals(20, rated.get(2).allowanceUsed(), "March's allowance is what March left");
    assertFalse(rated.get(2).late());
  }

  /** "Periods and time": the period of a usage date is read in the account's zone. */
  @ParameterizedTest(name = "{0}, cycle day {1} -> {2}")
  @CsvSource({
    "2026-03-14T22:59:59Z, 15, 2026-02-15", // 23:59:59 on the 14th in Berlin
    "2026-03-14T23:00:00Z, 15, 2026-03-15", // 00:00 on the 15th in Berlin
    "2026-03-15T00:30:00Z, 15, 2026-03-15",
    "2026-02-28T23:30:00Z, 1,  2026-03-01",
    "2026-02-28T22:59:59Z, 1,  2026-02-01",
    "2026-12-31T23:00:00Z, 1,  2027-01-01",
    "2026-01-10T12:00:00Z, 28, 2025-12-28",
  })
  void assignsTheBillPeriodInTheAccountsZone(String instant, int cycleDay, String periodStart) {
    Rater rater = raterWith(simpleCharge("C", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.10"))));
    RatingContext context =
        RatingContext.of(
            account(EUR, cycleDay, BERLIN),
            List.of(subscription(SUB, OFFERING, LocalDate.parse("2025-01-01"), MSISDN)),
            Set.of());

    RatedUsage usage =
        rated(rater.rate(k -> null, record("r1", "SMS", instant, "1", UsageUnit.EVENT), context));

    assertEquals(LocalDate.parse(periodStart), usage.periodStart());
  }

  /**
   * Decision: a plan change inside a period keeps the period's counters; the new charge's allowance
   * is reduced by what the period already used (never below zero).
   */
  @Test
  void aPlanChangeInsideAPeriodKeepsThePeriodsCounters() {
    UsageCharge small = simpleCharge("S_SMS", "SMS", 1, 0, 1, 10, List.of(tier(0, null, "0.10")));
    UsageCharge medium = simpleCharge("M_SMS", "SMS", 1, 0, 1, 5, List.of(tier(0, null, "0.05")));
    Rater rater =
        Rater.of(
            catalog(
                version(
                    "v1", "2025-01-01T00:00:00Z", offering("S", small), offering("M", medium))));
    Subscription sub =
        subscription(SUB, "S", ACTIVATION, MSISDN)
            .withChange(new SubscriptionChange.ChangeOffering("M", LocalDate.parse("2026-03-10")));
    RatingContext context = RatingContext.of(account(), List.of(sub), Set.of());

    List<RatedUsage> rated =
        ratedOf(
            rateAll(
                rater,
                context,
                record("r1", "SMS", "2026-03-05T10:00:00Z", "8", UsageUnit.EVENT),
                record("r2", "SMS", "2026-03-12T10:00:00Z", "4", UsageUnit.EVENT)));

    assertEquals("S", rated.get(0).offeringId());
    assertEquals(8, rated.get(0).allowanceUsed());
    assertEquals("M", rated.get(1).offeringId());
    assertEquals(0, rated.get(1).allowanceUsed(), "M's 5 are already used up by 8");
    assertEquals(new BigDecimal("0.200000"), rated.get(1).amount().amount());
  }

  /** Decision: usage while suspended is rated like any other (the rules do not refuse it). */
  @Test
  void ratesUsageWhileSuspended() {
    Rater rater = raterWith(simpleCharge("C", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.10"))));
    Subscription suspended =
        subscription().withChange(new SubscriptionChange.Suspend(LocalDate.parse("2026-02-01")));
    RatingContext context = RatingContext.of(account(), List.of(suspended), Set.of());

    RatedUsage usage =
        rated(rater.rate(k -> null, record("r1", "SMS", FEB, "1", UsageUnit.EVENT), context));

    assertEquals(Money.of("0.100000", "EUR"), usage.amount());
  }

  /** Step 1: guiding by the local usage date, including a recycled number. */
  @Test
  void guidesToTheSubscriptionHoldingTheServiceOnTheUsageDate() {
    Rater rater = raterWith(simpleCharge("C", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.10"))));
    Subscription old =
        subscription("OLD", OFFERING, ACTIVATION, MSISDN)
            .withChange(new SubscriptionChange.Terminate(LocalDate.parse("2026-03-01")));
    Subscription recycled = subscription("NEW", OFFERING, LocalDate.parse("2026-03-01"), MSISDN);
    RatingContext context = RatingContext.of(account(), List.of(old, recycled), Set.of());

    List<RatedUsage> rated =
        ratedOf(
            rateAll(
                rater,
                context,
                // 23:59:59 on 28 February in Berlin
                record("r1", "SMS", "2026-02-28T22:59:59Z", "1", UsageUnit.EVENT),
                // 00:00 on 1 March in Berlin
                record("r2", "SMS", "2026-02-28T23:00:00Z", "1", UsageUnit.EVENT)));

    assertEquals(List.of("OLD", "NEW"), rated.stream().map(RatedUsage::subscriptionId).toList());
  }

  @Test
  void aRecordNamingItsSubscriptionIsRatedAgainstIt() {
    Rater rater = raterWith(simpleCharge("C", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.10"))));
    UsageRecord named =
        new UsageRecord(
            "r1",
            "MSC-1",
            MSISDN,
            "SMS",
            Instant.parse(FEB),
            BigDecimal.ONE,
            UsageUnit.EVENT,
            Map.of(),
            SUB);

    RatedUsage usage = rated(rater.rate(k -> null, named, context()));

    assertEquals(SUB, usage.subscriptionId());
    assertEquals("r1", usage.recordId());
    assertEquals("MSC-1", usage.source());
    assertEquals(new CounterKey(SUB, "SMS", LocalDate.parse("2026-02-01")), usage.counterKey());
  }

  @Test
  void ratedCountersAreTheCountersBeforePlusTheRecord() {
    Rater rater =
        raterWith(simpleCharge("C", "VOICE", 1, 60, 60, 100, List.of(tier(0, null, "0.09"))));
    UsageCounters before = new UsageCounters(70, 70, 0);

    RatingOutcome.Rated outcome =
        (RatingOutcome.Rated)
            rater.rate(k -> before, record("r1", "VOICE", FEB, "45", UsageUnit.SECOND), context());

    assertEquals(new UsageCounters(130, 100, 30), outcome.counters());
    assertEquals(outcome.usage().counterKey(), outcome.key());
    assertEquals(outcome.counters(), before.plus(outcome.usage()));
  }

  private static List<Long> longs(String values) {
    return Arrays.stream(values.split(" ")).map(Long::valueOf).toList();
  }
}
