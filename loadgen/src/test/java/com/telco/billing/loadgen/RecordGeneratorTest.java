package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.billing.loadgen.RecordGenerator.Generated;
import com.telco.billing.loadgen.RecordGenerator.Kind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordGeneratorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant LATEST = Instant.parse("2026-11-25T23:00:00Z");
  private static final Instant EARLIEST = Instant.parse("2026-11-22T23:00:00Z");
  private static final int N = 100_000;

  private static RecordGenerator generator(double duplicateRate, double badRate) {
    return new RecordGenerator(
        new RecordGenerator.Settings("run1", 500, duplicateRate, badRate, EARLIEST, LATEST, 7));
  }

  @Test
  void theMixIsSixtyTwentyFiveFifteenWithTheZoneSplit() {
    RecordGenerator g = generator(0, 0);
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    Map<String, Integer> zones = new HashMap<>();
    int voice = 0;
    for (int i = 0; i < N; i++) {
      Generated r = g.next();
      kinds.merge(r.kind(), 1, Integer::sum);
      if (r.kind() == Kind.VOICE) {
        voice++;
        zones.merge(r.zone(), 1, Integer::sum);
      }
    }
    assertShare(0.60, kinds.get(Kind.VOICE), N);
    assertShare(0.25, kinds.get(Kind.SMS), N);
    assertShare(0.15, kinds.get(Kind.DATA), N);
    assertShare(0.80, zones.get("NATIONAL"), voice);
    assertShare(0.15, zones.get("EU"), voice);
    assertShare(0.05, zones.get("WORLD"), voice);
  }

  @Test
  void recordsAreValidJsonWithinTheRangesAndTheWindowAndBothBandsOccur() throws Exception {
    RecordGenerator g = generator(0, 0);
    boolean peak = false;
    boolean offPeak = false;
    for (int i = 0; i < 20_000; i++) {
      Generated r = g.next();
      JsonNode json = MAPPER.readTree(r.json());
      assertEquals(r.id(), json.get("id").asText());
      assertEquals(RecordGenerator.msisdn(r.account()), json.get("serviceId").asText());
      assertTrue(r.account() >= 1 && r.account() <= 500);
      Instant date = Instant.parse(json.get("usageDate").asText());
      assertFalse(date.isBefore(EARLIEST) || date.isAfter(LATEST), r.json());
      long q = json.get("quantity").asLong();
      switch (r.kind()) {
        case VOICE -> {
          assertTrue(q >= 1 && q <= 600, r.json());
          assertEquals("s", json.get("unit").asText());
          int hour = date.atZone(ZoneOffset.UTC).getHour();
          peak |= hour >= 8 && hour < 20;
          offPeak |= hour < 8 || hour >= 20;
        }
        case SMS -> assertEquals(1, q);
        case DATA -> {
          assertTrue(q >= 1024 && q <= 50L * 1024 * 1024, r.json());
          assertEquals("B", json.get("unit").asText());
        }
        default -> throw new AssertionError(r.kind());
      }
    }
    assertTrue(peak && offPeak, "both time bands");
  }

  @Test
  void idsAreUniqueExceptPlannedDuplicatesWhichRepeatAnEarlierRecordExactly() {
    RecordGenerator g = generator(0.05, 0.02);
    Map<String, String> seen = new HashMap<>();
    int duplicates = 0;
    for (int i = 0; i < N; i++) {
      Generated r = g.next();
      String earlier = seen.putIfAbsent(r.id(), r.json());
      if (r.kind() == Kind.DUPLICATE) {
        duplicates++;
        assertEquals(earlier, r.json(), "a duplicate repeats its original");
      } else {
        assertEquals(null, earlier, "a new record has a new id: " + r.id());
        assertEquals("run1-" + r.seq(), r.id());
      }
    }
    assertShare(0.05, duplicates, N);
    assertEquals(N - duplicates, g.nextSeq());
  }

  @Test
  void badRecordsComeAtTheirRateAndAreNegativeOrOfAnUnknownType() throws Exception {
    RecordGenerator g = generator(0.01, 0.03);
    int bad = 0;
    Set<Kind> badKinds = new HashSet<>();
    for (int i = 0; i < N; i++) {
      Generated r = g.next();
      if (r.kind().isBad()) {
        bad++;
        badKinds.add(r.kind());
        JsonNode json = MAPPER.readTree(r.json());
        if (r.kind() == Kind.BAD_NEGATIVE_QUANTITY) {
          assertTrue(json.get("quantity").asLong() < 0);
        } else {
          assertFalse(Set.of("VOICE", "SMS", "DATA").contains(json.get("usageType").asText()));
        }
      }
    }
    assertShare(0.03, bad, N);
    assertEquals(Set.of(Kind.BAD_NEGATIVE_QUANTITY, Kind.BAD_UNKNOWN_USAGE_TYPE), badKinds);
  }

  @Test
  void msisdnsHaveSevenDigitsAfterThePrefix() {
    assertEquals("+491700000001", RecordGenerator.msisdn(1));
    assertEquals("+491709999999", RecordGenerator.msisdn(9_999_999));
  }

  @Test
  void theUsageWindowStaysInTheCurrentMonth() {
    Instant now = Instant.parse("2026-12-01T05:00:00Z");
    Instant[] window = LoadGen.usageWindow(now, java.time.Duration.ofHours(72));
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), window[0]);
    assertEquals(Instant.parse("2026-12-01T04:59:00Z"), window[1]);
    Instant[] mid = LoadGen.usageWindow(LATEST, java.time.Duration.ofHours(72));
    assertEquals(LATEST.minusSeconds(72 * 3600), mid[0]);
  }

  private static void assertShare(double expected, Integer count, int total) {
    double share = (count == null ? 0 : count) / (double) total;
    assertEquals(expected, share, 0.01, "share " + share + " instead of " + expected);
  }
}
