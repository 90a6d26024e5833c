package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Revenue recognition (docs/billing-rules.md, "Ledger", a day of service passes): debit deferred
 * revenue, credit revenue per GL code, by what each deferred line recognises ({@link
 * DeferredLine#recognisedOn}, {@link DeferredLine#recognisedBetween}). A month-end run posts the
 * days of a range at once; it moves exactly what posting each day on its own would.
 */
public final class RevenueRecognition {
  private RevenueRecognition() {}

  /** The recognition of the day {@code source.date()} for the account's deferred lines. */
  public static Optional<Posting> forDay(
      PostingSource source, List<DeferredLine> deferred, ChartOfAccounts chart) {
    return forRange(source, deferred, source.date(), source.date().plusDays(1), chart);
  }

  /**
   * The recognition of the days {@code [from, until)} for the account's deferred lines, posted on
   * {@code source.date()}; empty when nothing is recognised.
   */
  public static Optional<Posting> forRange(
      PostingSource source,
      List<DeferredLine> deferred,
      LocalDate from,
      LocalDate until,
      ChartOfAccounts chart) {
    InvoicePostings.requireEntity(chart, source.legalEntity());
    PostingBuilder posting = new PostingBuilder();
    for (DeferredLine line : deferred) {
      if (!line.currency().equals(source.currency())) {
        throw new IllegalArgumentException(
            "deferred line of " + line.sourceDocument() + " is not in " + source.currency());
      }
      BigDecimal amount = line.recognisedBetween(from, until);
      posting.debit(chart.deferredRevenue(), line.glCode(), amount);
      posting.credit(chart.revenue(line.glCode()), null, amount);
    }
    return posting.build(source, PostingKind.REVENUE_RECOGNISED);
  }
}
