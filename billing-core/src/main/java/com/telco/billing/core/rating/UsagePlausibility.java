package com.telco.billing.core.rating;

import com.telco.billing.core.catalog.UnitOfMeasure;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The largest quantity one usage record may plausibly carry, in base units (docs/input-contract.md,
 * "Usage records"): a record beyond it is refused as {@link RatingReasons#IMPLAUSIBLE_QUANTITY}
 * instead of being charged. A mediation fault that writes 2,147,483,648 SMS into one record must
 * not become a EUR 622 million line.
 *
 * <p>A usage type may have its own cap ({@code VOICE} at most 4 hours, say); otherwise the cap of
 * its base unit applies. The defaults: 24 hours of time (mediation splits longer calls into partial
 * records), 1,000 events (one record per message or session, a few bundled at most) and 100 GB of
 * data.
 *
 * @param perUnit the cap of each base unit; every unit has one
 * @param perUsageType caps of single usage types, which win over their unit's
 */
public record UsagePlausibility(
    Map<UnitOfMeasure, BigDecimal> perUnit, Map<String, BigDecimal> perUsageType) {

  /** The caps without configuration. */
  public static final UsagePlausibility DEFAULT =
      new UsagePlausibility(
          Map.of(
              UnitOfMeasure.SECOND, new BigDecimal("86400"),
              UnitOfMeasure.EVENT, new BigDecimal("1000"),
              UnitOfMeasure.BYTE, new BigDecimal("100000000000")),
          Map.of());

  public UsagePlausibility {
    Objects.requireNonNull(perUnit, "perUnit");
    Objects.requireNonNull(perUsageType, "perUsageType");
    EnumMap<UnitOfMeasure, BigDecimal> units = new EnumMap<>(UnitOfMeasure.class);
    units.putAll(perUnit);
    for (UnitOfMeasure unit : UnitOfMeasure.values()) {
      BigDecimal cap = units.get(unit);
      if (cap == null || cap.signum() <= 0) {
        throw new IllegalArgumentException("every base unit needs a positive cap: " + unit);
      }
    }
    for (Map.Entry<String, BigDecimal> e : perUsageType.entrySet()) {
      if (e.getValue() == null || e.getValue().signum() <= 0) {
        throw new IllegalArgumentException("caps must be positive: " + e.getKey());
      }
    }
    perUnit = Map.copyOf(units);
    perUsageType = Map.copyOf(perUsageType);
  }

  /** The cap, in base units of {@code unit}, of a record of {@code usageType}. */
  public BigDecimal maxBaseQuantity(String usageType, UnitOfMeasure unit) {
    BigDecimal own = usageType == null ? null : perUsageType.get(usageType);
    return own != null ? own : perUnit.get(unit);
  }
}
