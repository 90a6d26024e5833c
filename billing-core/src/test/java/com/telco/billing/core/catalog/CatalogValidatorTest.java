package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogSamples.GIB;
import static com.telco.billing.core.catalog.CatalogSamples.WEEKDAYS;
import static com.telco.billing.core.catalog.CatalogSamples.amounts;
import static com.telco.billing.core.catalog.CatalogSamples.document;
import static com.telco.billing.core.catalog.CatalogSamples.recurring;
import static com.telco.billing.core.catalog.CatalogSamples.window;
import static com.telco.billing.core.catalog.DocumentPaths.REMOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CatalogDocument.DiscountJson;
import com.telco.billing.core.catalog.CatalogDocument.TaxRateJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageTypeJson;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error kind of {@link CatalogValidator#validate}, each on the otherwise valid sample, with
 * its code and JSON path; then many problems reported together.
 */
class CatalogValidatorTest {

  // sample paths (see CatalogSamples / samples/catalog.json)
  private static final String S = "productOfferings[0]";
  private static final String S_MONTHLY = S + ".prices[0]";
  private static final String S_ACTIVATION = S + ".prices[1]";
  private static final String S_VOICE = S + ".prices[2]";
  private static final String S_SMS = S + ".prices[3]";
  private static final String S_DATA = S + ".prices[4]";
  private static final String M = "productOfferings[1]";
  private static final String DATA_TIERS = S_DATA + ".rates[0].tiers";
  private static final String BANDS = S_VOICE + ".timeBands";

  /** The sample with one value replaced at {@code path} (relative to {@code $.}). */
  private static CatalogDocument with(String path, Object value) {
    return DocumentPaths.set(document(), path, value);
  }

  private static List<String> errors(CatalogDocument doc) {
    Validated<CatalogVersion> result = CatalogValidator.validate(doc);
    assertFalse(result.isValid(), "expected errors");
    return result.errors().stream().map(e -> e.code() + " @ " + e.field()).toList();
  }

  /** Exactly one error, with this code at {@code $.path}. */
  private static void assertOnly(CatalogDocument doc, String code, String path) {
    assertEquals(List.of(code + " @ $." + path), errors(doc));
  }

  private static void assertOnly(String code, String path, Object value) {
    assertOnly(with(path, value), code, path);
  }

  @Test
  void theSampleIsValid() {
    Validated<CatalogVersion> result = CatalogValidator.validate(document());
    assertTrue(result.isValid(), () -> result.errors().toString());
  }

  // ---- required, ids, formats ----

  @Test
  void aMissingDocumentIsRequired() {
    assertEquals(List.of("required @ $"), errors(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version",
        "effectiveFrom",
        "currencies",
        "taxRates",
        "productOfferings",
        "usageTypes[0].id",
        "usageTypes[0].unitOfMeasure",
        "taxRates[0].jurisdiction",
        "taxRates[0].rate",
        "taxRates[0].validFrom",
        S + ".id",
        S + ".name",
        S + ".prices",
        S_MONTHLY + ".id",
        S_MONTHLY + ".name",
        S_MONTHLY + ".price",
        S_ACTIVATION + ".trigger",
        S_VOICE + ".usageType",
        S_VOICE + ".increment",
        S_VOICE + ".unitSize",
        S_VOICE + ".rates",
        S_VOICE + ".allowance.quantity",
        S_VOICE + ".rates[0].zone",
        S_VOICE + ".rates[0].tiers",
        DATA_TIERS + "[1].from",
        S_DATA + ".rates[0].tiers[0].price.EUR",
        BANDS + "[0].id",
        BANDS + "[0].windows",
        BANDS + "[0].windows[0].days",
        BANDS + "[0].windows[0].startTime",
        S + ".discounts[0].id",
        S + ".discounts[0].name",
        S + ".discounts[0].percentage",
        S + ".discounts[0].periods"
      })
  void aMissingFieldIsRequired(String path) {
    List<String> errors = errors(with(path, null));
    assertTrue(errors.contains("required @ $." + path), errors::toString);
  }

  @Test
  void aMissingFieldIsReportedAlone() {
    assertOnly("required", S_VOICE + ".increment", null);
    assertOnly("required", "version", null);
    assertOnly("required", "productOfferings", List.of());
    assertOnly("required", "productOfferings[2].prices", List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026 01", "-2026", "ver/1", "é"})
  void idsAreLettersDigitsDotsUnderscoresAndDashes(String id) {
    assertOnly("invalid_id", "version", id);
  }

  @Test
  void anOfferingIdIsUsedOnce() {
    assertOnly("duplicate_id", M + ".id", "MOBILE_S");
  }

  @Test
  void aChargeIdIsUsedOnceInTheWholeVersion() {
    assertOnly("duplicate_id", M + ".prices[1].id", "MOBILE_S_ACTIVATION");
    assertOnly("duplicate_id", S + ".discounts[0].id", "MOBILE_S_VOICE");
  }

  @Test
  void aUsageTypeIsDeclaredOnce() {
    CatalogDocument doc = with("usageTypes[3]", new UsageTypeJson("SMS", "EVENT"));
    assertOnly(doc, "duplicate_id", "usageTypes[3].id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01", "2026-13-01T00:00:00Z", "yesterday", "1767225600"})
  void effectiveFromIsAnIsoInstant(String value) {
    assertOnly("invalid_instant", "effectiveFrom", value);
  }

  @Test
  void effectiveFromMayHaveAnOffset() {
    CatalogVersion v =
        CatalogValidator.validate(with("effectiveFrom", "2026-01-01T01:00:00+01:00")).value();
    assertEquals(CatalogSamples.version().effectiveFrom(), v.effectiveFrom());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2007-02-30", "01.01.2007", "2007-1-1"})
  void taxDatesAreIsoDates(String value) {
    assertOnly("invalid_date", "taxRates[6].validFrom", value);
    assertOnly("invalid_date", "taxRates[6].validTo", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8am", "25:00", "08:60", "8:00"})
  void windowTimesAreLocalTimes(String value) {
    assertOnly("invalid_time", BANDS + "[0].windows[0].startTime", value);
  }

  @Test
  void twentyFourIsOnlyAnEndTime() {
    assertOnly("invalid_time", BANDS + "[1].windows[1].startTime", "24:00");
  }

  @ParameterizedTest
  @CsvSource({
    S_ACTIVATION + ".priceType, subscription",
    S_MONTHLY + ".recurringChargePeriodType, week",
    S_ACTIVATION + ".trigger, birthday",
    S_ACTIVATION + ".trigger, ACTIVATION",
    "usageTypes[0].unitOfMeasure, MINUTE",
    BANDS + "[0].windows[0].days[0], Monday",
    BANDS + "[0].windows[0].days[0], MON"
  })
  void enumValuesMustBeKnown(String path, String value) {
    assertOnly("invalid_value", path, value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "description",
        "version",
        S + ".name",
        S + ".description",
        S_MONTHLY + ".name",
        S_MONTHLY + ".glCode",
        S_MONTHLY + ".taxCategory",
        "taxRates[0].taxCategory",
        BANDS + "[0].id",
        S + ".discounts[0].name"
      })
  void noStringOfTheDocumentHoldsACardNumber(String path) {
    assertOnly("card_number_not_allowed", path, "Gold 4111 1111 1111 1111");
    assertOnly("control_character", path, "Gold\u0000");
  }

  @Test
  void aCurrencyKeyIsTextToo() {
    CatalogDocument doc =
        with(S_MONTHLY + ".price", Map.of("4111111111111111", new BigDecimal("1.00")));
    assertEquals(List.of("card_number_not_allowed @ $." + S_MONTHLY + ".price"), errors(doc));
  }

  @ParameterizedTest
  @CsvSource({
    S_MONTHLY + ".trigger, activation",
    S_MONTHLY + ".usageType, VOICE",
    S_ACTIVATION + ".recurringChargePeriodType, month",
    S_ACTIVATION + ".usageType, VOICE",
    S_VOICE + ".trigger, activation",
    S_VOICE + ".recurringChargePeriodType, month"
  })
  void fieldsOfAnotherPriceTypeAreNotApplicable(String path, String value) {
    assertOnly("not_applicable", path, value);
  }

  @Test
  void aUsagePriceHasNoFlatPrice() {
    assertOnly("not_applicable", S_VOICE + ".price", amounts("EUR", "1", "USD", "1"));
    assertOnly("not_applicable", S_MONTHLY + ".increment", 1L);
  }

  // ---- currencies and amounts ----

  @Test
  void currenciesAreIso4217() {
    assertOnly("unknown_currency", "currencies[2]", "EURO");
    assertOnly("unknown_currency", "currencies[2]", "eur");
  }

  @Test
  void currenciesHaveMinorUnits() {
    assertOnly("unsupported_currency", "currencies[2]", "XXX");
    assertOnly("unsupported_currency", "currencies[2]", "XAU");
  }

  @Test
  void aCurrencyIsListedOnce() {
    assertOnly("duplicate_currency", "currencies[2]", "EUR");
  }

  @Test
  void aPriceInAnUndeclaredCurrencyIsRejected() {
    assertOnly("undeclared_currency", S_MONTHLY + ".price.GBP", new BigDecimal("8.99"));
    assertOnly("undeclared_currency", DATA_TIERS + "[2].price.JPY", new BigDecimal("1"));
  }

  @Test
  void aPriceNeedsEveryDeclaredCurrency() {
    assertOnly(with(S_MONTHLY + ".price.USD", REMOVE), "missing_currency", S_MONTHLY + ".price");
    assertOnly(
        with(S_VOICE + ".rates[3].tiers[0].price.EUR", REMOVE),
        "missing_currency",
        S_VOICE + ".rates[3].tiers[0].price");
  }

  @Test
  void amountsAreNotNegative() {
    assertOnly("negative_amount", S_MONTHLY + ".price.EUR", new BigDecimal("-9.99"));
    assertOnly("negative_amount", DATA_TIERS + "[1].price.USD", new BigDecimal("-0.000001"));
  }

  @Test
  void aZeroAmountIsAFreeCharge() {
    assertTrue(
        CatalogValidator.validate(with(S_ACTIVATION + ".price.EUR", BigDecimal.ZERO)).isValid());
  }

  // ---- usage quantities and tiers ----

  @ParameterizedTest
  @ValueSource(longs = {0, -1, -1024})
  void incrementAndUnitSizeArePositive(long value) {
    assertOnly("not_positive", S_DATA + ".increment", value);
    assertOnly("not_positive", S_DATA + ".unitSize", value);
  }

  @Test
  void minimumAllowanceAndTierBoundsAreNotNegative() {
    assertOnly("negative_quantity", S_VOICE + ".minimum", -60L);
    assertOnly("negative_quantity", S_VOICE + ".allowance.quantity", -1L);
    assertOnly("negative_quantity", DATA_TIERS + "[0].upTo", -1L);
    assertOnly("negative_quantity", DATA_TIERS + "[1].from", -1L);
  }

  @Test
  void theFirstTierStartsAtZero() {
    assertOnly("tier_not_from_zero", DATA_TIERS + "[0].from", 1L);
  }

  @Test
  void tiersLeaveNoGap() {
    assertOnly("tier_gap", DATA_TIERS + "[1].from", GIB + 1);
  }

  @Test
  void tiersDoNotOverlap() {
    assertOnly("tier_overlap", DATA_TIERS + "[1].from", GIB - 1);
  }

  @Test
  void onlyTheLastTierIsOpenEnded() {
    CatalogDocument doc = with(DATA_TIERS + "[1].upTo", null);
    assertOnly(doc, "tier_overlap", DATA_TIERS + "[2].from");
  }

  @Test
  void tiersAreListedInAscendingOrder() {
    CatalogDocument doc =
        with(
            DATA_TIERS,
            List.of(
                CatalogSamples.tier(GIB, null, "0.005", "0.0055"),
                CatalogSamples.tier(0L, GIB, "0.01", "0.011")));
    assertEquals(
        List.of(
            "tier_not_from_zero @ $." + DATA_TIERS + "[0].from",
            "tier_overlap @ $." + DATA_TIERS + "[1].from",
            "tier_last_bounded @ $." + DATA_TIERS + "[1].upTo"),
        errors(doc));
  }

  @Test
  void aTierIsNotEmpty() {
    assertOnly("tier_empty", DATA_TIERS + "[1].upTo", GIB);
  }

  @Test
  void theLastTierIsOpenEnded() {
    assertOnly("tier_last_bounded", DATA_TIERS + "[2].upTo", 100 * GIB);
  }

  // ---- zones, bands and rates ----

  @Test
  void aZoneIsListedOnce() {
    assertOnly("duplicate_zone", S_SMS + ".zones[3]", "EU");
  }

  @Test
  void aRateNamesAZoneOfTheCharge() {
    assertEquals(
        List.of(
            "unknown_zone @ $." + S_SMS + ".rates[2].zone", "missing_rate @ $." + S_SMS + ".rates"),
        errors(with(S_SMS + ".rates[2].zone", "MARS")));
    assertOnly("unknown_zone", S_DATA + ".rates[0].zone", "NATIONAL");
  }

  @Test
  void aRateNamesABandOfTheCharge() {
    assertEquals(
        List.of(
            "unknown_time_band @ $." + S_VOICE + ".rates[0].timeBand",
            "missing_rate @ $." + S_VOICE + ".rates"),
        errors(with(S_VOICE + ".rates[0].timeBand", "NIGHT")));
    assertOnly("unknown_time_band", S_SMS + ".rates[0].timeBand", "PEAK");
  }

  @Test
  void thereIsOneRatePerZoneAndBand() {
    CatalogDocument doc =
        with(
            S_VOICE + ".rates[1]",
            document().productOfferings().get(0).prices().get(2).rates().get(0));
    List<String> errors = errors(doc);
    assertEquals(
        List.of(
            "duplicate_rate @ $." + S_VOICE + ".rates[1]",
            "missing_rate @ $." + S_VOICE + ".rates"),
        errors);
  }

  @Test
  void everyZoneAndBandHasARate() {
    Validated<CatalogVersion> result =
        CatalogValidator.validate(with(S_VOICE + ".rates[5]", REMOVE));
    assertEquals(
        List.of(
            new FieldError(
                "missing_rate",
                "$." + S_VOICE + ".rates",
                "no rate for zone WORLD, time band OFF_PEAK")),
        result.errors());
  }

  @Test
  void aBandIsDefinedOnce() {
    List<String> errors = errors(with(BANDS + "[1].id", "PEAK"));
    assertEquals("duplicate_time_band @ $." + BANDS + "[1].id", errors.get(0));
    assertTrue(
        errors.stream().skip(1).allMatch(e -> e.startsWith("unknown_time_band")), errors::toString);
  }

  @Test
  void bandsLeaveNoGapInTheWeek() {
    Validated<CatalogVersion> result =
        CatalogValidator.validate(with(BANDS + "[0].windows[0].endTime", "19:00"));
    assertEquals(
        List.of(
            new FieldError(
                "band_gap",
                "$." + BANDS,
                "no time band covers 19:00-20:00 on MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY")),
        result.errors());
  }

  @Test
  void aWeekendWithoutBandIsAGap() {
    Validated<CatalogVersion> result =
        CatalogValidator.validate(with(BANDS + "[1].windows[2]", REMOVE));
    assertEquals(
        List.of(
            new FieldError(
                "band_gap", "$." + BANDS, "no time band covers 00:00-24:00 on SATURDAY, SUNDAY")),
        result.errors());
  }

  @Test
  void bandsDoNotOverlap() {
    Validated<CatalogVersion> result =
        CatalogValidator.validate(with(BANDS + "[0].windows[0].endTime", "20:30"));
    assertEquals(
        List.of(
            new FieldError(
                "band_overlap",
                "$." + BANDS + "[1].windows[1]",
                "overlaps $."
                    + BANDS
                    + "[0].windows[0] on MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY")),
        result.errors());
  }

  @Test
  void aWeekendDayInTwoBandsOverlaps() {
    CatalogDocument doc =
        with(BANDS + "[0].windows[1]", window(List.of("SUNDAY"), "10:00", "11:00"));
    assertOnly(doc, "band_overlap", BANDS + "[0].windows[1]");
  }

  @ParameterizedTest
  @CsvSource({"08:00, 08:00", "20:00, 08:00", "08:00, 00:00"})
  void aWindowEndsAfterItStartsOnTheSameDay(String start, String end) {
    CatalogDocument doc = with(BANDS + "[0].windows[0]", window(WEEKDAYS, start, end));
    assertOnly(doc, "invalid_time_window", BANDS + "[0].windows[0].endTime");
  }

  @Test
  void aDayIsListedOncePerWindow() {
    assertOnly("duplicate_day", BANDS + "[0].windows[0].days[1]", "MONDAY");
  }

  // ---- usage types ----

  @Test
  void aUsageChargeRatesADeclaredUsageType() {
    assertOnly("unknown_usage_type", S_SMS + ".usageType", "MMS");
  }

  @Test
  void anOfferingHasOneUsageChargePerUsageType() {
    assertOnly("duplicate_usage_charge", S_DATA + ".usageType", "SMS");
  }

  // ---- tax and ledger ----

  @Test
  void everyChargeHasATaxCategory() {
    assertOnly("missing_tax_category", S_MONTHLY + ".taxCategory", null);
    assertOnly("missing_tax_category", S_DATA + ".taxCategory", " ");
  }

  @Test
  void aTaxCategoryHasARate() {
    assertOnly("unknown_tax_category", S_ACTIVATION + ".taxCategory", "LUXURY");
  }

  @Test
  void everyChargeHasAGlCode() {
    assertOnly("missing_gl_code", S_VOICE + ".glCode", null);
    assertOnly("missing_gl_code", S + ".discounts[0].glCode", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"19", "-0.01", "1.0001"})
  void aTaxRateIsAFraction(String rate) {
    assertOnly("invalid_tax_rate", "taxRates[2].rate", new BigDecimal(rate));
  }

  @Test
  void aTaxRateEndsAfterItStarts() {
    assertOnly("invalid_date_range", "taxRates[0].validTo", "2007-01-01");
  }

  @Test
  void taxRatesOfOneJurisdictionAndCategoryDoNotOverlap() {
    assertOnly(with("taxRates[1].validFrom", "2020-06-30"), "overlapping_tax_rates", "taxRates[1]");
    Validated<CatalogVersion> openEnded =
        CatalogValidator.validate(
            with(
                "taxRates[8]",
                new TaxRateJson("DE", "STANDARD", new BigDecimal("0.21"), "2030-01-01", null)));
    assertEquals(
        List.of(
            new FieldError(
                "overlapping_tax_rates",
                "$.taxRates[8]",
                "the rate for (DE, STANDARD) overlaps the one at $.taxRates[2]")),
        openEnded.errors());
  }

  @Test
  void taxRatesOfOtherJurisdictionsOrCategoriesMayShareDates() {
    CatalogDocument doc =
        with("taxRates[8]", new TaxRateJson("AT", "ZERO", BigDecimal.ZERO, "1984-01-01", null));
    assertTrue(CatalogValidator.validate(doc).isValid());
  }

  // ---- discounts ----

  @ParameterizedTest
  @ValueSource(strings = {"0", "-10", "100.01", "150"})
  void aDiscountPercentageIsAboveZeroAndAtMostHundred(String percentage) {
    assertOnly("invalid_percentage", S + ".discounts[0].percentage", new BigDecimal(percentage));
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "0.01", "33.333"})
  void aDiscountPercentageMayBeAnythingInItsRange(String percentage) {
    assertTrue(
        CatalogValidator.validate(with(S + ".discounts[0].percentage", new BigDecimal(percentage)))
            .isValid());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void aDiscountLastsAtLeastOnePeriod(int periods) {
    assertOnly("invalid_periods", S + ".discounts[0].periods", periods);
  }

  @Test
  void aDiscountAppliesToARecurringChargeOfItsOffering() {
    assertOnly("unknown_charge", S + ".discounts[0].appliesTo", "NOPE");
    assertOnly("unknown_charge", S + ".discounts[0].appliesTo", "MOBILE_S_ACTIVATION");
    assertOnly("unknown_charge", S + ".discounts[0].appliesTo", "MOBILE_M_MONTHLY");
  }

  @Test
  void aDiscountWithoutTargetNeedsExactlyOneRecurringCharge() {
    CatalogDocument twoRecurring =
        with(
            M + ".prices[5]",
            recurring(
                "MOBILE_M_INSURANCE",
                "Device insurance",
                amounts("EUR", "4.99", "USD", "5.49"),
                "STANDARD",
                "4600-INSURANCE"));
    assertOnly(twoRecurring, "discount_target_required", M + ".discounts[0].appliesTo");
    CatalogDocument noRecurring =
        with(
            "productOfferings[2].discounts",
            List.of(new DiscountJson("PRESS_FREE", "Free", BigDecimal.TEN, 1, null, null)));
    noRecurring =
        DocumentPaths.set(noRecurring, "productOfferings[2].prices[0].priceType", "oneTime");
    noRecurring =
        DocumentPaths.set(noRecurring, "productOfferings[2].prices[0].trigger", "activation");
    assertOnly(
        noRecurring, "discount_target_required", "productOfferings[2].discounts[0].appliesTo");
  }

  // ---- null entries ----

  @Test
  void nullEntriesInListsAreRequired() {
    assertOnly("required", S + ".prices[1]", null);
    assertOnly("required", "taxRates[7]", null);
    assertOnly("required", "productOfferings[2]", null);
    assertOnly(with(S + ".discounts[0]", null), "required", S + ".discounts[0]");
  }

  // ---- all together ----

  @Test
  void everyProblemIsReportedAtOnce() {
    CatalogDocument doc = document();
    Map<String, Object> breakage = new LinkedHashMap<>();
    Object[][] changes = {
      {"effectiveFrom", "next monday"},
      {"currencies[1]", "XXX"},
      {"usageTypes[0].unitOfMeasure", "MINUTE"},
      {"taxRates[1].rate", new BigDecimal("16")},
      {"taxRates[7].validFrom", "1984-13-01"},
      {S_MONTHLY + ".price.EUR", new BigDecimal("-1")},
      {S_MONTHLY + ".glCode", ""},
      {S_ACTIVATION + ".trigger", "birthday"},
      {S_ACTIVATION + ".taxCategory", null},
      {S_VOICE + ".increment", 0L},
      {S_VOICE + ".minimum", -1L},
      {BANDS + "[0].windows[0].endTime", "19:00"},
      {S_SMS + ".zones[1]", "NATIONAL"},
      {S_SMS + ".usageType", "MMS"},
      {DATA_TIERS + "[1].from", GIB - 1},
      {DATA_TIERS + "[2].upTo", 10 * GIB},
      {S + ".discounts[0].percentage", new BigDecimal("120")},
      {S + ".discounts[0].periods", 0},
      {M + ".id", "MOBILE_S"},
      {M + ".prices[0].taxCategory", "LUXURY"},
      {M + ".prices[1].price.GBP", BigDecimal.ONE},
      {"productOfferings[2].prices[0].priceType", "subscription"}
    };
    for (Object[] change : changes) {
      breakage.put((String) change[0], change[1]);
    }
    for (Map.Entry<String, Object> e : breakage.entrySet()) {
      doc = DocumentPaths.set(doc, e.getKey(), e.getValue());
    }
    Validated<CatalogVersion> result = CatalogValidator.validate(doc);
    Set<String> codes =
        result.errors().stream()
            .map(FieldError::code)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        new TreeSet<>(
            List.of(
                "invalid_instant",
                "unsupported_currency",
                "invalid_value",
                "invalid_tax_rate",
                "invalid_date",
                "negative_amount",
                "missing_gl_code",
                "missing_tax_category",
                "not_positive",
                "negative_quantity",
                "band_gap",
                "duplicate_zone",
                "unknown_usage_type",
                "tier_overlap",
                "tier_last_bounded",
                "invalid_percentage",
                "invalid_periods",
                "duplicate_id",
                "unknown_tax_category",
                "undeclared_currency",
                "unknown_zone")),
        codes);
    // every broken field is named, each with its own error
    Set<String> fields =
        result.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    for (String path : breakage.keySet()) {
      // a gap belongs to the schedule, not to one window
      String expected = path.equals(BANDS + "[0].windows[0].endTime") ? "$." + BANDS : "$." + path;
      assertTrue(fields.contains(expected), () -> expected + " not in " + fields);
    }
  }

  @Test
  void aRejectedDocumentBuildsNothing() {
    Validated<CatalogVersion> result = CatalogValidator.validate(with(S_VOICE + ".increment", 0L));
    assertFalse(result.isValid());
    assertThrows(IllegalStateException.class, result::value);
  }
}
