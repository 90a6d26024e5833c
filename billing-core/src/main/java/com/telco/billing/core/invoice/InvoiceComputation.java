package com.telco.billing.core.invoice;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link InvoiceCalculator#compute}: the invoice draft and the billing history as it
 * is once the draft is issued (or skipped as a zero invoice: the period is closed either way).
 *
 * @param draft the invoice
 * @param historyAfter the history to persist with the issued invoice
 * @param uncorrected what the invoice could not correct (changes before its window, days no catalog
 *     version prices), for revenue assurance; persist it with the closed period
 */
public record InvoiceComputation(
    InvoiceDraft draft, BillingHistory historyAfter, List<UncorrectedChange> uncorrected) {
  public InvoiceComputation {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(historyAfter, "historyAfter");
    uncorrected = List.copyOf(uncorrected);
  }
}
