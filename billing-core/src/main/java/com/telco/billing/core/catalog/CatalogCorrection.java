package com.telco.billing.core.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * What makes a {@link CatalogVersion} a correction version: it replaces the usage prices of the
 * past interval {@code [effectiveFrom, effectiveUntil)} and says why.
 *
 * <p>docs/billing-rules.md, "Catalog": a correction version reprices usage of a past interval and
 * is recorded with who published it and why; recurring and one-time charges and tax rates stay
 * those of the ordinary versions. The rules of publication are {@link
 * CatalogValidator#validateAgainstHistory}'s; docs/catalog.md, "Correction versions".
 *
 * @param effectiveUntil the end of the corrected interval (exclusive), after the version's {@code
 *     effectiveFrom}
 * @param reason why the prices are corrected: non-blank text
 */
public record CatalogCorrection(Instant effectiveUntil, String reason) {
  public CatalogCorrection {
    Objects.requireNonNull(effectiveUntil, "effectiveUntil");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a correction needs a reason");
    }
  }
}
