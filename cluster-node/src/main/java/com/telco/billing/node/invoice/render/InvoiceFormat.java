package com.telco.billing.node.invoice.render;

import com.telco.billing.core.invoice.LineType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The textual forms shared by the JSON, HTML and PDF renderings: plain decimals (no grouping, no
 * locale), ISO dates.
 */
final class InvoiceFormat {
  private InvoiceFormat() {}

  /** The dash between the first and the last date of a period. */
  static final String DASH = "\u2013";

  /**
   * An amount with exactly the currency's minor units ({@code Currency#getDefaultFractionDigits}:
   * EUR 2, JPY 0, BHD 3). Amounts are already rounded by the calculator; HALF_UP here only fixes
   * the scale (e.g. {@code 12.5} to {@code 12.50}).
   */
  static String amount(BigDecimal value, Currency currency) {
    return amountValue(value, currency).toPlainString();
  }

  /** {@link #amount} as the decimal itself (scale: the currency's minor units). */
  static BigDecimal amountValue(BigDecimal value, Currency currency) {
    return value.setScale(minorUnits(currency), RoundingMode.HALF_UP);
  }

  /** A unit price: at least the currency's minor units, more when the catalog price has them. */
  static String unitPrice(BigDecimal value, Currency currency) {
    return unitPriceValue(value, currency).toPlainString();
  }

  /** {@link #unitPrice} as the decimal itself. */
  static BigDecimal unitPriceValue(BigDecimal value, Currency currency) {
    int scale = Math.max(minorUnits(currency), value.stripTrailingZeros().scale());
    return value.setScale(scale, RoundingMode.UNNECESSARY);
  }

  /** A decimal without trailing zeros ({@code 31}, {@code 1.5}, {@code 0.19}). */
  static String decimal(BigDecimal value) {
    return decimalValue(value).toPlainString();
  }

  /** {@link #decimal} as the decimal itself (scale 0 or more). */
  static BigDecimal decimalValue(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** A tax rate as a percentage: {@code 0.19} is {@code 19 %}, {@code 0.075} is {@code 7.5 %}. */
  static String percent(BigDecimal rate) {
    return decimal(rate.movePointRight(2)) + " %";
  }

  static int minorUnits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /**
   * A service period {@code [start, end)} as its first and last dates, both inclusive: {@code
   * 2025-02-01 – 2025-02-28}; a one-day period is its one date.
   */
  static String inclusivePeriod(LocalDate start, LocalDate endExclusive) {
    LocalDate last = endExclusive.minusDays(1);
    if (!last.isAfter(start)) {
      return start.toString();
    }
    return start + " " + DASH + " " + last;
  }

  /** The JSON form of a line type: {@code recurring}, {@code oneTime}, {@code lateUsage}, ... */
  static String typeCode(LineType type) {
    return switch (type) {
      case RECURRING -> "recurring";
      case ONE_TIME -> "oneTime";
      case USAGE -> "usage";
      case LATE_USAGE -> "lateUsage";
      case DISCOUNT -> "discount";
      case ADJUSTMENT -> "adjustment";
    };
  }

  /** The printed form of a line type. */
  static String typeLabel(LineType type) {
    return switch (type) {
      case RECURRING -> "Recurring";
      case ONE_TIME -> "One-time";
      case USAGE -> "Usage";
      case LATE_USAGE -> "Late usage";
      case DISCOUNT -> "Discount";
      case ADJUSTMENT -> "Adjustment";
    };
  }
}
