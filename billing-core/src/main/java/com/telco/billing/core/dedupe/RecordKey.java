package com.telco.billing.core.dedupe;

import java.util.Objects;

/**
 * What identifies a usage record for duplicate detection: its {@code id} scoped by its {@code
 * source} (docs/billing-rules.md, "Records that are refused or held": a record whose id (scoped by
 * its {@code source}) was already accepted is acknowledged as a duplicate).
 *
 * @param source the mediation feed that sent the record
 * @param id the record's id within {@code source}
 */
public record RecordKey(String source, String id) {
  public RecordKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }

  /** The 112-bit fingerprint the {@link DedupeWindow} remembers for this key. */
  public Fingerprint fingerprint() {
    return Fingerprint.of(source, id);
  }
}
