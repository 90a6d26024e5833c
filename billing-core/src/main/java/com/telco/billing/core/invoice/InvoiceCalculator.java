package com.telco.billing.core.invoice;

import java.util.Optional;

/**
 * The invoice of one account and one cycle date, computed purely from the account, its
 * subscriptions, the catalog, its usage lines and its billing history (BILLING-RULES.md, "Recurring
 * and one-time charges; proration", "Tax", "Invoices"; docs/invoicing.md).
 */
public final class InvoiceCalculator {

  /**
   * How far back (days before the cycle date) usage lines are looked at for late usage, and how
   * long the history keeps the usage totals it billed: maxUsageAge (45 days) plus the longest bill
   * period (31 days) plus 24 days of slack for a late bill run.
   */
  public static final int LATE_USAGE_HORIZON_DAYS = 100;

  /** Refusal code: the date is not one of the account's cycle dates. */
  public static final String NOT_A_CYCLE_DATE = "not_a_cycle_date";

  /** Refusal code: the period ending on the cycle date is already invoiced. */
  public static final String ALREADY_INVOICED = "period_already_invoiced";

  /** Refusal code: a period between the last invoice and this cycle date is not invoiced yet. */
  public static final String PERIOD_SKIPPED = "period_skipped";

  private InvoiceCalculator() {}

  /**
   * Why {@code request} cannot be computed, as a stable code ({@link #NOT_A_CYCLE_DATE}, {@link
   * #ALREADY_INVOICED}, {@link #PERIOD_SKIPPED}), or empty when it can.
   */
  public static Optional<String> refusal(InvoiceRequest request) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * The invoice of {@code request.cycleDate()} and the history after it.
   *
   * @throws IllegalArgumentException when {@link #refusal} names a reason (the message starts with
   *     the code), or when the data cannot be billed (a price or tax rate missing, an offering not
   *     in the catalog version)
   */
  public static InvoiceComputation compute(InvoiceRequest request) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
