package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An issued invoice as an open item of accounts receivable (docs/billing-rules.md, Payments).
 *
 * @param number the invoice number
 * @param issueDate the issue date (allocation order: issue date, then number)
 * @param dueDate the due date
 * @param total the tax-included total (negative totals create credit and are settled at once)
 * @param creditApplied the unallocated credit applied to it when it was issued
 * @param remaining what is still owed, {@code 0 <= remaining <= max(total, 0)}
 */
public record OpenItem(
    String number,
    LocalDate issueDate,
    LocalDate dueDate,
    BigDecimal total,
    BigDecimal creditApplied,
    BigDecimal remaining) {

  public OpenItem {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(creditApplied, "creditApplied");
    Objects.requireNonNull(remaining, "remaining");
    if (remaining.signum() < 0) {
      throw new IllegalArgumentException("remaining below zero on " + number);
    }
    if (remaining.compareTo(total.max(BigDecimal.ZERO)) > 0) {
      throw new IllegalArgumentException("remaining above the total on " + number);
    }
  }

  /** {@code sent} while nothing is allocated, {@code partiallyPaid}, {@code settled} at zero. */
  public ItemState state() {
    if (remaining.signum() == 0) {
      return ItemState.SETTLED;
    }
    return remaining.compareTo(total) == 0 ? ItemState.SENT : ItemState.PARTIALLY_PAID;
  }

  public boolean isOpen() {
    return remaining.signum() > 0;
  }

  /** Past due on {@code today}: still owed and its due date has passed. */
  public boolean isPastDue(LocalDate today) {
    return isOpen() && today.isAfter(dueDate);
  }

  /** What the customer had to pay after the credit applied at issue. */
  public BigDecimal amountDue() {
    return total.subtract(creditApplied);
  }

  OpenItem withRemaining(BigDecimal next) {
    return new OpenItem(number, issueDate, dueDate, total, creditApplied, next);
  }

  OpenItem withCreditApplied(BigDecimal credit) {
    return new OpenItem(number, issueDate, dueDate, total, credit, remaining);
  }
}
