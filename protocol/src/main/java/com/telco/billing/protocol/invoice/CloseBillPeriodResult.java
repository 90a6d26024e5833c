package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;

/**
 * What an account answers when asked to close a bill period.
 *
 * @param status what happened
 * @param seriesId with {@link Status#NUMBER_NEEDED}: the invoice number series to ask
 * @param requestKey with {@link Status#NUMBER_NEEDED}: the key to ask the number for (account and
 *     period; the series answers the same number for the same key)
 * @param invoice with {@link Status#INVOICED}: the invoice issued for the period
 * @param reason with {@link Status#SKIPPED}: why no invoice was issued
 * @param openCycleDate with {@link Status#EARLIER_PERIOD_OPEN}: the cycle date to close first
 */
public record CloseBillPeriodResult(
    Status status,
    String seriesId,
    String requestKey,
    IssuedInvoice invoice,
    String reason,
    java.time.LocalDate openCycleDate)
    implements CborSerializable {

  public enum Status {
    /** The invoice has lines: it needs a number, then {@code IssueInvoice}. */
    NUMBER_NEEDED,
    /** The period is invoiced (now or before). */
    INVOICED,
    /** The period is closed without an invoice (e.g. nothing to bill). */
    SKIPPED,
    /**
     * An earlier period of the account is not closed yet (its run missed the account, or failed for
     * it): periods are invoiced in order, so {@code openCycleDate} must be closed first.
     */
    EARLIER_PERIOD_OPEN
  }

  public static CloseBillPeriodResult numberNeeded(String seriesId, String requestKey) {
    return new CloseBillPeriodResult(Status.NUMBER_NEEDED, seriesId, requestKey, null, null, null);
  }

  public static CloseBillPeriodResult invoiced(IssuedInvoice invoice) {
    return new CloseBillPeriodResult(Status.INVOICED, null, null, invoice, null, null);
  }

  public static CloseBillPeriodResult skipped(String reason) {
    return new CloseBillPeriodResult(Status.SKIPPED, null, null, null, reason, null);
  }

  public static CloseBillPeriodResult earlierPeriodOpen(java.time.LocalDate openCycleDate) {
    return new CloseBillPeriodResult(
        Status.EARLIER_PERIOD_OPEN, null, null, null, null, openCycleDate);
  }
}
