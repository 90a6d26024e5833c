package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogSamples.ZONES;
import static com.telco.billing.core.catalog.CatalogSamples.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CatalogDocument.TierJson;
import com.telco.billing.core.catalog.CatalogDocument.TimeBandJson;
import com.telco.billing.core.catalog.CatalogDocument.TimeWindowJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageRateJson;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Random valid tier lists and band schedules validate, and lookups agree with them. */
class CatalogPropertiesTest {

  private static final String DATA_RATE = "productOfferings[0].prices[4].rates[0]";
  private static final String VOICE = "productOfferings[0].prices[2]";
  private static final List<String> BAND_IDS = List.of("PEAK", "OFF_PEAK", "NIGHT");
  private static final LocalDate A_MONDAY = LocalDate.parse("2026-03-02");

  // ---- tiers ----

  @Property(tries = 250)
  void contiguousTiersFromZeroValidateAndCoverEveryQuantity(
      @ForAll @Size(max = 8) List<@LongRange(min = 1, max = 1_000_000_000L) Long> widths,
      @ForAll @LongRange(min = 0, max = 20_000_000_000L) long quantity) {
    List<TierJson> tiers = new ArrayList<>();
    long from = 0;
    for (Long width : widths) {
      tiers.add(CatalogSamples.tier(from, from + width, "0.01", "0.011"));
      from += width;
    }
    tiers.add(CatalogSamples.tier(from, null, "0.002", "0.0022"));
    CatalogDocument doc = DocumentPaths.set(CatalogSamples.document(), DATA_RATE + ".tiers", tiers);

    Validated<CatalogVersion> result = CatalogValidator.validate(doc);
    assertTrue(result.isValid(), () -> result.errors().toString());
    UsageRate rate =
        result
            .value()
            .offering("MOBILE_S")
            .orElseThrow()
            .usageChargeFor("DATA")
            .orElseThrow()
            .rates()
            .get(0);
    assertTrue(rate.tierAt(quantity).contains(quantity));
    long split = rate.tiers().stream().mapToLong(t -> t.quantityWithin(0, quantity)).sum();
    assertEquals(quantity, split);
  }

  @Property(tries = 250)
  void movingOneTierBoundaryIsAGapOrAnOverlap(
      @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 2, max = 1_000_000L) Long> widths,
      @ForAll @IntRange(min = 0, max = 5) int which,
      @ForAll boolean later) {
    int index = which % widths.size() + 1; // a tier after the first
    List<TierJson> tiers = new ArrayList<>();
    long from = 0;
    for (Long width : widths) {
      tiers.add(CatalogSamples.tier(from, from + width, "1", "1"));
      from += width;
    }
    tiers.add(CatalogSamples.tier(from, null, "1", "1"));
    TierJson moved = tiers.get(index);
    long newFrom = moved.from() + (later ? 1 : -1);
    tiers.set(index, new TierJson(newFrom, moved.upTo(), moved.price()));
    CatalogDocument doc = DocumentPaths.set(CatalogSamples.document(), DATA_RATE + ".tiers", tiers);
    List<FieldError> errors = CatalogValidator.validate(doc).errors();
    assertEquals(1, errors.size(), errors::toString);
    assertEquals(later ? "tier_gap" : "tier_overlap", errors.get(0).code());
    assertEquals("$." + DATA_RATE + ".tiers[" + index + "].from", errors.get(0).field());
  }

  // ---- bands ----

  /** One day cut into segments [start, end) minutes, each with its band. */
  record Segment(int start, int end, String band) {}

  @Provide
  Arbitrary<List<List<Segment>>> weeks() {
    Arbitrary<List<Segment>> day =
        Arbitraries.integers()
            .between(1, 1439)
            .set()
            .ofMaxSize(5)
            .flatMap(
                cuts ->
                    Arbitraries.of(BAND_IDS)
                        .list()
                        .ofSize(cuts.size() + 1)
                        .map(bands -> segments(new TreeSet<>(cuts), bands)));
    return day.list().ofSize(7);
  }

  private static List<Segment> segments(TreeSet<Integer> cuts, List<String> bands) {
    List<Segment> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    for (int cut : cuts) {
      out.add(new Segment(start, cut, bands.get(i++)));
      start = cut;
    }
    out.add(new Segment(start, 1440, bands.get(i)));
    return out;
  }

  private static String hhmm(int minutes) {
    return minutes == 1440 ? "24:00" : LocalTime.ofSecondOfDay(minutes * 60L).toString();
  }

  /** The voice charge of the sample with these bands and a rate for every zone and band. */
  private static CatalogDocument withWeek(List<List<Segment>> week) {
    Map<String, List<TimeWindowJson>> windows = new LinkedHashMap<>();
    for (int d = 0; d < 7; d++) {
      String day = DayOfWeek.of(d + 1).name();
      for (Segment s : week.get(d)) {
        windows
            .computeIfAbsent(s.band(), b -> new ArrayList<>())
            .add(CatalogSamples.window(List.of(day), hhmm(s.start()), hhmm(s.end())));
      }
    }
    List<TimeBandJson> bands = new ArrayList<>();
    windows.forEach((id, w) -> bands.add(new TimeBandJson(id, w)));
    List<UsageRateJson> rates = new ArrayList<>();
    for (String zone : ZONES) {
      for (String band : windows.keySet()) {
        rates.add(CatalogSamples.rate(zone, band, flat("0.01", "0.02")));
      }
    }
    CatalogDocument doc = DocumentPaths.set(CatalogSamples.document(), VOICE + ".timeBands", bands);
    return DocumentPaths.set(doc, VOICE + ".rates", rates);
  }

  @Property(tries = 250)
  void bandsCoveringTheWeekValidateAndFindTheirBand(
      @ForAll("weeks") List<List<Segment>> week,
      @ForAll @IntRange(min = 0, max = 6) int day,
      @ForAll @IntRange(min = 0, max = 1439) int minute) {
    Validated<CatalogVersion> result = CatalogValidator.validate(withWeek(week));
    assertTrue(result.isValid(), () -> result.errors().toString());
    BandSchedule schedule =
        result
            .value()
            .offering("MOBILE_S")
            .orElseThrow()
            .usageChargeFor("VOICE")
            .orElseThrow()
            .bandSchedule();
    String expected =
        week.get(day).stream()
            .filter(s -> minute >= s.start() && minute < s.end())
            .findFirst()
            .orElseThrow()
            .band();
    LocalDateTime local = A_MONDAY.plusDays(day).atTime(LocalTime.ofSecondOfDay(minute * 60L));
    assertEquals(java.util.Optional.of(expected), schedule.bandAt(local));
  }

  @Property(tries = 250)
  void aSegmentMissingFromTheWeekIsAGap(
      @ForAll("weeks") List<List<Segment>> week,
      @ForAll @IntRange(min = 0, max = 6) int day,
      @ForAll @IntRange(min = 0, max = 5) int which) {
    List<List<Segment>> broken = new ArrayList<>(week);
    List<Segment> segments = new ArrayList<>(week.get(day));
    Segment removed = segments.remove(which % segments.size());
    broken.set(day, segments);
    List<FieldError> errors = CatalogValidator.validate(withWeek(broken)).errors();
    String gap =
        "no time band covers "
            + hhmm(removed.start())
            + "-"
            + hhmm(removed.end())
            + " on "
            + DayOfWeek.of(day + 1).name();
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.code().equals("band_gap")
                        && e.field().equals("$." + VOICE + ".timeBands")
                        && e.message().equals(gap)),
        errors::toString);
  }
}
