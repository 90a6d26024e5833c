package com.telco.billing.core.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/billing-rules.md, "Periods and time": periods {@code [cycle date k, cycle date k+1)}. */
class BillPeriodsTest {

  @ParameterizedTest(name = "{0}, cycle day {1} -> [{2}, {3})")
  @CsvSource({
    "2026-03-15, 15, 2026-03-15, 2026-04-15",
    "2026-03-14, 15, 2026-02-15, 2026-03-15",
    "2026-01-01, 1,  2026-01-01, 2026-02-01",
    "2026-01-31, 1,  2026-01-01, 2026-02-01",
    "2026-01-05, 28, 2025-12-28, 2026-01-28",
    "2026-02-28, 28, 2026-02-28, 2026-03-28",
    "2028-02-29, 28, 2028-02-28, 2028-03-28",
  })
  void periodOnADate(String date, int cycleDay, String start, String end) {
    BillPeriod period = BillPeriods.periodOn(LocalDate.parse(date), cycleDay);
    assertEquals(new BillPeriod(LocalDate.parse(start), LocalDate.parse(end)), period);
    assertEquals(
        LocalDate.parse(start), BillPeriods.periodStartOn(LocalDate.parse(date), cycleDay));
  }

  @ParameterizedTest(name = "{0} in {1}, cycle day {2} -> {3}")
  @CsvSource({
    "2026-03-14T22:59:59Z, Europe/Berlin,       15, 2026-02-15",
    "2026-03-14T23:00:00Z, Europe/Berlin,       15, 2026-03-15",
    "2026-03-31T22:00:00Z, Europe/Berlin,       1,  2026-04-01",
    "2026-03-31T21:59:59Z, Europe/Berlin,       1,  2026-03-01",
    "2026-04-01T03:59:59Z, America/New_York,    1,  2026-03-01",
    "2026-04-01T04:00:00Z, America/New_York,    1,  2026-04-01",
    "2018-11-04T03:00:00Z, America/Sao_Paulo,   4,  2018-11-04",
    "2018-11-04T02:59:59Z, America/Sao_Paulo,   4,  2018-10-04",
    "2026-03-01T00:00:00Z, UTC,                 1,  2026-03-01",
  })
  void periodOfAnInstantIsReadInTheZone(String instant, String zone, int cycleDay, String start) {
    BillPeriod period = BillPeriods.periodAt(Instant.parse(instant), cycleDay, ZoneId.of(zone));
    assertEquals(LocalDate.parse(start), period.start());
  }

  @Test
  void periodInstantsAndDays() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    BillPeriod march = BillPeriods.periodStartingOn(LocalDate.parse("2026-03-01"), 1);
    assertEquals(Instant.parse("2026-02-28T23:00:00Z"), march.startInstant(berlin));
    assertEquals(Instant.parse("2026-03-31T22:00:00Z"), march.endInstant(berlin));
    assertEquals(31, march.days());
    assertEquals(LocalDate.parse("2026-04-01"), march.next().start());
    assertEquals(LocalDate.parse("2026-02-01"), march.previous().start());
    assertEquals(28, march.previous().days());
    assertThrows(
        IllegalArgumentException.class,
        () -> BillPeriods.periodStartingOn(LocalDate.parse("2026-03-02"), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> BillPeriods.periodOn(LocalDate.parse("2026-03-02"), 29));
  }

  @Property(tries = 500)
  void everyInstantIsInExactlyThePeriodThatContainsIt(
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long epochSecond,
      @ForAll @IntRange(min = 1, max = 28) int cycleDay,
      @ForAll("zones") String zone) {
    ZoneId z = ZoneId.of(zone);
    Instant instant = Instant.ofEpochSecond(epochSecond);
    BillPeriod period = BillPeriods.periodAt(instant, cycleDay, z);

    assertEquals(cycleDay, period.start().getDayOfMonth());
    assertEquals(period.start().plusMonths(1), period.end());
    assertTrue(!instant.isBefore(period.startInstant(z)), () -> period + " " + instant);
    assertTrue(instant.isBefore(period.endInstant(z)), () -> period + " " + instant);
    assertEquals(period, BillPeriods.periodAt(period.startInstant(z), cycleDay, z));
    assertEquals(period.next(), BillPeriods.periodAt(period.endInstant(z), cycleDay, z));
  }

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(
        "UTC",
        "Europe/Berlin",
        "America/New_York",
        "America/Sao_Paulo",
        "Pacific/Apia",
        "Australia/Lord_Howe",
        "Asia/Kathmandu");
  }
}
