package com.telco.billing.core.dunning;

import com.telco.billing.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * The amount of a late fee (docs/billing-rules.md, "Dunning": a fixed amount or a percentage of the
 * overdue amount, HALF_UP to minor units; billed at most once per episode).
 */
public final class LateFees {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private LateFees() {}

  /**
   * The late fee {@code fee} charges an account in {@code currency} whose overdue amount is {@code
   * overdue}, rounded HALF_UP to the currency's minor units ({@link Money#roundToMinorUnits()}):
   * for a percentage fee {@code overdue * percent / 100}, else the fixed amount of {@code
   * currency}.
   *
   * @return empty when nothing is charged: no fee ({@code null}), a fixed fee without an amount in
   *     {@code currency}, or an amount that is not above zero once rounded
   */
  public static Optional<BigDecimal> amount(LateFee fee, Currency currency, BigDecimal overdue) {
    if (fee == null) {
      return Optional.empty();
    }
    BigDecimal exact;
    if (fee.isPercentage()) {
      exact = overdue.multiply(fee.percent()).divide(HUNDRED);
    } else {
      exact = fee.fixed().get(currency);
      if (exact == null) {
        return Optional.empty();
      }
    }
    BigDecimal rounded = Money.of(exact, currency).roundToMinorUnits().amount();
    return rounded.signum() > 0 ? Optional.of(rounded) : Optional.empty();
  }
}
