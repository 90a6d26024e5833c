package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.INVALID_INSTANT;

import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The document's top-level fields {@code $.version} and {@code $.effectiveFrom} (docs/catalog.md,
 * "Top level"). docs/billing-rules.md, "Catalog": a version has an id and the instant it takes
 * effect from.
 */
final class HeaderSection extends CatalogSection {
  HeaderSection(Validator v) {
    super(v);
  }

  /** Checks {@code $.version} and returns {@code $.effectiveFrom}, or null when it is invalid. */
  Instant effectiveFrom(CatalogDocument doc) {
    id(doc.version(), "$.version");
    return instant(doc.effectiveFrom(), "$.effectiveFrom");
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
