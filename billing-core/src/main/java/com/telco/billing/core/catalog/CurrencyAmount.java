package com.telco.billing.core.catalog;

import com.telco.billing.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * One catalog amount in one currency: a price list holds one per currency (docs/billing-rules.md,
 * "Money": a catalog price list exists per currency). Amounts are never negative; they keep the
 * scale they were published with (a usage unit price may have more decimals than the currency's
 * minor units). Equality is numeric.
 *
 * @param currency an ISO 4217 currency with minor units
 * @param amount the amount, {@code >= 0}
 */
public record CurrencyAmount(Currency currency, BigDecimal amount) {
  public CurrencyAmount {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative catalog amount: " + amount);
    }
  }

  /** This amount as {@link Money}. */
  public Money toMoney() {
    return Money.of(amount, currency);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CurrencyAmount other
        && currency.equals(other.currency)
        && Decimals.same(amount, other.amount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(currency, Decimals.hash(amount));
  }
}
