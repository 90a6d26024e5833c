package com.telco.billing.core.dunning;

import java.math.BigDecimal;

/**
 * Numeric equality for the dunning records that hold a {@link BigDecimal} (docs/billing-rules.md,
 * "Money": compare with {@code compareTo}, never {@code equals}, which also compares scales).
 */
final class Decimals {
  private Decimals() {}

  static boolean same(BigDecimal a, BigDecimal b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.compareTo(b) == 0;
  }

  static int hash(BigDecimal d) {
    return d == null ? 0 : d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
  }
}
