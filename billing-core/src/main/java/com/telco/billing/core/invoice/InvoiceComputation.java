package com.telco.billing.core.invoice;

import java.util.Objects;

/**
 * The result of {@link InvoiceCalculator#compute}: the invoice draft and the billing history as it
 * is once the draft is issued (or skipped as a zero invoice: the period is closed either way).
 *
 * @param draft the invoice
 * @param historyAfter the history to persist with the issued invoice
 */
public record InvoiceComputation(InvoiceDraft draft, BillingHistory historyAfter) {
  public InvoiceComputation {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(historyAfter, "historyAfter");
  }
}
