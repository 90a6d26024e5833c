package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * The postings of money received and paid back (docs/billing-rules.md, "Ledger"): payment received,
 * credit applied to an invoice, refund, chargeback, bank return, chargeback won, write-off. The
 * caller gives what the receivables did ({@code core/receivable}): the part allocated to or
 * reopened on each invoice, and the rest (unallocated credit).
 *
 * <p>Every function refuses amounts below zero or not in the currency's minor units, and a payment
 * method the chart has no cash or clearing account for.
 */
public final class PaymentPostings {
  private PaymentPostings() {}

  /**
   * Payment received: debit cash or clearing of {@code method}; credit accounts receivable per
   * invoice (what was allocated) and customer credit (the unallocated part).
   */
  public static Posting paymentReceived(
      PostingSource source,
      String method,
      List<InvoiceAmount> allocated,
      BigDecimal unallocated,
      ChartOfAccounts chart) {
    return moneyIn(source, PostingKind.PAYMENT_RECEIVED, method, allocated, unallocated, chart);
  }

  /** Chargeback won: booked as a payment received (what comes back is allocated again). */
  public static Posting chargebackWon(
      PostingSource source,
      String method,
      List<InvoiceAmount> allocated,
      BigDecimal unallocated,
      ChartOfAccounts chart) {
    return moneyIn(source, PostingKind.CHARGEBACK_WON, method, allocated, unallocated, chart);
  }

  /** Credit applied to invoices: debit customer credit, credit accounts receivable per invoice. */
  public static Posting creditApplied(
      PostingSource source, List<InvoiceAmount> applied, ChartOfAccounts chart) {
    PostingBuilder posting = new PostingBuilder();
    BigDecimal total = sum(source, applied);
    posting.debit(chart.customerCredit(), null, total);
    for (InvoiceAmount a : applied) {
      posting.credit(chart.receivable(), a.invoiceNumber(), a.amount());
    }
    return build(posting, source, PostingKind.CREDIT_APPLIED, chart);
  }

  /**
   * Refund: debit accounts receivable per invoice reopened and customer credit (the rest, taken
   * from unallocated credit); credit cash or clearing of {@code method}.
   */
  public static Posting refund(
      PostingSource source,
      String method,
      List<InvoiceAmount> reopened,
      BigDecimal fromCredit,
      ChartOfAccounts chart) {
    return moneyOut(source, PostingKind.REFUND, method, reopened, fromCredit, chart);
  }

  /** Chargeback: booked as a refund of what the payment still holds. */
  public static Posting chargeback(
      PostingSource source,
      String method,
      List<InvoiceAmount> reopened,
      BigDecimal fromCredit,
      ChartOfAccounts chart) {
    return moneyOut(source, PostingKind.CHARGEBACK, method, reopened, fromCredit, chart);
  }

  /** A direct debit returned by the bank: booked as a refund. */
  public static Posting bankReturn(
      PostingSource source,
      String method,
      List<InvoiceAmount> reopened,
      BigDecimal fromCredit,
      ChartOfAccounts chart) {
    return moneyOut(source, PostingKind.BANK_RETURN, method, reopened, fromCredit, chart);
  }

  /** Write-off: debit bad debt expense, credit accounts receivable of the invoice. */
  public static Posting writeOff(
      PostingSource source, InvoiceAmount writtenOff, ChartOfAccounts chart) {
    BigDecimal amount = sum(source, List.of(writtenOff));
    PostingBuilder posting = new PostingBuilder();
    posting.debit(chart.badDebt(), null, amount);
    posting.credit(chart.receivable(), writtenOff.invoiceNumber(), amount);
    return build(posting, source, PostingKind.WRITE_OFF, chart);
  }

  private static Posting moneyIn(
      PostingSource source,
      PostingKind kind,
      String method,
      List<InvoiceAmount> allocated,
      BigDecimal unallocated,
      ChartOfAccounts chart) {
    BigDecimal rest = rest(source, unallocated);
    PostingBuilder posting = new PostingBuilder();
    posting.debit(chart.cash(method), null, sum(source, allocated).add(rest));
    for (InvoiceAmount a : allocated) {
      posting.credit(chart.receivable(), a.invoiceNumber(), a.amount());
    }
    posting.credit(chart.customerCredit(), null, rest);
    return build(posting, source, kind, chart);
  }

  private static Posting moneyOut(
      PostingSource source,
      PostingKind kind,
      String method,
      List<InvoiceAmount> reopened,
      BigDecimal fromCredit,
      ChartOfAccounts chart) {
    BigDecimal rest = rest(source, fromCredit);
    PostingBuilder posting = new PostingBuilder();
    for (InvoiceAmount a : reopened) {
      posting.debit(chart.receivable(), a.invoiceNumber(), a.amount());
    }
    posting.debit(chart.customerCredit(), null, rest);
    posting.credit(chart.cash(method), null, sum(source, reopened).add(rest));
    return build(posting, source, kind, chart);
  }

  private static BigDecimal rest(PostingSource source, BigDecimal amount) {
    int minor = source.currency().getDefaultFractionDigits();
    LedgerAmounts.requireNotNegative(amount, "unallocated part");
    return LedgerAmounts.requireMinorUnits(amount, minor, "unallocated part");
  }

  private static BigDecimal sum(PostingSource source, List<InvoiceAmount> amounts) {
    int minor = source.currency().getDefaultFractionDigits();
    BigDecimal sum = InvoicePostings.zero(minor);
    for (InvoiceAmount a : amounts) {
      sum = sum.add(LedgerAmounts.requireMinorUnits(a.amount(), minor, a.invoiceNumber()));
    }
    return sum;
  }

  private static Posting build(
      PostingBuilder posting, PostingSource source, PostingKind kind, ChartOfAccounts chart) {
    InvoicePostings.requireEntity(chart, source.legalEntity());
    return posting
        .build(source, kind)
        .orElseThrow(() -> new IllegalArgumentException("nothing to post: " + source.postingId()));
  }
}
