package com.telco.billing.node.payment.collection;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code collections_due}: the invoice {@code invoiceNumber} of {@code accountId} is to
 * be collected on {@code collectOn} (asked with {@code CollectDue} on that date or the first round
 * after it).
 */
public record DueRow(LocalDate collectOn, String accountId, String invoiceNumber) {
  public DueRow {
    Objects.requireNonNull(collectOn, "collectOn");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
  }

  /** The same invoice, due on {@code date}. */
  public DueRow on(LocalDate date) {
    return new DueRow(date, accountId, invoiceNumber);
  }
}
