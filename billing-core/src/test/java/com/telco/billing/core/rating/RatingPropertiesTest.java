package com.telco.billing.core.rating;

import static com.telco.billing.core.rating.RatingFixtures.BERLIN;
import static com.telco.billing.core.rating.RatingFixtures.EUR;
import static com.telco.billing.core.rating.RatingFixtures.MIB;
import static com.telco.billing.core.rating.RatingFixtures.MSISDN;
import static com.telco.billing.core.rating.RatingFixtures.OFFERING;
import static com.telco.billing.core.rating.RatingFixtures.OTHER_MSISDN;
import static com.telco.billing.core.rating.RatingFixtures.account;
import static com.telco.billing.core.rating.RatingFixtures.raterWith;
import static com.telco.billing.core.rating.RatingFixtures.simpleCharge;
import static com.telco.billing.core.rating.RatingFixtures.subscription;
import static com.telco.billing.core.rating.RatingFixtures.tier;
import static com.telco.billing.core.rating.RatingFixtures.zonedVoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CurrencyAmount;
import com.telco.billing.core.catalog.Price;
import com.telco.billing.core.catalog.Tier;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.subscription.ServiceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of rating over random streams of records and random tariffs. */
class RatingPropertiesTest {

  private static final Instant START = Instant.parse("2026-01-20T00:00:00Z");
  private static final long VOICE_ALLOWANCE = 600;
  private static final long SMS_ALLOWANCE = 5;
  private static final long DATA_ALLOWANCE = MIB;
  private static final Map<String, Long> ALLOWANCES =
      Map.of("VOICE", VOICE_ALLOWANCE, "SMS", SMS_ALLOWANCE, "DATA", DATA_ALLOWANCE);

  private static final Rater RATER =
      raterWith(
          zonedVoice(VOICE_ALLOWANCE),
          simpleCharge(
              "SMS_C",
              "SMS",
              1,
              0,
              1,
              SMS_ALLOWANCE,
              List.of(tier(0, 20L, "0.10"), tier(20, 50L, "0.07"), tier(50, null, "0.05"))),
          simpleCharge(
              "DATA_C",
              "DATA",
              1024,
              0,
              MIB,
              DATA_ALLOWANCE,
              List.of(tier(0, 5 * MIB, "0.30"), tier(5 * MIB, null, "0.123456789"))));

  private static final RatingContext CONTEXT =
      RatingContext.of(
          account(EUR, 15, BERLIN),
          List.of(
              subscription("SUB-1", OFFERING, LocalDate.parse("2026-01-01"), MSISDN),
              subscription("SUB-2", OFFERING, LocalDate.parse("2026-02-10"), OTHER_MSISDN)),
          Set.of(LocalDate.parse("2026-01-15")));

  // ---- streams of records ----

  @Provide
  Arbitrary<List<UsageRecord>> records() {
    Arbitrary<String> type = Arbitraries.of("VOICE", "VOICE", "SMS", "DATA", "MMS");
    Arbitrary<Long> offset =
        Arbitraries.longs().between(0, 90L * 86_400).withDistribution(RandomDistribution.uniform());
    Arbitrary<BigDecimal> quantity =
        Combinators.combine(
                Arbitraries.longs()
                    .between(0, 3_000_000)
                    .withDistribution(RandomDistribution.biased()),
                Arbitraries.integers().between(0, 3))
            .as(BigDecimal::valueOf);
    Arbitrary<ServiceId> service = Arbitraries.of(MSISDN, MSISDN, OTHER_MSISDN);
    Arbitrary<String> zone = Arbitraries.of("NATIONAL", "WORLD", "WORLD", "MARS");
    return Combinators.combine(type, offset, quantity, service, zone)
        .as(
            (t, o, q, s, z) ->
                new UsageRecord(
                    "id",
                    "MSC-1",
                    s,
                    t,
                    START.plusSeconds(o),
                    q,
                    t.equals("VOICE")
                        ? UsageUnit.SECOND
                        : t.equals("DATA") ? UsageUnit.BYTE : UsageUnit.EVENT,
                    Map.of("zone", z),
                    null))
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = 300)
  void ratingInAnyBatchSizesGivesTheSameOutcomesCountersAndTotals(
      @ForAll("records") List<UsageRecord> records,
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 17) Integer> batchSizes) {
    RatingBatch whole = RATER.rateAll(Map.of(), records, CONTEXT);

    Map<CounterKey, UsageCounters> counters = Map.of();
    List<RatingOutcome> outcomes = new ArrayList<>();
    int from = 0;
    for (int b = 0; from < records.size(); b++) {
      int to = Math.min(records.size(), from + batchSizes.get(b % batchSizes.size()));
      RatingBatch batch = RATER.rateAll(counters, records.subList(from, to), CONTEXT);
      outcomes.addAll(batch.outcomes());
      counters = batch.counters();
      from = to;
    }

    Map<CounterKey, UsageCounters> oneByOne = new HashMap<>();
    List<RatingOutcome> single = new ArrayList<>();
    for (UsageRecord r : records) {
      RatingOutcome o = RATER.rate(oneByOne::get, r, CONTEXT);
      if (o instanceof RatingOutcome.Rated rated) {
        oneByOne.put(rated.key(), rated.counters());
      }
      single.add(o);
    }

    assertEquals(whole.outcomes(), outcomes);
    assertEquals(whole.counters(), counters);
    assertEquals(whole.outcomes(), single);
    assertEquals(whole.counters(), oneByOne);
    assertEquals(totals(whole.outcomes()), totals(outcomes));
  }

  @Property(tries = 300)
  void allowanceUsedIsNeverNegativeNorAboveTheAllowance(
      @ForAll("records") List<UsageRecord> records) {
    RatingBatch batch = RATER.rateAll(Map.of(), records, CONTEXT);

    Map<CounterKey, long[]> sums = new HashMap<>();
    for (RatingOutcome o : batch.outcomes()) {
      if (o instanceof RatingOutcome.Rated rated) {
        RatedUsage u = rated.usage();
        long allowance = ALLOWANCES.get(u.usageType());
        assertTrue(u.allowanceUsed() >= 0 && u.allowanceUsed() <= u.roundedQuantity(), u::toString);
        assertTrue(u.chargeableQuantity() >= 0, u::toString);
        assertTrue(rated.counters().allowanceUsed() <= allowance, rated::toString);
        long[] s = sums.computeIfAbsent(u.counterKey(), k -> new long[3]);
        s[0] += u.roundedQuantity();
        s[1] += u.allowanceUsed();
        s[2] += u.chargeableQuantity();
        assertEquals(new UsageCounters(s[0], s[1], s[2]), rated.counters());
      }
    }
    sums.forEach(
        (key, s) -> {
          assertEquals(Math.min(ALLOWANCES.get(key.usageType()), s[0]), s[1], key::toString);
          assertEquals(new UsageCounters(s[0], s[1], s[2]), batch.counters().get(key));
        });
  }

  @Property(tries = 300)
  void lateIsExactlyTheInvoicedPeriod(@ForAll("records") List<UsageRecord> records) {
    for (RatingOutcome o : RATER.rateAll(Map.of(), records, CONTEXT).outcomes()) {
      if (o instanceof RatingOutcome.Rated rated) {
        RatedUsage u = rated.usage();
        assertEquals(u.periodStart().equals(LocalDate.parse("2026-01-15")), u.late());
        LocalDate local = LocalDate.ofInstant(u.usageDate(), BERLIN);
        assertTrue(
            !local.isBefore(u.periodStart()) && local.isBefore(u.periodStart().plusMonths(1)));
        assertEquals(15, u.periodStart().getDayOfMonth());
      }
    }
  }

  // ---- random tariffs ----

  @Provide
  Arbitrary<List<Tier>> tiers() {
    return tiersWith(
        Arbitraries.oneOf(
            Combinators.combine(
                    Arbitraries.longs().between(0, 10_000_000),
                    Arbitraries.integers().between(0, 8))
                .as(BigDecimal::valueOf),
            Combinators.combine(
                    Arbitraries.longs().between(0, Long.MAX_VALUE / 4),
                    Arbitraries.integers().between(0, 26))
                .as(BigDecimal::valueOf)));
  }

  /** Tiers whose prices have at most 6 decimals: with unitSize 1 no amount is ever rounded. */
  @Provide
  Arbitrary<List<Tier>> exactTiers() {
    return tiersWith(
        Combinators.combine(
                Arbitraries.longs().between(0, 100_000_000), Arbitraries.integers().between(0, 6))
            .as(BigDecimal::valueOf));
  }

  private static Arbitrary<List<Tier>> tiersWith(Arbitrary<BigDecimal> price) {
    return Combinators.combine(
            Arbitraries.longs().between(1, 5_000).list().ofMaxSize(5), price.list().ofSize(6))
        .as(
            (widths, prices) -> {
              List<Tier> tiers = new ArrayList<>();
              long from = 0;
              for (int i = 0; i < widths.size(); i++) {
                tiers.add(new Tier(from, from + widths.get(i), eur(prices.get(i))));
                from += widths.get(i);
              }
              tiers.add(new Tier(from, null, eur(prices.get(widths.size()))));
              return tiers;
            });
  }

  @Property(tries = 500)
  void amountIsTheSumOverTiersOfUnitsTimesPriceRecomputedIndependently(
      @ForAll("tiers") List<Tier> tiers,
      @ForAll @LongRange(min = 1, max = 2_000_000) long unitSize,
      @ForAll @LongRange(min = 1, max = 2_000) long increment,
      @ForAll @LongRange(min = 0, max = 500) long minimum,
      @ForAll @LongRange(min = 0, max = 3_000) long allowance,
      @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 100_000) Long> quantities) {
    UsageCharge charge = simpleCharge("C", "SMS", increment, minimum, unitSize, allowance, tiers);
    Rater rater = raterWith(charge);
    RatingContext context = RatingFixtures.context();
    Map<CounterKey, UsageCounters> counters = new HashMap<>();

    long allowanceLeft = allowance;
    long cumulative = 0;
    BigDecimal sumOfAmounts = BigDecimal.ZERO;
    for (long q : quantities) {
      UsageRecord record =
          RatingFixtures.record(
              "r", "SMS", "2026-02-10T10:00:00Z", Long.toString(q), UsageUnit.EVENT);
      RatingOutcome outcome = rater.rate(counters::get, record, context);
      RatedUsage u = RatingFixtures.rated(outcome);
      counters.put(u.counterKey(), ((RatingOutcome.Rated) outcome).counters());

      long rounded =
          Math.max(
              minimum,
              BigDecimal.valueOf(q)
                      .divide(BigDecimal.valueOf(increment), 0, RoundingMode.CEILING)
                      .longValueExact()
                  * increment);
      long fromAllowance = Math.min(rounded, allowanceLeft);
      allowanceLeft -= fromAllowance;
      long chargeable = rounded - fromAllowance;
      BigDecimal expected = price(tiers, cumulative, cumulative + chargeable, unitSize);
      cumulative += chargeable;

      assertEquals(rounded, u.roundedQuantity());
      assertEquals(fromAllowance, u.allowanceUsed());
      assertEquals(chargeable, u.chargeableQuantity());
      assertEquals(expected, u.amount().amount(), "scale and value");
      sumOfAmounts = sumOfAmounts.add(u.amount().amount());
    }
    // rounding each record at scale 6 moves the total by at most half a unit of 10^-6 per record
    BigDecimal atOnce = price(tiers, 0, cumulative, unitSize);
    BigDecimal bound = new BigDecimal("0.0000005").multiply(BigDecimal.valueOf(quantities.size()));
    assertTrue(
        sumOfAmounts.subtract(atOnce).abs().compareTo(bound) <= 0, sumOfAmounts + " vs " + atOnce);
  }

  @Property(tries = 500)
  void tierBoundariesAreExactSplittingAnywhereKeepsTheAmount(
      @ForAll("exactTiers") List<Tier> tiers,
      @ForAll @LongRange(min = 0, max = 20_000) long start,
      @ForAll @LongRange(min = 0, max = 20_000) long quantity,
      @ForAll @LongRange(min = 0, max = 20_000) long split) {
    Rater rater = raterWith(simpleCharge("C", "SMS", 1, 0, 1, 0, tiers));
    UsageCounters before = new UsageCounters(start, 0, start);
    BigDecimal whole = amountOf(rater, before, quantity);

    List<Long> splits = new ArrayList<>(List.of(Math.min(split, quantity)));
    for (Tier t : tiers) {
      if (t.upTo() != null && t.upTo() > start && t.upTo() < start + quantity) {
        splits.add(t.upTo() - start);
      }
    }
    for (long first : splits) {
      BigDecimal a = amountOf(rater, before, first);
      BigDecimal b =
          amountOf(rater, new UsageCounters(start + first, 0, start + first), quantity - first);
      assertEquals(0, whole.compareTo(a.add(b)), "split at " + first + ": " + a + " + " + b);
    }
    assertEquals(0, whole.compareTo(price(tiers, start, start + quantity, 1)));
  }

  // ---- helpers ----

  private static BigDecimal amountOf(Rater rater, UsageCounters before, long quantity) {
    UsageRecord record =
        RatingFixtures.record(
            "r", "SMS", "2026-02-10T10:00:00Z", Long.toString(quantity), UsageUnit.EVENT);
    return RatingFixtures.rated(rater.rate(k -> before, record, RatingFixtures.context()))
        .amount()
        .amount();
  }

  /**
   * docs/billing-rules.md, "Rating a usage record", step 5 straight from the catalog's tiers, with
   * BigDecimal only: {@code sum of (q_t / unitSize) * p_t}, computed exactly as {@code (sum of q_t
   * * p_t) / unitSize} and rounded once HALF_UP at scale 6.
   */
  private static BigDecimal price(List<Tier> tiers, long start, long end, long unitSize) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Tier t : tiers) {
      BigDecimal inTier = BigDecimal.valueOf(t.quantityWithin(start, end));
      sum = sum.add(inTier.multiply(t.price().amountIn(EUR).orElseThrow().amount()));
    }
    return sum.divide(BigDecimal.valueOf(unitSize), 6, RoundingMode.HALF_UP);
  }

  private static Price eur(BigDecimal amount) {
    return Price.of(new CurrencyAmount(EUR, amount));
  }

  private static Map<CounterKey, BigDecimal> totals(List<RatingOutcome> outcomes) {
    Map<CounterKey, BigDecimal> totals = new HashMap<>();
    for (RatingOutcome o : outcomes) {
      if (o instanceof RatingOutcome.Rated rated) {
        totals.merge(rated.usage().counterKey(), rated.usage().amount().amount(), BigDecimal::add);
      }
    }
    return totals;
  }
}
