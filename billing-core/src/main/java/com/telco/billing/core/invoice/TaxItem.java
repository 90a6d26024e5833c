package com.telco.billing.core.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The tax of an invoice at one rate (docs/billing-rules.md, "Tax": Tax is computed per invoice and
 * per rate: {@code tax = HALF_UP(sum of the rounded net lines at that rate * rate)}). Lines of two
 * tax categories that have the same rate share one item, so {@code taxCategories} lists them all.
 * Equality is numeric.
 *
 * @param taxCategories the tax categories taxed at this rate, sorted
 * @param rate the rate as a fraction (0.19 for 19 %), in effect on the issue date
 * @param taxableAmount the sum of the rounded net lines at this rate (credits and discounts reduce
 *     it)
 * @param taxAmount {@code HALF_UP(taxableAmount * rate)} to the currency's minor units
 */
public record TaxItem(
    List<String> taxCategories, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount) {

  public TaxItem {
    taxCategories = List.copyOf(taxCategories);
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(taxableAmount, "taxableAmount");
    Objects.requireNonNull(taxAmount, "taxAmount");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaxItem other
        && taxCategories.equals(other.taxCategories)
        && Amounts.same(rate, other.rate)
        && Amounts.same(taxableAmount, other.taxableAmount)
        && Amounts.same(taxAmount, other.taxAmount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        taxCategories, Amounts.hash(rate), Amounts.hash(taxableAmount), Amounts.hash(taxAmount));
  }
}
