package com.telco.billing.core.catalog;

import java.util.Objects;

/**
 * A usage type the catalog version declares (e.g. {@code VOICE} in seconds, {@code SMS} in events,
 * {@code DATA} in bytes, or any other). docs/billing-rules.md, "Records that are refused or held":
 * a usage record of a type the catalog does not know is invalid.
 *
 * @param id the usage type id that usage records carry
 * @param unitOfMeasure the base unit of its quantities
 */
public record UsageType(String id, UnitOfMeasure unitOfMeasure) {
  public UsageType {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unitOfMeasure, "unitOfMeasure");
  }
}
