package com.telco.billing.core.invoice;

import java.math.BigDecimal;

/**
 * Proration by the day and the pro rata credit of charged days.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": a partial charge is {@code
 * amount * chargedDays / daysInBillPeriod}, rounded once HALF_UP. Project choice
 * (docs/invoicing.md, "Recurring charges: one reconciliation for everything"): a credit of {@code
 * k} more days of a charged line of {@code N} days, of which {@code c} were credited before, is
 * {@code HALF_UP(amount * (c + k) / N) - HALF_UP(amount * c / N)} with the opposite sign, so all
 * credits of a line add up exactly to the line.
 */
final class Proration {
  private Proration() {}

  /**
   * {@code HALF_UP(amount * days / daysInPeriod)} to {@code minorUnits}, from the exact quotient.
   */
  static BigDecimal prorate(BigDecimal amount, long days, long daysInPeriod, int minorUnits) {
    return amount
        .multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(daysInPeriod), minorUnits, InvoiceContext.HALF_UP);
  }

  /**
   * The credit that takes the credited days of a line of {@code amount} for {@code days} days from
   * {@code before} to {@code after}: {@code -(HALF_UP(amount * after / days) - HALF_UP(amount *
   * before / days))}.
   */
  static BigDecimal creditShare(
      BigDecimal amount, long before, long after, long days, int minorUnits) {
    BigDecimal upTo = prorate(amount, after, days, minorUnits);
    BigDecimal already = prorate(amount, before, days, minorUnits);
    return upTo.subtract(already).negate();
  }
}
