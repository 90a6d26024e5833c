package com.telco.billing.core.rating;

import static com.telco.billing.core.rating.RatingFixtures.WEEKDAYS;
import static com.telco.billing.core.rating.RatingFixtures.WEEKEND;
import static com.telco.billing.core.rating.RatingFixtures.peakOffPeak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.core.catalog.BandSchedule;
import com.telco.billing.core.catalog.TimeBand;
import com.telco.billing.core.catalog.TimeWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The compiled look-ups of the hot path answer what the catalog's own look-ups answer, and the
 * record and context types keep their contracts.
 */
class CompiledLookupsTest {

  /** Three bands with second-precise edges on weekdays, one band at weekends. */
  private static final BandSchedule FINE =
      new BandSchedule(
          List.of(
              new TimeBand(
                  "NIGHT",
                  List.of(
                      new TimeWindow(WEEKDAYS, LocalTime.MIDNIGHT, LocalTime.of(6, 30, 30)),
                      new TimeWindow(WEEKDAYS, LocalTime.of(22, 0), LocalTime.MIDNIGHT))),
              new TimeBand(
                  "DAY",
                  List.of(new TimeWindow(WEEKDAYS, LocalTime.of(6, 30, 30), LocalTime.of(18, 0)))),
              new TimeBand(
                  "EVENING",
                  List.of(new TimeWindow(WEEKDAYS, LocalTime.of(18, 0), LocalTime.of(22, 0)))),
              new TimeBand(
                  "WEEKEND",
                  List.of(new TimeWindow(WEEKEND, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)))));

  @Property(tries = 2000)
  void bandLookupAgreesWithTheSchedule(
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.UTC);
    int dayIndex = local.getDayOfWeek().getValue() - 1;
    long nanoOfDay = local.toLocalTime().toNanoOfDay();
    for (BandSchedule schedule : List.of(FINE, peakOffPeak())) {
      int band = new BandLookup(schedule).bandAt(dayIndex, nanoOfDay);
      assertEquals(
          schedule.bandAt(local).orElseThrow(), schedule.bandIds().get(band), local::toString);
    }
  }

  @Test
  void bandLookupAtTheEdges() {
    BandLookup lookup = new BandLookup(FINE);
    List<String> ids = FINE.bandIds();
    long edge = LocalTime.of(6, 30, 30).toNanoOfDay();
    assertEquals("NIGHT", ids.get(lookup.bandAt(0, edge - 1)));
    assertEquals("DAY", ids.get(lookup.bandAt(0, edge)));
    assertEquals("NIGHT", ids.get(lookup.bandAt(4, 86_400_000_000_000L - 1)));
    assertEquals("WEEKEND", ids.get(lookup.bandAt(5, 0)));
  }

  @Test
  void rateAllLeavesItsInputCountersAlone() {
    Rater rater =
        RatingFixtures.raterWith(
            RatingFixtures.simpleCharge(
                "C", "SMS", 1, 0, 1, 0, List.of(RatingFixtures.tier(0, null, "0.10"))));
    Map<CounterKey, UsageCounters> input = new HashMap<>();
    RatingBatch batch =
        rater.rateAll(
            input,
            List.of(
                RatingFixtures.record("r", "SMS", "2026-02-10T10:00:00Z", "1", UsageUnit.EVENT)),
            RatingFixtures.context());
    assertEquals(Map.of(), input);
    assertEquals(1, batch.counters().size());
  }

  @Test
  void aContextRefusesDuplicateSubscriptionIds() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RatingContext.of(
                RatingFixtures.account(),
                List.of(RatingFixtures.subscription(), RatingFixtures.subscription()),
                Set.of()));
  }

  @Test
  void recordsCompareQuantitiesNumerically() {
    UsageRecord a =
        RatingFixtures.record("r", "SMS", "2026-02-10T10:00:00Z", "1.50", UsageUnit.EVENT);
    UsageRecord b =
        RatingFixtures.record("r", "SMS", "2026-02-10T10:00:00Z", "1.5", UsageUnit.EVENT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new UsageRecord(
                "r",
                "s",
                RatingFixtures.MSISDN,
                "SMS",
                Instant.EPOCH,
                new BigDecimal("-1"),
                UsageUnit.EVENT,
                null,
                null));
  }
}
