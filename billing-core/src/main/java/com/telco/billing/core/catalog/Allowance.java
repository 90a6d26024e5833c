package com.telco.billing.core.catalog;

/**
 * The quantity included in a usage charge, in the usage type's base unit (e.g. 100 minutes = 6000
 * seconds).
 *
 * <p>docs/billing-rules.md, "Rating a usage record", step 4: per subscription, per usage type and
 * per bill period, consumed first in rating order; the full amount in every period, including a
 * partial first period (never prorated).
 *
 * @param quantity included base units per bill period, {@code >= 0}
 */
public record Allowance(long quantity) {

  /** No included quantity. */
  public static final Allowance NONE = new Allowance(0);

  public Allowance {
    if (quantity < 0) {
      throw new IllegalArgumentException("negative allowance: " + quantity);
    }
  }
}
