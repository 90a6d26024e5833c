package com.telco.billing.core.ledger;

import java.math.BigDecimal;

/** Amount checks of the ledger (docs/billing-rules.md, "Money"). */
final class LedgerAmounts {
  private LedgerAmounts() {}

  /** Whether {@code amount} has no digit below the currency's minor units. */
  static boolean atMinorUnits(BigDecimal amount, int minor) {
    return amount.signum() == 0 || amount.stripTrailingZeros().scale() <= minor;
  }

  static BigDecimal requireMinorUnits(BigDecimal amount, int minor, String what) {
    if (!atMinorUnits(amount, minor)) {
      throw new IllegalArgumentException(what + " not in minor units: " + amount.toPlainString());
    }
    return amount;
  }

  static BigDecimal requireNotNegative(BigDecimal amount, String what) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(what + " below zero: " + amount.toPlainString());
    }
    return amount;
  }
}
