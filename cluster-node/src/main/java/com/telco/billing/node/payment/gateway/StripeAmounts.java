package com.telco.billing.node.payment.gateway;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

/**
 * Amounts as the gateway's API reads them: Stripe's "smallest currency unit", which is not always
 * ISO 4217's minor unit. Zero-decimal currencies (JPY, KRW, UGX, MGA, ...) are sent as they are;
 * the three-decimal ones (BHD, JOD, KWD, OMR, TND) in thousandths, whose last digit must be 0; ISK
 * (no minor unit in ISO 4217) in hundredths; every other currency in its ISO 4217 minor units.
 */
public final class StripeAmounts {
  private StripeAmounts() {}

  static final Set<String> ZERO_DECIMAL =
      Set.of(
          "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
          "XAF", "XOF", "XPF");

  static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

  /** The decimal places of {@code currency} in the gateway's amounts. */
  public static int exponent(Currency currency) {
    String code = currency.getCurrencyCode();
    if (ZERO_DECIMAL.contains(code)) {
      return 0;
    }
    if (THREE_DECIMAL.contains(code)) {
      return 3;
    }
    if (code.equals("ISK")) {
      return 2;
    }
    return currency.getDefaultFractionDigits();
  }

  /**
   * {@code amount} in the gateway's units.
   *
   * @throws ArithmeticException when the gateway cannot take it exactly (a fraction of its unit, a
   *     three-decimal amount not ending in 0)
   */
  public static long toGateway(BigDecimal amount, Currency currency) {
    long units = amount.movePointRight(exponent(currency)).longValueExact();
    if (THREE_DECIMAL.contains(currency.getCurrencyCode()) && units % 10 != 0) {
      throw new ArithmeticException(
          currency.getCurrencyCode() + " amounts must be whole hundredths at the gateway");
    }
    return units;
  }

  /** An amount in the gateway's units as a decimal of {@code currency}'s minor units. */
  public static BigDecimal fromGateway(long units, Currency currency) {
    return BigDecimal.valueOf(units, exponent(currency))
        .setScale(
            Math.max(0, currency.getDefaultFractionDigits()), java.math.RoundingMode.UNNECESSARY);
  }
}
