package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogSamples.GIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.money.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Band, rate and tier lookups of the sample's usage charges, at their boundaries. */
class PricingLookupTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");
  private static final ProductOffering MOBILE_S =
      CatalogSamples.version().offering("MOBILE_S").orElseThrow();
  private static final UsageCharge VOICE = MOBILE_S.usageChargeFor("VOICE").orElseThrow();
  private static final UsageCharge SMS = MOBILE_S.usageChargeFor("SMS").orElseThrow();
  private static final UsageCharge DATA = MOBILE_S.usageChargeFor("DATA").orElseThrow();

  // 2026-03-02 is a Monday, 2026-03-06 a Friday, 2026-03-07 a Saturday
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "2026-03-02T00:00, OFF_PEAK",
    "2026-03-02T07:59:59.999, OFF_PEAK",
    "2026-03-02T07:59:59.999999999, OFF_PEAK",
    "2026-03-02T08:00, PEAK",
    "2026-03-02T12:00, PEAK",
    "2026-03-02T19:59:59, PEAK",
    "2026-03-02T19:59:59.999999999, PEAK",
    "2026-03-02T20:00, OFF_PEAK",
    "2026-03-02T23:59:59.999999999, OFF_PEAK",
    "2026-03-06T19:59:59, PEAK",
    "2026-03-06T20:00, OFF_PEAK",
    "2026-03-07T00:00, OFF_PEAK",
    "2026-03-07T08:00, OFF_PEAK",
    "2026-03-07T12:00, OFF_PEAK",
    "2026-03-08T19:59:59, OFF_PEAK",
    "2026-03-09T08:00, PEAK"
  })
  void theBandOfALocalDateTime(String local, String band) {
    assertEquals(Optional.of(band), VOICE.bandSchedule().bandAt(LocalDateTime.parse(local)));
  }

  @Test
  void aChargeWithoutBandsHasNoBand() {
    assertEquals(
        Optional.empty(), SMS.bandSchedule().bandAt(LocalDateTime.parse("2026-03-02T12:00")));
  }

  @ParameterizedTest(name = "{0} {1} at {2}: {3} EUR")
  @CsvSource({
    "VOICE, NATIONAL, 2026-03-02T08:00, 0.09",
    "VOICE, NATIONAL, 2026-03-02T07:59:59, 0.05",
    "VOICE, EU, 2026-03-06T19:59:59, 0.09",
    "VOICE, WORLD, 2026-03-07T12:00, 0.99",
    "VOICE, WORLD, 2026-03-06T12:00, 1.49",
    "SMS, WORLD, 2026-03-02T12:00, 0.29",
    "SMS, NATIONAL, 2026-03-07T03:00, 0.09",
    "DATA, ROAMING_ANYWHERE, 2026-03-02T12:00, 0.01",
    "DATA, , 2026-03-02T12:00, 0.01"
  })
  void theRateSelectedByZoneAndTime(String usageType, String zone, String local, String eur) {
    UsageCharge charge = MOBILE_S.usageChargeFor(usageType).orElseThrow();
    UsageRate rate = charge.rateAt(zone, LocalDateTime.parse(local)).orElseThrow();
    assertEquals(Optional.of(Money.of(eur, "EUR")), rate.unitPriceAt(0, EUR));
  }

  @Test
  void anUndeclaredZoneOrBandFindsNoRate() {
    assertEquals(Optional.empty(), VOICE.rateFor("MARS", "PEAK"));
    assertEquals(Optional.empty(), VOICE.rateFor("NATIONAL", "NIGHT"));
    assertEquals(Optional.empty(), VOICE.rateFor(null, "PEAK"));
    assertEquals(Optional.empty(), VOICE.rateFor("NATIONAL", null));
    assertEquals(Optional.empty(), SMS.rateFor("MARS", null));
    assertTrue(SMS.rateFor("EU", "ANY_BAND").isPresent());
  }

  @Test
  void priceForCombinesZoneBandCurrencyAndTier() {
    assertEquals(
        Optional.of(Money.of("1.65", "USD")), VOICE.priceFor("WORLD", "PEAK", USD, 1_000_000));
    assertEquals(Optional.empty(), VOICE.priceFor("WORLD", "PEAK", Currency.getInstance("JPY"), 0));
    assertEquals(Optional.empty(), VOICE.priceFor("MARS", "PEAK", EUR, 0));
  }

  @ParameterizedTest(name = "{0} bytes cost {1} EUR per MiB")
  @CsvSource({
    "0, 0.01",
    "1, 0.01",
    "1073741823, 0.01",
    "1073741824, 0.005",
    "5368709119, 0.005",
    "5368709120, 0.002",
    "9223372036854775807, 0.002"
  })
  void theTierOfACumulativeQuantity(long quantity, String eur) {
    assertEquals(Optional.of(Money.of(eur, "EUR")), DATA.priceFor(null, null, EUR, quantity));
  }

  @Test
  void aNegativeQuantityHasNoTier() {
    UsageRate rate = DATA.rates().get(0);
    assertThrows(IllegalArgumentException.class, () -> rate.tierAt(-1));
  }

  @Test
  void aRangeIsSplitAcrossTiers() {
    List<Tier> tiers = DATA.rates().get(0).tiers();
    long start = GIB - 100;
    long end = 5 * GIB + 50;
    assertEquals(100, tiers.get(0).quantityWithin(start, end));
    assertEquals(4 * GIB, tiers.get(1).quantityWithin(start, end));
    assertEquals(50, tiers.get(2).quantityWithin(start, end));
    assertEquals(0, tiers.get(2).quantityWithin(0, GIB));
    assertEquals(0, tiers.get(0).quantityWithin(GIB, GIB));
    assertTrue(tiers.get(2).unbounded());
    assertTrue(tiers.get(1).contains(GIB));
    assertTrue(!tiers.get(0).contains(GIB));
    assertThrows(IllegalArgumentException.class, () -> tiers.get(0).quantityWithin(2, 1));
  }

  @Test
  void domainRecordsKeepTheirInvariants() {
    Price p = Price.of(new CurrencyAmount(Currency.getInstance("EUR"), BigDecimal.ONE));
    assertThrows(IllegalArgumentException.class, () -> new Tier(5, 5L, p));
    assertThrows(IllegalArgumentException.class, () -> new Tier(-1, null, p));
    assertThrows(
        IllegalArgumentException.class,
        () -> new UsageRate(null, null, List.of(new Tier(0, 10L, p))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new UsageRate(null, null, List.of(new Tier(0, 10L, p), new Tier(11, null, p))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CurrencyAmount(Currency.getInstance("EUR"), new BigDecimal("-0.01")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Price.of(
                new CurrencyAmount(Currency.getInstance("EUR"), BigDecimal.ONE),
                new CurrencyAmount(Currency.getInstance("EUR"), BigDecimal.TEN)));
    TimeWindow allMonday =
        new TimeWindow(List.of(DayOfWeek.MONDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    assertTrue(allMonday.covers(LocalDateTime.parse("2026-03-02T23:59:59.999999999")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BandSchedule(List.of(new TimeBand("MON", List.of(allMonday)))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TimeWindow(List.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.of(8, 0)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TaxTable(
                List.of(
                    new TaxRate("DE", "S", BigDecimal.ONE, java.time.LocalDate.EPOCH, null),
                    new TaxRate(
                        "DE", "S", BigDecimal.ONE, java.time.LocalDate.EPOCH.plusDays(9), null))));
  }
}
