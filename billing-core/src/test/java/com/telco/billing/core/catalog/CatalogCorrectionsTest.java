package com.telco.billing.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CatalogDocument.CorrectionJson;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Correction versions (docs/catalog.md, "Correction versions"): which version prices usage at an
 * instant, what the catalog keeps of them, and the rules of their document and publication.
 */
class CatalogCorrectionsTest {

  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant JUL = Instant.parse("2026-07-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration NANO = Duration.ofNanos(1);

  /** The sample as version {@code id} from {@code from}, its SMS national rate {@code smsEur}. */
  private static CatalogDocument document(String id, Instant from, String smsEur) {
    CatalogDocument doc = CatalogSamples.document();
    doc = DocumentPaths.set(doc, "version", id);
    doc = DocumentPaths.set(doc, "effectiveFrom", from.toString());
    return DocumentPaths.set(
        doc, "productOfferings[0].prices[3].rates[0].tiers[0].price.EUR", new BigDecimal(smsEur));
  }

  private static CatalogDocument correctionDocument(
      String id, Instant from, Instant until, String reason) {
    return DocumentPaths.set(
        document(id, from, "0.01"), "correction", new CorrectionJson(until.toString(), reason));
  }

  private static CatalogVersion version(String id, Instant from) {
    return CatalogValidator.validate(document(id, from, "0.09")).value();
  }

  private static CatalogVersion correction(String id, Instant from, Instant until) {
    return CatalogValidator.validate(correctionDocument(id, from, until, "wrong SMS rate")).value();
  }

  private static final CatalogVersion V1 = version("2026-01", JAN);
  private static final CatalogVersion V2 = version("2026-07", JUL);
  private static final CatalogVersion MARCH = correction("fix-march", MAR, APR);
  private static final CatalogVersion SPRING = correction("fix-spring", MAR.plus(NANO), MAY);
  private static final Catalog CATALOG =
      Catalog.EMPTY.withVersion(V1).withVersion(MARCH).withVersion(V2).withVersion(SPRING);

  // ---- the catalog ----

  @Test
  void aCorrectionIsAVersionWithACorrection() {
    assertTrue(MARCH.isCorrection());
    assertEquals(new CatalogCorrection(APR, "wrong SMS rate"), MARCH.correction());
    assertFalse(V1.isCorrection());
    assertNull(V1.correction());
  }

  @Test
  void correctionsAreKeptApartInPublicationOrder() {
    assertEquals(List.of(V1, V2), CATALOG.versions());
    assertEquals(List.of(MARCH, SPRING), CATALOG.corrections());
    Catalog other = Catalog.EMPTY.withVersion(V1).withVersion(SPRING).withVersion(MARCH);
    assertEquals(List.of(SPRING, MARCH), other.corrections());
  }

  @Test
  void theListConstructorSplitsOrdinaryVersionsFromCorrections() {
    Catalog split = new Catalog(List.of(V2, MARCH, V1, SPRING));
    assertEquals(List.of(V1, V2), split.versions());
    assertEquals(List.of(MARCH, SPRING), split.corrections());
    assertEquals(CATALOG, split);
  }

  @Test
  void ratingUsesTheCorrectionWhoseIntervalHoldsTheInstant() {
    assertEquals(Optional.of(MARCH), CATALOG.ratingVersionAt(MAR));
    assertEquals(Optional.of(SPRING), CATALOG.ratingVersionAt(MAR.plus(Duration.ofDays(10))));
    assertEquals(Optional.of(SPRING), CATALOG.ratingVersionAt(APR));
  }

  @Test
  void aCorrectionCoversItsFromInclusiveAndItsUntilExclusive() {
    Catalog one = Catalog.EMPTY.withVersion(V1).withVersion(MARCH);
    assertEquals(Optional.of(V1), one.ratingVersionAt(MAR.minus(NANO)));
    assertEquals(Optional.of(MARCH), one.ratingVersionAt(MAR));
    assertEquals(Optional.of(MARCH), one.ratingVersionAt(APR.minus(NANO)));
    assertEquals(Optional.of(V1), one.ratingVersionAt(APR));
  }

  @Test
  void outsideEveryCorrectionRatingUsesTheVersionInEffect() {
    assertEquals(Optional.empty(), CATALOG.ratingVersionAt(JAN.minus(NANO)));
    assertEquals(Optional.of(V1), CATALOG.ratingVersionAt(JAN));
    assertEquals(Optional.of(V1), CATALOG.ratingVersionAt(MAY));
    assertEquals(Optional.of(V2), CATALOG.ratingVersionAt(JUL));
  }

  @Test
  void ofTwoOverlappingCorrectionsTheOnePublishedLastWins() {
    Instant inBoth = MAR.plus(Duration.ofDays(10));
    assertEquals(Optional.of(SPRING), CATALOG.ratingVersionAt(inBoth));
    Catalog reversed = Catalog.EMPTY.withVersion(V1).withVersion(SPRING).withVersion(MARCH);
    assertEquals(Optional.of(MARCH), reversed.ratingVersionAt(inBoth));
    assertEquals(Optional.of(SPRING), reversed.ratingVersionAt(APR));
  }

  @Test
  void everythingButUsageRatingIgnoresCorrections() {
    Instant inMarch = MAR.plus(Duration.ofDays(10));
    assertEquals(Optional.of(V1), CATALOG.versionAt(inMarch));
    assertEquals(V1.productOfferings(), CATALOG.offeringsAt(inMarch));
    assertEquals(V1.offering("MOBILE_S"), CATALOG.offering("MOBILE_S", inMarch));
    assertEquals(Optional.of(V2), CATALOG.latest());
    Catalog onlyJanuary = Catalog.EMPTY.withVersion(V1).withVersion(MARCH);
    assertEquals(Optional.of(V1), onlyJanuary.latest());
    assertEquals(
        V1.taxTable().rateFor("DE", "STANDARD", java.time.LocalDate.parse("2026-03-10")),
        onlyJanuary.taxRate("DE", "STANDARD", java.time.LocalDate.parse("2026-03-10")));
  }

  @Test
  void aVersionIsFoundByIdOfEitherKind() {
    assertEquals(Optional.of(MARCH), CATALOG.version("fix-march"));
    assertEquals(Optional.of(V2), CATALOG.version("2026-07"));
    assertEquals(Optional.empty(), CATALOG.version("nope"));
  }

  @Test
  void withVersionAppendsACorrectionWhateverItsInterval() {
    // a correction before every published version is the validator's to refuse, not the catalog's
    CatalogVersion early = correction("fix-2025", JAN.minus(Duration.ofDays(30)), JAN);
    Catalog c = CATALOG.withVersion(early);
    assertEquals(List.of(MARCH, SPRING, early), c.corrections());
    assertEquals(List.of(V1, V2), c.versions());
    // an ordinary version is still checked against the ordinary versions only
    CatalogVersion afterV1 = version("2026-02", Instant.parse("2026-02-01T00:00:00Z"));
    assertEquals(
        List.of(V1, afterV1),
        Catalog.EMPTY.withVersion(V1).withVersion(SPRING).withVersion(afterV1).versions());
  }

  @Test
  void aVersionIdIsUsedOnceAcrossBothKinds() {
    CatalogVersion sameIdAsV1 = correction("2026-01", MAR, APR);
    assertThrows(IllegalArgumentException.class, () -> CATALOG.withVersion(sameIdAsV1));
    CatalogVersion sameIdAsMarch = version("fix-march", Instant.parse("2027-01-01T00:00:00Z"));
    assertThrows(IllegalArgumentException.class, () -> CATALOG.withVersion(sameIdAsMarch));
    assertThrows(IllegalArgumentException.class, () -> CATALOG.withVersion(MARCH));
  }

  @Test
  void theCanonicalConstructorKeepsTheKindsApart() {
    assertThrows(IllegalArgumentException.class, () -> new Catalog(List.of(MARCH), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Catalog(List.of(), List.of(V1)));
  }

  @Test
  void aCorrectionEndsAfterItStarts() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CatalogVersion(
                "x",
                APR,
                null,
                V1.currencies(),
                V1.usageTypes(),
                V1.taxTable(),
                V1.productOfferings(),
                new CatalogCorrection(APR, "empty")));
    assertThrows(IllegalArgumentException.class, () -> new CatalogCorrection(APR, " "));
  }

  // ---- the document ----

  private static List<String> documentErrors(CatalogDocument doc) {
    Validated<CatalogVersion> result = CatalogValidator.validate(doc);
    return result.isValid()
        ? List.of()
        : result.errors().stream().map(e -> e.code() + " @ " + e.field()).toList();
  }

  private static List<String> documentErrors(String until, String reason) {
    return documentErrors(
        DocumentPaths.set(
            document("fix", MAR, "0.01"), "correction", new CorrectionJson(until, reason)));
  }

  @Test
  void aValidCorrectionDocument() {
    assertEquals(List.of(), documentErrors(APR.toString(), "wrong SMS rate"));
    assertEquals(
        new CatalogCorrection(APR, "wrong SMS rate"),
        CatalogValidator.validate(correctionDocument("fix", MAR, APR, "wrong SMS rate"))
            .value()
            .correction());
    // an offset is read as the instant it names
    assertEquals(
        APR,
        CatalogValidator.validate(
                DocumentPaths.set(
                    document("fix", MAR, "0.01"),
                    "correction",
                    new CorrectionJson("2026-04-01T02:00:00+02:00", "r")))
            .value()
            .correction()
            .effectiveUntil());
  }

  @Test
  void aDocumentWithoutCorrectionIsAnOrdinaryVersion() {
    assertFalse(CatalogValidator.validate(document("v", MAR, "0.01")).value().isCorrection());
  }

  @Test
  void effectiveUntilIsRequiredAndAnInstant() {
    assertEquals(List.of("required @ $.correction.effectiveUntil"), documentErrors(null, "r"));
    assertEquals(
        List.of("invalid_instant @ $.correction.effectiveUntil"),
        documentErrors("2026-04-01", "r"));
    assertEquals(
        List.of("invalid_instant @ $.correction.effectiveUntil"),
        documentErrors("2199-01-01T00:00:00Z", "r"));
  }

  @Test
  void effectiveUntilIsStrictlyAfterEffectiveFrom() {
    assertEquals(
        List.of("invalid_date_range @ $.correction.effectiveUntil"),
        documentErrors(MAR.toString(), "r"));
    assertEquals(
        List.of("invalid_date_range @ $.correction.effectiveUntil"),
        documentErrors(JAN.toString(), "r"));
    assertEquals(List.of(), documentErrors(MAR.plus(NANO).toString(), "r"));
  }

  @Test
  void theReasonIsNonBlankTextOfAtMost500Characters() {
    assertEquals(List.of("required @ $.correction.reason"), documentErrors(APR.toString(), null));
    assertEquals(List.of("required @ $.correction.reason"), documentErrors(APR.toString(), " "));
    assertEquals(List.of(), documentErrors(APR.toString(), "x".repeat(500)));
    assertEquals(
        List.of("too_long @ $.correction.reason"), documentErrors(APR.toString(), "x".repeat(501)));
    assertEquals(
        List.of("control_character @ $.correction.reason"),
        documentErrors(APR.toString(), "wrong\u0007rate"));
  }

  @Test
  void anInvalidEffectiveFromLeavesTheRangeUnchecked() {
    CatalogDocument doc =
        DocumentPaths.set(
            correctionDocument("fix", MAR, APR, "r"), "effectiveFrom", "next Tuesday");
    assertEquals(List.of("invalid_instant @ $.effectiveFrom"), documentErrors(doc));
  }

  // ---- publication ----

  private static List<String> historyErrors(
      CatalogVersion candidate, List<CatalogVersion> published, Instant now) {
    return CatalogValidator.validateAgainstHistory(candidate, published, now).stream()
        .map(e -> e.code() + " @ " + e.field())
        .toList();
  }

  @Test
  void aCorrectionChangesPricesOnly() {
    // the SMS charge's tax category changed: invoices would tax its usage at the ordinary one's
    CatalogDocument taxed =
        DocumentPaths.set(
            correctionDocument("fix-tax", MAR, APR, "wrong SMS rate"),
            "productOfferings[0].prices[3].taxCategory",
            "REDUCED");
    CatalogVersion other = CatalogValidator.validate(taxed).value();
    assertEquals(
        List.of("correction_not_prices_only @ $.productOfferings"),
        historyErrors(other, List.of(V1, V2), NOW));
    // the same change in an interval where V2 is in effect too is checked against both
    CatalogVersion late = correction("fix-summer", JUL.minus(NANO), JUL.plusSeconds(60));
    assertEquals(List.of(), historyErrors(late, List.of(V1, V2), NOW));
  }

  @Test
  void aCorrectionOfAPastIntervalIsPublished() {
    assertEquals(List.of(), historyErrors(MARCH, List.of(V1, V2), NOW));
    // not subject to effective_in_past nor effective_not_after_latest
    assertEquals(List.of(), historyErrors(MARCH, List.of(V1, V2, SPRING), NOW));
  }

  @Test
  void aCorrectionMayEndExactlyNow() {
    assertEquals(List.of(), historyErrors(MARCH, List.of(V1), APR));
    assertEquals(
        List.of("correction_not_past @ $.correction.effectiveUntil"),
        historyErrors(MARCH, List.of(V1), APR.minus(NANO)));
  }

  @Test
  void aCorrectionEndingInTheFutureIsRefused() {
    CatalogVersion open = correction("fix-open", MAR, Instant.parse("2027-01-01T00:00:00Z"));
    assertEquals(
        List.of("correction_not_past @ $.correction.effectiveUntil"),
        historyErrors(open, List.of(V1), NOW));
  }

  @Test
  void aCorrectionNeedsAVersionInEffectAtItsStart() {
    CatalogVersion early = correction("fix-2025", Instant.parse("2025-12-01T00:00:00Z"), MAR);
    assertEquals(
        List.of("correction_without_version @ $.effectiveFrom"),
        historyErrors(early, List.of(V1, V2), NOW));
    assertEquals(
        List.of("correction_without_version @ $.effectiveFrom"),
        historyErrors(MARCH, List.of(), NOW));
    // a correction does not count as a version in effect
    assertEquals(
        List.of("correction_without_version @ $.effectiveFrom"),
        historyErrors(SPRING, List.of(MARCH), NOW));
    // a version taking effect exactly at its start is enough
    CatalogVersion fromJan = correction("fix-jan", JAN, MAR);
    assertEquals(List.of(), historyErrors(fromJan, List.of(V1), NOW));
  }

  @Test
  void aCorrectionIdIsPublishedOnce() {
    assertEquals(
        List.of("version_exists @ $.version"), historyErrors(MARCH, List.of(V1, MARCH), NOW));
    CatalogVersion sameIdAsV1 = correction("2026-01", MAR, APR);
    assertEquals(
        List.of("version_exists @ $.version"), historyErrors(sameIdAsV1, List.of(V1), NOW));
    CatalogVersion ordinaryWithCorrectionsId =
        version("fix-march", Instant.parse("2027-01-01T00:00:00Z"));
    assertEquals(
        List.of("version_exists @ $.version"),
        historyErrors(ordinaryWithCorrectionsId, List.of(V1, MARCH), NOW));
  }

  @Test
  void everyProblemOfACorrectionIsReportedAtOnce() {
    CatalogVersion bad = correction("2026-01", Instant.parse("2025-06-01T00:00:00Z"), MAY);
    assertEquals(
        List.of(
            "version_exists @ $.version",
            "correction_without_version @ $.effectiveFrom",
            "correction_not_past @ $.correction.effectiveUntil"),
        historyErrors(bad, List.of(V1), APR));
  }

  @Test
  void anOrdinaryVersionAfterACorrectionIsCheckedAgainstOrdinaryVersionsOnly() {
    // the correction ends later than V1 starts and than the candidate: it does not matter
    CatalogVersion late = correction("fix-late", JAN, NOW);
    Instant before = Instant.parse("2026-02-01T00:00:00Z");
    CatalogVersion feb = version("2026-02", before);
    assertEquals(List.of(), historyErrors(feb, List.of(V1, late), before));
    // the first ordinary version may still take effect in the past, whatever corrections exist
    assertEquals(List.of(), historyErrors(V1, List.of(), NOW));
    // and a later one still not
    assertEquals(
        List.of("effective_in_past @ $.effectiveFrom"), historyErrors(feb, List.of(V1, late), NOW));
  }
}
