package com.telco.billing.core.rerating;

import java.util.List;

/**
 * What rating an account's records again found (docs/rerating.md).
 *
 * @param selected how many records the selection chose
 * @param changed the selected records whose rating changed, in journal order
 * @param unratable the selected records the catalog no longer rates, with why; they keep their
 *     rating
 */
public record RerateOutcome(long selected, List<ReratedRecord> changed, List<Unratable> unratable) {

  public RerateOutcome {
    changed = List.copyOf(changed);
    unratable = List.copyOf(unratable);
  }

  /**
   * A selected record that could not be rated again.
   *
   * @param recordId the record's id
   * @param reason the rating reason code ({@code no_catalog_version}, {@code no_subscription}, ...)
   */
  public record Unratable(String recordId, String reason) {}
}
