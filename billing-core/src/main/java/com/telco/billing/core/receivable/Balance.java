package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where an account stands on a date (docs/billing-rules.md, Payments): what its open invoices owe,
 * the part past due, the days past due of the oldest invoice past due and unpaid, its unallocated
 * credit, and the balance (receivable less credit).
 *
 * @param asOf the date, in the account's zone
 * @param receivable sum of the open invoices' remaining amounts
 * @param overdue sum of the remaining amounts of the invoices past due
 * @param daysPastDue calendar days from the due date of the oldest invoice past due to {@code
 *     asOf}; 0 when none is
 * @param oldestPastDue the number of that invoice, or {@code null}
 * @param unallocatedCredit money received and not allocated
 * @param balance {@code receivable - unallocatedCredit}
 */
public record Balance(
    LocalDate asOf,
    BigDecimal receivable,
    BigDecimal overdue,
    long daysPastDue,
    String oldestPastDue,
    BigDecimal unallocatedCredit,
    BigDecimal balance) {

  /** The balance of {@code receivables} on {@code today} (a date of the account's zone). */
  public static Balance of(Receivables receivables, LocalDate today) {
    BigDecimal overdue = receivables.scaled(BigDecimal.ZERO);
    OpenItem oldest = null;
    for (OpenItem item : receivables.items()) {
      if (item.isPastDue(today)) {
        overdue = overdue.add(item.remaining());
        if (oldest == null || Receivables.OLDEST_FIRST.compare(item, oldest) < 0) {
          oldest = item;
        }
      }
    }
    BigDecimal receivable = receivables.receivable();
    BigDecimal credit = receivables.unallocatedCredit();
    return new Balance(
        today,
        receivable,
        overdue,
        oldest == null ? 0 : ChronoUnit.DAYS.between(oldest.dueDate(), today),
        oldest == null ? null : oldest.number(),
        credit,
        receivable.subtract(credit));
  }
}
