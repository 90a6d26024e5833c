package com.telco.billing.core.rerating;

import com.telco.billing.core.rating.RatedUsage;
import java.time.Instant;
import java.util.Objects;

/**
 * Which rated records a re-rating job rates again (docs/rerating.md): those whose usage date lies
 * in {@code [from, to)} and, when {@code offeringId} is given, that were rated by a charge of that
 * offering.
 *
 * @param from the first usage instant selected
 * @param to the first usage instant after the range, after {@code from}
 * @param offeringId the offering whose records are selected, or {@code null} for every record of
 *     the range
 */
public record RerateSelection(Instant from, Instant to, String offeringId) {

  public RerateSelection {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the range ends at or before it starts");
    }
  }

  /** Whether {@code rated} is one of the records to rate again. */
  public boolean selects(RatedUsage rated) {
    return !rated.usageDate().isBefore(from)
        && rated.usageDate().isBefore(to)
        && (offeringId == null || offeringId.equals(rated.offeringId()));
  }
}
