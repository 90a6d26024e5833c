package com.telco.billing.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CatalogDocument.TimeWindowJson;
import com.telco.billing.core.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code samples/catalog.json}: it binds strictly to the document records and validates. */
class SampleCatalogTest {

  private static final Path SAMPLE = Path.of("..", "samples", "catalog.json");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");

  private static String sampleJson() throws IOException {
    return Files.readString(SAMPLE, StandardCharsets.UTF_8);
  }

  @Test
  void theJsonSampleBindsToTheDocumentRecordsAndIsTheJavaSample() throws IOException {
    CatalogDocument fromJson = StrictJson.read(sampleJson(), CatalogDocument.class);
    assertEquals(CatalogSamples.document(), fromJson);
  }

  @Test
  void theJsonSampleValidates() throws IOException {
    CatalogDocument fromJson = StrictJson.read(sampleJson(), CatalogDocument.class);
    var result = CatalogValidator.validate(fromJson);
    assertTrue(result.isValid(), () -> result.errors().toString());
    assertEquals(CatalogSamples.version(), result.value());
  }

  @Test
  void theExampleOfTheDocsValidates() throws IOException {
    String markdown = Files.readString(Path.of("..", "docs", "catalog.md"), StandardCharsets.UTF_8);
    int start = markdown.indexOf("```json\n") + "```json\n".length();
    String json = markdown.substring(start, markdown.indexOf("```", start));
    var result = CatalogValidator.validate(StrictJson.read(json, CatalogDocument.class));
    assertTrue(result.isValid(), () -> result.errors().toString());
    assertEquals(
        "MOBILE_S_MONTHLY",
        result.value().productOfferings().get(0).discounts().get(0).appliesTo());
  }

  @Test
  void theStrictBinderRejectsUnknownFields() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StrictJson.read(
                    "{\"version\": \"v\", \"productOffering\": []}", CatalogDocument.class));
    assertTrue(e.getMessage().contains("$.productOffering"), e.getMessage());
  }

  @Test
  void theSampleHasWhatTheIssueAsksFor() {
    CatalogVersion v = CatalogSamples.version();
    assertEquals("2026-01", v.version());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), v.effectiveFrom());
    assertEquals(List.of(EUR, USD), v.currencies());
    assertEquals(
        List.of(
            new UsageType("VOICE", UnitOfMeasure.SECOND),
            new UsageType("SMS", UnitOfMeasure.EVENT),
            new UsageType("DATA", UnitOfMeasure.BYTE)),
        v.usageTypes());

    ProductOffering s = v.offering("MOBILE_S").orElseThrow();
    assertFalse(s.chargeWhileSuspended());
    RecurringCharge monthly = s.recurringCharges().get(0);
    assertEquals(ChargePeriod.MONTH, monthly.period());
    assertEquals(Optional.of(Money.of("9.99", "EUR")), monthly.price().amountIn(EUR));
    assertEquals(Optional.of(Money.of("10.99", "USD")), monthly.price().amountIn(USD));
    assertEquals(Optional.empty(), monthly.price().amountIn(Currency.getInstance("JPY")));
    assertEquals(
        List.of("MOBILE_S_ACTIVATION"),
        s.oneTimeChargesOn(OneTimeTrigger.ACTIVATION).stream().map(OneTimeCharge::id).toList());

    UsageCharge voice = s.usageChargeFor("VOICE").orElseThrow();
    assertEquals(1, voice.increment());
    assertEquals(60, voice.minimum());
    assertEquals(60, voice.unitSize());
    assertEquals(new Allowance(6000), voice.allowance());
    assertEquals(List.of("NATIONAL", "EU", "WORLD"), voice.zones());
    assertEquals(List.of("PEAK", "OFF_PEAK"), voice.bandSchedule().bandIds());
    assertEquals(6, voice.rates().size());

    UsageCharge data = s.usageChargeFor("DATA").orElseThrow();
    assertEquals(1024, data.increment());
    assertEquals(1_048_576, data.unitSize());
    assertEquals(3, data.rates().get(0).tiers().size());
    assertEquals(BandSchedule.NONE, data.bandSchedule());
    assertEquals(Allowance.NONE, data.allowance());

    Discount welcome = s.discounts().get(0);
    assertEquals(0, new BigDecimal("0.5").compareTo(welcome.fraction()));
    assertTrue(welcome.appliesInPeriod(1));
    assertTrue(welcome.appliesInPeriod(2));
    assertFalse(welcome.appliesInPeriod(3));
    assertFalse(welcome.appliesInPeriod(0));
    assertEquals(List.of(welcome), s.discountsOn("MOBILE_S_MONTHLY"));
  }

  @Test
  void defaultsApply() {
    CatalogVersion v = CatalogSamples.version();
    ProductOffering m = v.offering("MOBILE_M").orElseThrow();
    Discount loyalty = m.discounts().get(0);
    assertEquals("MOBILE_M_MONTHLY", loyalty.appliesTo());
    assertEquals("4000-SUBSCRIPTIONS", loyalty.glCode());
    assertEquals(ChargePeriod.MONTH, m.recurringCharges().get(0).period());
    assertEquals(0, m.usageChargeFor("DATA").orElseThrow().minimum());
    assertEquals(Optional.empty(), m.usageChargeFor("SMS"));
    ProductOffering press = v.offering("PRESS_PLUS").orElseThrow();
    assertTrue(press.chargeWhileSuspended());
    assertEquals(List.of(), press.discounts());
    assertEquals(null, press.description());
  }

  @Test
  void theTaxTableHasTheGermanRatesWithTheirDates() {
    TaxTable taxes = CatalogSamples.version().taxTable();
    assertRate(taxes, "DE", "STANDARD", "2020-06-30", "0.19");
    assertRate(taxes, "DE", "STANDARD", "2020-07-01", "0.16");
    assertRate(taxes, "DE", "STANDARD", "2020-12-31", "0.16");
    assertRate(taxes, "DE", "STANDARD", "2021-01-01", "0.19");
    assertRate(taxes, "DE", "REDUCED", "2020-07-01", "0.05");
    assertRate(taxes, "DE", "REDUCED", "2026-03-01", "0.07");
    assertRate(taxes, "AT", "STANDARD", "2026-03-01", "0.20");
    assertEquals(Optional.empty(), taxes.rateFor("DE", "STANDARD", LocalDate.parse("2006-12-31")));
    assertEquals(Optional.empty(), taxes.rateFor("FR", "STANDARD", LocalDate.parse("2026-03-01")));
    assertEquals(java.util.Set.of("STANDARD", "REDUCED"), taxes.categories());
  }

  private static void assertRate(
      TaxTable taxes, String jurisdiction, String category, String date, String expected) {
    BigDecimal rate =
        taxes.rateFor(jurisdiction, category, LocalDate.parse(date)).orElseThrow().rate();
    assertEquals(0, new BigDecimal(expected).compareTo(rate), date + ": " + rate);
  }

  @Test
  void validatingTwiceGivesEqualVersions() {
    assertEquals(CatalogSamples.version(), CatalogSamples.version());
    assertEquals(CatalogSamples.version().hashCode(), CatalogSamples.version().hashCode());
  }

  @Test
  void equalityOfPricesIsNumeric() {
    CatalogDocument rescaled =
        DocumentPaths.set(
            CatalogSamples.document(),
            "productOfferings[0].prices[0].price.EUR",
            new BigDecimal("9.9900"));
    CatalogVersion v = CatalogValidator.validate(rescaled).value();
    assertEquals(CatalogSamples.version(), v);
    assertEquals(CatalogSamples.version().hashCode(), v.hashCode());
    CatalogDocument changed =
        DocumentPaths.set(
            CatalogSamples.document(),
            "productOfferings[0].prices[0].price.EUR",
            new BigDecimal("9.98"));
    assertNotEquals(CatalogSamples.version(), CatalogValidator.validate(changed).value());
    assertEquals(
        new TaxRate("DE", "X", new BigDecimal("0.19"), LocalDate.EPOCH, null),
        new TaxRate("DE", "X", new BigDecimal("0.190"), LocalDate.EPOCH, null));
    assertEquals(
        new Discount("D", "n", new BigDecimal("50"), 2, "R", "G"),
        new Discount("D", "n", new BigDecimal("50.00"), 2, "R", "G"));
  }

  @Test
  void theJavaSampleKeepsItsWindowShape() {
    TimeWindowJson peak =
        CatalogSamples.document()
            .productOfferings()
            .get(0)
            .prices()
            .get(2)
            .timeBands()
            .get(0)
            .windows()
            .get(0);
    assertEquals(CatalogSamples.WEEKDAYS, peak.days());
  }
}
