package com.telco.billing.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.validation.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Version selection around {@code effectiveFrom}, lookups, and the rules of publication. */
class CatalogTest {

  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant JUL = Instant.parse("2026-07-01T00:00:00Z");
  private static final Duration NANO = Duration.ofNanos(1);

  /** The sample as version {@code id} from {@code from}, with MOBILE_S at {@code monthlyEur}. */
  private static CatalogVersion version(String id, Instant from, String monthlyEur) {
    CatalogDocument doc = CatalogSamples.document();
    doc = DocumentPaths.set(doc, "version", id);
    doc = DocumentPaths.set(doc, "effectiveFrom", from.toString());
    doc =
        DocumentPaths.set(
            doc, "productOfferings[0].prices[0].price.EUR", new BigDecimal(monthlyEur));
    return CatalogValidator.validate(doc).value();
  }

  private static final CatalogVersion V1 = version("2026-01", JAN, "9.99");
  private static final CatalogVersion V2 = version("2026-07", JUL, "11.99");
  private static final Catalog CATALOG = Catalog.EMPTY.withVersion(V1).withVersion(V2);

  @Test
  void noVersionIsInEffectBeforeTheFirst() {
    assertEquals(Optional.empty(), CATALOG.versionAt(JAN.minus(NANO)));
    assertEquals(List.of(), CATALOG.offeringsAt(JAN.minus(NANO)));
    assertEquals(Optional.empty(), CATALOG.offering("MOBILE_S", JAN.minus(NANO)));
    assertEquals(Optional.empty(), Catalog.EMPTY.versionAt(JUL));
  }

  @Test
  void aVersionIsInEffectFromItsEffectiveFromInclusive() {
    assertEquals(Optional.of(V1), CATALOG.versionAt(JAN));
    assertEquals(Optional.of(V1), CATALOG.versionAt(JAN.plus(NANO)));
  }

  @Test
  void theNextVersionSupersedesItExactlyAtItsEffectiveFrom() {
    assertEquals(Optional.of(V1), CATALOG.versionAt(JUL.minus(NANO)));
    assertEquals(Optional.of(V2), CATALOG.versionAt(JUL));
    assertEquals(Optional.of(V2), CATALOG.versionAt(JUL.plus(NANO)));
    assertEquals(Optional.of(V2), CATALOG.versionAt(Instant.parse("2099-01-01T00:00:00Z")));
  }

  @Test
  void offeringsAreThoseOfTheVersionInEffect() {
    assertEquals(V1.productOfferings(), CATALOG.offeringsAt(JUL.minus(NANO)));
    assertEquals(V2.productOfferings(), CATALOG.offeringsAt(JUL));
    assertEquals(
        new BigDecimal("9.99"),
        monthlyEur(CATALOG.offering("MOBILE_S", JUL.minus(NANO)).orElseThrow()));
    assertEquals(
        new BigDecimal("11.99"), monthlyEur(CATALOG.offering("MOBILE_S", JUL).orElseThrow()));
    assertEquals(Optional.empty(), CATALOG.offering("NO_SUCH_OFFERING", JUL));
  }

  private static BigDecimal monthlyEur(ProductOffering o) {
    return o.recurringCharges()
        .get(0)
        .price()
        .amountIn(java.util.Currency.getInstance("EUR"))
        .orElseThrow()
        .amount();
  }

  @Test
  void versionsAreKeptInEffectiveOrder() {
    Catalog c = new Catalog(List.of(V2, V1));
    assertEquals(List.of(V1, V2), c.versions());
    assertEquals(Optional.of(V2), c.latest());
    assertEquals(Optional.of(V1), c.version("2026-01"));
    assertEquals(Optional.empty(), c.version("2025-01"));
    assertEquals(CATALOG, c);
  }

  @Test
  void aCatalogRefusesATimelineItCannotOrder() {
    assertThrows(IllegalArgumentException.class, () -> CATALOG.withVersion(V2));
    CatalogVersion sameInstant = version("other", JUL, "1.00");
    assertThrows(IllegalArgumentException.class, () -> CATALOG.withVersion(sameInstant));
    CatalogVersion earlier = version("earlier", JAN.plus(Duration.ofDays(1)), "1.00");
    assertThrows(IllegalArgumentException.class, () -> CATALOG.withVersion(earlier));
    CatalogVersion sameId = version("2026-01", JUL.plus(Duration.ofDays(1)), "1.00");
    assertThrows(IllegalArgumentException.class, () -> CATALOG.withVersion(sameId));
  }

  @Test
  void taxRatesComeFromTheLatestVersionsTable() {
    assertEquals(
        0,
        new BigDecimal("0.16")
            .compareTo(
                CATALOG
                    .taxRate("DE", "STANDARD", LocalDate.parse("2020-07-01"))
                    .orElseThrow()
                    .rate()));
    assertEquals(
        0,
        new BigDecimal("0.07")
            .compareTo(
                CATALOG
                    .taxRate("DE", "REDUCED", LocalDate.parse("2026-01-05"))
                    .orElseThrow()
                    .rate()));
    assertEquals(Optional.empty(), CATALOG.taxRate("DE", "LUXURY", LocalDate.parse("2026-01-05")));
    assertEquals(Optional.empty(), Catalog.EMPTY.taxRate("DE", "STANDARD", LocalDate.EPOCH));
  }

  // ---- publication rules ----

  private static List<String> historyErrors(
      CatalogVersion candidate, List<CatalogVersion> published, Instant now) {
    return CatalogValidator.validateAgainstHistory(candidate, published, now).stream()
        .map(e -> e.code() + " @ " + e.field())
        .toList();
  }

  @Test
  void theFirstVersionMayTakeEffectInThePast() {
    assertEquals(List.of(), historyErrors(V1, List.of(), JUL));
  }

  @Test
  void aLaterVersionMayNotTakeEffectInThePast() {
    CatalogVersion past = version("2026-06", JUL.minus(NANO), "1.00");
    assertEquals(
        List.of("effective_in_past @ $.effectiveFrom"), historyErrors(past, List.of(V1), JUL));
  }

  @Test
  void aLaterVersionMayTakeEffectNowOrLater() {
    assertEquals(List.of(), historyErrors(V2, List.of(V1), JUL));
    assertEquals(List.of(), historyErrors(V2, List.of(V1), JUL.minus(NANO)));
  }

  @Test
  void aVersionIdIsPublishedOnce() {
    CatalogVersion again = version("2026-01", JUL, "1.00");
    List<FieldError> errors = CatalogValidator.validateAgainstHistory(again, List.of(V1), JAN);
    assertEquals(1, errors.size());
    assertEquals("version_exists", errors.get(0).code());
    assertEquals("$.version", errors.get(0).field());
  }

  @Test
  void aVersionTakesEffectAfterTheLatestPublished() {
    Instant beforeAll = JAN.minus(Duration.ofDays(400));
    CatalogVersion between = version("2026-03", Instant.parse("2026-03-01T00:00:00Z"), "1.00");
    assertEquals(
        List.of("effective_not_after_latest @ $.effectiveFrom"),
        historyErrors(between, List.of(V1, V2), beforeAll));
    CatalogVersion same = version("2026-07b", JUL, "1.00");
    assertEquals(
        List.of("effective_not_after_latest @ $.effectiveFrom"),
        historyErrors(same, List.of(V1, V2), beforeAll));
  }

  @Test
  void everyPublicationProblemIsReportedAtOnce() {
    CatalogVersion bad = version("2026-01", JAN, "1.00");
    assertEquals(
        List.of(
            "version_exists @ $.version",
            "effective_in_past @ $.effectiveFrom",
            "effective_not_after_latest @ $.effectiveFrom"),
        historyErrors(bad, List.of(V1, V2), JUL.plus(Duration.ofDays(1))));
    assertTrue(CATALOG.versions().contains(V1));
  }
}
