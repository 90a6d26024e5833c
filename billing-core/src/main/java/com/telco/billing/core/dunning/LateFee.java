package com.telco.billing.core.dunning;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * The late fee of a dunning policy (docs/billing-rules.md, "Dunning"): a fixed amount per currency
 * or a percentage of the overdue amount (HALF_UP to minor units), billed with {@code taxCategory}.
 *
 * @param fixed the fixed amount per currency; empty for a percentage fee
 * @param percent the percentage of the overdue amount (e.g. {@code 2.5}); {@code null} for a fixed
 *     fee
 * @param taxCategory the tax category of the fee's invoice line
 * @param description the text of the fee's invoice line
 */
public record LateFee(
    Map<Currency, BigDecimal> fixed, BigDecimal percent, String taxCategory, String description) {
  public LateFee {
    fixed = Map.copyOf(fixed);
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(description, "description");
  }

  public boolean isPercentage() {
    return percent != null;
  }
}
