package com.telco.billing.core.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The precomputed offset table answers exactly what {@code ZoneRules.getOffset} answers. */
class ZoneOffsetsTest {

  private static final List<String> ZONES =
      List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(ZONES);
  }

  @Property(tries = 3000)
  void agreesWithZoneRules(
      @ForAll("zones") String zone,
      @ForAll @LongRange(min = -2_000_000_000L, max = 5_000_000_000L) long epochSecond) {
    ZoneId id = ZoneId.of(zone);
    Instant instant = Instant.ofEpochSecond(epochSecond);
    assertEquals(
        id.getRules().getOffset(instant).getTotalSeconds(),
        ZoneOffsets.of(id).offsetSecondsAt(instant),
        () -> zone + " at " + instant);
  }

  @Test
  void agreesAroundEveryBerlinTransitionOf2026() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    for (String at :
        List.of(
            "2026-03-29T00:59:59Z",
            "2026-03-29T01:00:00Z",
            "2026-10-25T00:59:59Z",
            "2026-10-25T01:00:00Z")) {
      Instant instant = Instant.parse(at);
      assertEquals(
          berlin.getRules().getOffset(instant).getTotalSeconds(),
          ZoneOffsets.of(berlin).offsetSecondsAt(instant),
          at);
    }
  }

  @Test
  void agreesAroundEveryTransitionOfEveryZone() {
    for (String zone : ZONES) {
      ZoneId id = ZoneId.of(zone);
      id.getRules()
          .getTransitions()
          .forEach(
              t -> {
                for (long delta : new long[] {-1, 0, 1}) {
                  Instant instant = t.getInstant().plusSeconds(delta);
                  assertEquals(
                      id.getRules().getOffset(instant).getTotalSeconds(),
                      ZoneOffsets.of(id).offsetSecondsAt(instant),
                      () -> zone + " at " + instant);
                }
              });
      for (int year = 2020; year <= 2100; year += 7) {
        for (var rule : id.getRules().getTransitionRules()) {
          Instant at = rule.createTransition(year).getInstant();
          for (long delta : new long[] {-1, 0, 1}) {
            Instant instant = at.plusSeconds(delta);
            assertEquals(
                id.getRules().getOffset(instant).getTotalSeconds(),
                ZoneOffsets.of(id).offsetSecondsAt(instant),
                () -> zone + " at " + instant);
          }
        }
      }
    }
  }
}
