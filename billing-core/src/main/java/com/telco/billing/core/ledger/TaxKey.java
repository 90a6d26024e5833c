package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What keys a tax payable account: jurisdiction, tax category and rate (docs/billing-rules.md,
 * "Tax": rates by jurisdiction and tax category). The rate is kept without trailing zeros so that
 * {@code 0.19} and {@code 0.190} are the same key.
 *
 * @param jurisdiction e.g. {@code DE}
 * @param taxCategory e.g. {@code telecom}
 * @param rate the rate as a fraction (0.19 for 19 %)
 */
public record TaxKey(String jurisdiction, String taxCategory, BigDecimal rate) {
  public TaxKey {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(rate, "rate");
    rate = rate.signum() == 0 ? BigDecimal.ZERO : rate.stripTrailingZeros();
  }

  /** A key from a rate written as text, e.g. {@code of("DE", "telecom", "0.19")}. */
  public static TaxKey of(String jurisdiction, String taxCategory, String rate) {
    return new TaxKey(jurisdiction, taxCategory, new BigDecimal(rate));
  }
}
