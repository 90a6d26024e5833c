package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an account answers when asked to close a bill period: the period is {@link Closed} ({@link
 * Invoiced} or {@link Skipped}), its invoice needs a number first ({@link NumberNeeded}), or an
 * earlier period must be closed first ({@link EarlierPeriodOpen}).
 */
public sealed interface CloseBillPeriodResult extends CborSerializable
    permits CloseBillPeriodResult.Closed,
        CloseBillPeriodResult.NumberNeeded,
        CloseBillPeriodResult.EarlierPeriodOpen {

  /** The period is closed: with an invoice, or without one. */
  sealed interface Closed extends CloseBillPeriodResult
      permits CloseBillPeriodResult.Invoiced, CloseBillPeriodResult.Skipped {}

  /**
   * The invoice has lines: it needs a number, then {@code IssueInvoice}.
   *
   * @param seriesId the invoice number series to ask
   * @param requestKey the key to ask the number for (account and period; the series answers the
   *     same number for the same key)
   */
  record NumberNeeded(String seriesId, String requestKey) implements CloseBillPeriodResult {
    public NumberNeeded {
      Objects.requireNonNull(seriesId, "seriesId");
      Objects.requireNonNull(requestKey, "requestKey");
    }
  }

  /** The period is invoiced (now or before). */
  record Invoiced(IssuedInvoice invoice) implements Closed {
    public Invoiced {
      Objects.requireNonNull(invoice, "invoice");
    }
  }

  /** The period is closed without an invoice; {@code reason} says why (e.g. nothing to bill). */
  record Skipped(String reason) implements Closed {
    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * An earlier period of the account is not closed yet (its run missed the account, or failed for
   * it): periods are invoiced in order, so {@code openCycleDate} must be closed first.
   */
  record EarlierPeriodOpen(LocalDate openCycleDate) implements CloseBillPeriodResult {
    public EarlierPeriodOpen {
      Objects.requireNonNull(openCycleDate, "openCycleDate");
    }
  }

  static NumberNeeded numberNeeded(String seriesId, String requestKey) {
    return new NumberNeeded(seriesId, requestKey);
  }

  static Invoiced invoiced(IssuedInvoice invoice) {
    return new Invoiced(invoice);
  }

  static Skipped skipped(String reason) {
    return new Skipped(reason);
  }

  static EarlierPeriodOpen earlierPeriodOpen(LocalDate openCycleDate) {
    return new EarlierPeriodOpen(openCycleDate);
  }
}
