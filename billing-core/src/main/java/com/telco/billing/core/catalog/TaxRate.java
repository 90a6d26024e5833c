package com.telco.billing.core.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A tax rate for one (jurisdiction, tax category), valid on the dates {@code [validFrom, validTo)}.
 *
 * <p>docs/billing-rules.md, "Tax": rates are keyed by (jurisdiction, tax category) with effective
 * dates; an invoice uses the rates in effect on its issue date; {@code tax = HALF_UP(sum of the
 * rounded net lines at that rate * rate)}. {@code validTo} is exclusive: the first date the rate no
 * longer applies. Equality is numeric.
 *
 * @param jurisdiction the jurisdiction key (e.g. {@code DE}), matching the account's
 * @param taxCategory the tax category of the charges it applies to (e.g. {@code STANDARD})
 * @param rate the rate as a fraction in {@code [0, 1]} (0.19 for 19 %)
 * @param validFrom the first date it applies
 * @param validTo the first date it no longer applies, or {@code null} when open-ended
 */
public record TaxRate(
    String jurisdiction,
    String taxCategory,
    BigDecimal rate,
    LocalDate validFrom,
    LocalDate validTo) {
  public TaxRate {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(validFrom, "validFrom");
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("tax rate outside [0, 1]: " + rate);
    }
    if (validTo != null && !validTo.isAfter(validFrom)) {
      throw new IllegalArgumentException("validTo " + validTo + " not after " + validFrom);
    }
  }

  /** Whether the rate applies on {@code date}. */
  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
  }

  /** Whether both rates are for the same (jurisdiction, category) and share a date. */
  public boolean overlaps(TaxRate other) {
    return jurisdiction.equals(other.jurisdiction)
        && taxCategory.equals(other.taxCategory)
        && (other.validTo == null || validFrom.isBefore(other.validTo))
        && (validTo == null || other.validFrom.isBefore(validTo));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaxRate other
        && jurisdiction.equals(other.jurisdiction)
        && taxCategory.equals(other.taxCategory)
        && Decimals.same(rate, other.rate)
        && validFrom.equals(other.validFrom)
        && Objects.equals(validTo, other.validTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jurisdiction, taxCategory, Decimals.hash(rate), validFrom, validTo);
  }
}
