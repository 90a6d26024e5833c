package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Part of a receipt applied to one invoice.
 *
 * @param invoiceNumber the invoice
 * @param amount the amount applied (positive)
 * @param date the date it was applied
 * @param seq the account-wide order in which allocations were made (a refund reverses the newest
 *     first)
 */
public record Allocation(String invoiceNumber, BigDecimal amount, LocalDate date, long seq) {
  public Allocation {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(date, "date");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("an allocation is positive");
    }
  }
}
