package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.INVALID_DATE_RANGE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_INSTANT;

import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The document's top-level fields {@code $.version}, {@code $.effectiveFrom} and {@code
 * $.correction} (docs/catalog.md, "Top level"). docs/billing-rules.md, "Catalog": a version has an
 * id and the instant it takes effect from; a correction version also the end of the interval it
 * corrects and why.
 */
final class HeaderSection extends CatalogSection {
  /** The longest {@code $.correction.reason}. */
  static final int MAX_REASON_LENGTH = 500;

  HeaderSection(Validator v) {
    super(v);
  }

  /** Checks {@code $.version} and returns {@code $.effectiveFrom}, or null when it is invalid. */
  Instant effectiveFrom(CatalogDocument doc) {
    id(doc.version(), "$.version");
    return instant(doc.effectiveFrom(), "$.effectiveFrom");
  }

  /**
   * Checks {@code $.correction}: {@code effectiveUntil} a plausible instant strictly after {@code
   * effectiveFrom} ({@code invalid_date_range} otherwise), {@code reason} non-blank free text of at
   * most {@value #MAX_REASON_LENGTH} characters. Returns the correction, or null when the document
   * has none or it is invalid.
   *
   * @param effectiveFrom the version's, or null when it is invalid (then the order is not checked)
   */
  CatalogCorrection correction(CatalogDocument.CorrectionJson correction, Instant effectiveFrom) {
    if (correction == null) {
      return null;
    }
    Instant until = instant(correction.effectiveUntil(), "$.correction.effectiveUntil");
    if (until != null && effectiveFrom != null && !until.isAfter(effectiveFrom)) {
      error(
          INVALID_DATE_RANGE,
          "$.correction.effectiveUntil",
          "effectiveUntil "
              + until
              + " must be after effectiveFrom "
              + effectiveFrom
              + " (effectiveUntil is exclusive)");
      until = null;
    }
    boolean reason =
        v.requireFreeText(correction.reason(), "$.correction.reason", MAX_REASON_LENGTH);
    return until == null || !reason ? null : new CatalogCorrection(until, correction.reason());
  }

  private Instant instant(String value, String path) {
    if (!v.requireText(value, path)) {
      return null;
    }
    Instant parsed;
    try {
      parsed = Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        parsed = OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        error(INVALID_INSTANT, path, "not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        return null;
      }
    }
    if (!PlausibleDates.isPlausible(parsed)) {
      error(INVALID_INSTANT, path, "instants must lie in the years 2000 to 2099");
      return null;
    }
    return parsed;
  }
}
