package com.telco.billing.core.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The base unit in which a usage type's quantities are counted. docs/billing-rules.md, "Rating a
 * usage record": a record's quantity {@code q} is in the usage type's base unit (seconds, bytes,
 * events); increments, minimums, unit sizes, allowances and tier bounds use the same unit.
 */
public enum UnitOfMeasure {
  SECOND,
  EVENT,
  BYTE;

  /** The unit named exactly as in the catalog document ({@code "SECOND"}), if any. */
  public static Optional<UnitOfMeasure> fromJson(String value) {
    return Arrays.stream(values()).filter(u -> u.name().equals(value)).findFirst();
  }
}
