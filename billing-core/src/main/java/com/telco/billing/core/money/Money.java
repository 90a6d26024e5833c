package com.telco.billing.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency.
 *
 * <p>docs/billing-rules.md, "Money": amounts are {@link BigDecimal}, never {@code double}; a
 * currency's minor units come from {@link Currency#getDefaultFractionDigits()} (EUR 2, JPY 0, BHD
 * 3); rated usage is kept unrounded at scale 6 ({@link #toRatingScale()}); invoice lines are
 * rounded once to the minor units with HALF_UP ({@link #roundToMinorUnits()}).
 *
 * <p>Equality is numeric: {@code 1.50 EUR} equals {@code 1.5 EUR}. {@link BigDecimal#equals} is
 * never used because it also compares scales.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /** Scale at which rated usage amounts are kept before they land on an invoice line. */
  public static final int RATING_SCALE = 6;

  /** The one rounding mode of the billing rules. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  /**
   * @throws IllegalArgumentException if the currency has no minor units (e.g. XXX, gold)
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException(
          "currency " + currency.getCurrencyCode() + " has no minor units and cannot be billed");
    }
  }

  /** Money from a decimal string such as {@code "12.34"} and a currency code such as "EUR". */
  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** Number of minor-unit digits of the currency (EUR 2, JPY 0, BHD 3). */
  public int minorUnits() {
    return currency.getDefaultFractionDigits();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /**
   * Exact product; round afterwards with {@link #roundToMinorUnits()} or {@link #toRatingScale()}.
   */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  /** Rounded once to the currency's minor units, HALF_UP: the rule for every invoice line. */
  public Money roundToMinorUnits() {
    return new Money(amount.setScale(minorUnits(), ROUNDING), currency);
  }

  /** Rounded HALF_UP to scale 6, the scale at which rated usage amounts are kept. */
  public Money toRatingScale() {
    return new Money(amount.setScale(RATING_SCALE, ROUNDING), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** Numeric comparison within one currency. */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money other
        && currency.equals(other.currency)
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        currency, amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros());
  }

  /** E.g. {@code "12.30 EUR"}, with the scale the amount has. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency.getCurrencyCode() + " vs " + other.currency);
    }
  }
}
