package com.telco.billing.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.core.account.AccountProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/billing-rules.md, "Periods and time": lifecycle dates start at 00:00 in the account's zone.
 */
class LifecycleDatesTest {

  @ParameterizedTest(name = "{1} in {0} starts at {2}")
  @CsvSource({
    "UTC,                2026-02-28, 2026-02-28T00:00:00Z",
    "Europe/Berlin,      2026-02-28, 2026-02-27T23:00:00Z",
    "Europe/Berlin,      2026-07-01, 2026-06-30T22:00:00Z",
    // summer time starts on 2026-03-29 at 02:00: that day still starts at +01:00
    "Europe/Berlin,      2026-03-29, 2026-03-28T23:00:00Z",
    "Europe/Berlin,      2026-03-30, 2026-03-29T22:00:00Z",
    // summer time ends on 2026-10-25 at 03:00: that day still starts at +02:00
    "Europe/Berlin,      2026-10-25, 2026-10-24T22:00:00Z",
    "Europe/Berlin,      2026-10-26, 2026-10-25T23:00:00Z",
    "America/New_York,   2026-03-08, 2026-03-08T05:00:00Z",
    "Asia/Kolkata,       2026-01-01, 2025-12-31T18:30:00Z",
    "Pacific/Kiritimati, 2026-01-01, 2025-12-31T10:00:00Z",
    // summer time started at midnight: 2018-11-04 has no 00:00 and starts at 01:00 (-02:00)
    "America/Sao_Paulo,  2018-11-04, 2018-11-04T03:00:00Z",
    "America/Sao_Paulo,  2018-11-03, 2018-11-03T03:00:00Z",
  })
  void aDateStartsAtTheFirstValidLocalTimeOfTheDayInTheZone(
      ZoneId zone, LocalDate date, Instant start) {
    assertEquals(start, LifecycleDates.startOfDay(date, zone));
    assertEquals(date, LifecycleDates.dateAt(start, zone));
    assertEquals(date.minusDays(1), LifecycleDates.dateAt(start.minusNanos(1), zone));
  }

  @Test
  void daysAroundDaylightSavingChangesAreShorterOrLonger() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    LocalDate spring = LocalDate.parse("2026-03-29");
    LocalDate autumn = LocalDate.parse("2026-10-25");
    assertEquals(
        Duration.ofHours(23),
        Duration.between(
            LifecycleDates.startOfDay(spring, berlin),
            LifecycleDates.startOfDay(spring.plusDays(1), berlin)));
    assertEquals(
        Duration.ofHours(25),
        Duration.between(
            LifecycleDates.startOfDay(autumn, berlin),
            LifecycleDates.startOfDay(autumn.plusDays(1), berlin)));
  }

  @Test
  void theAccountsZoneIsUsed() {
    AccountProfile account =
        new AccountProfile(
            "acc-1",
            "Jane Doe",
            Currency.getInstance("EUR"),
            1,
            ZoneId.of("Europe/Berlin"),
            "DE",
            false,
            14,
            null,
            "DEFAULT");
    assertEquals(
        Instant.parse("2026-02-27T23:00:00Z"),
        LifecycleDates.startOfDay(LocalDate.parse("2026-02-28"), account));
  }
}
