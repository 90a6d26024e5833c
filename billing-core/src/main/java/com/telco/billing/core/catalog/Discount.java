package com.telco.billing.core.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A percentage off one recurring charge of the offering, for the first {@code periods} bill periods
 * the subscription is charged for.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": a partial first period
 * counts as the first; shown as its own line {@code discount = -HALF_UP(rounded recurring line *
 * percentage)}, before tax (so it is taxed, negatively, by the recurring charge's tax category);
 * "Ledger": posted to {@code glCode}. Equality is numeric.
 *
 * @param id the discount id, unique among the charge and discount ids of its catalog version
 * @param name what the discount line says
 * @param percentage the percentage off, in {@code (0, 100]} (50 means half)
 * @param periods the number of first bill periods it applies to, {@code >= 1}
 * @param appliesTo the id of the recurring charge of the same offering it reduces
 * @param glCode the general ledger account of the discount line (the recurring charge's when the
 *     document names none)
 */
public record Discount(
    String id, String name, BigDecimal percentage, int periods, String appliesTo, String glCode) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Discount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(percentage, "percentage");
    Objects.requireNonNull(appliesTo, "appliesTo");
    Objects.requireNonNull(glCode, "glCode");
    if (percentage.signum() <= 0 || percentage.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("percentage outside (0, 100]: " + percentage);
    }
    if (periods < 1) {
      throw new IllegalArgumentException("periods < 1: " + periods);
    }
  }

  /** The percentage as a fraction (50 becomes 0.50), exact: the factor of the discount rule. */
  public BigDecimal fraction() {
    return percentage.movePointLeft(2);
  }

  /**
   * Whether the discount applies in the {@code n}-th bill period the subscription is charged for
   * (1-based; a partial first period is period 1).
   */
  public boolean appliesInPeriod(int n) {
    return n >= 1 && n <= periods;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Discount other
        && id.equals(other.id)
        && name.equals(other.name)
        && Decimals.same(percentage, other.percentage)
        && periods == other.periods
        && appliesTo.equals(other.appliesTo)
        && glCode.equals(other.glCode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, Decimals.hash(percentage), periods, appliesTo, glCode);
  }
}
