package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An account statement over {@code [from, to]} (dates of the account's zone): the balance brought
 * forward, every invoice, credit note, payment, refund, chargeback, chargeback won, bank return and
 * write-off of the period in date order with the running balance, and the closing balance. Amounts
 * raise the balance (invoices, money given back) or lower it (payments, credit notes, write-offs,
 * chargebacks won). The closing balance of a statement up to today equals {@link
 * Balance#balance()}.
 *
 * @param opening the balance at the start of {@code from}
 * @param closing the balance at the end of {@code to}
 */
public record Statement(
    LocalDate from, LocalDate to, BigDecimal opening, List<Entry> entries, BigDecimal closing) {

  public Statement {
    entries = List.copyOf(entries);
  }

  /** What a statement line records. */
  public enum Kind {
    INVOICE,
    PAYMENT,
    REFUND,
    CHARGEBACK,
    CHARGEBACK_WON,
    RETURN,
    CREDIT_NOTE,
    /** An invoice's remaining amount written off: lowers the balance like a payment. */
    WRITE_OFF
  }

  /**
   * One line.
   *
   * @param date when it happened
   * @param kind what it was
   * @param reference the invoice number, credit note number, payment id, refund id, dispute id,
   *     return id or write-off id
   * @param paymentId the payment a refund, chargeback or return belongs to; {@code null} otherwise
   * @param amount its effect on the balance (an invoice or refund raises it, a payment lowers it)
   * @param balance the running balance after it
   */
  public record Entry(
      LocalDate date,
      Kind kind,
      String reference,
      String paymentId,
      BigDecimal amount,
      BigDecimal balance) {}

  /** The statement of {@code receivables} from {@code from} to {@code to}, both included. */
  public static Statement of(Receivables receivables, LocalDate from, LocalDate to) {
    List<Entry> all = new ArrayList<>();
    BigDecimal zero = receivables.scaled(BigDecimal.ZERO);
    for (OpenItem item : receivables.items()) {
      all.add(new Entry(item.issueDate(), Kind.INVOICE, item.number(), null, item.total(), zero));
    }
    for (Receipt receipt : receivables.receipts()) {
      if (receipt.kind() == Receipt.Kind.CREDIT_NOTE || receipt.kind() == Receipt.Kind.WRITE_OFF) {
        all.add(
            new Entry(
                receipt.date(),
                receipt.kind() == Receipt.Kind.CREDIT_NOTE ? Kind.CREDIT_NOTE : Kind.WRITE_OFF,
                receipt.id(),
                null,
                receipt.amount().negate(),
                zero));
        continue;
      }
      if (receipt.kind() != Receipt.Kind.PAYMENT) {
        continue; // a credit is the negative invoice already listed
      }
      all.add(
          new Entry(
              receipt.date(), Kind.PAYMENT, receipt.id(), null, receipt.amount().negate(), zero));
      for (Reversal r : receipt.reversals()) {
        all.add(
            new Entry(r.date(), kindOf(r.kind()), r.id(), receipt.id(), r.signedAmount(), zero));
      }
    }
    all.sort(Comparator.comparing(Entry::date)); // stable: issue order within a day
    BigDecimal running = zero;
    List<Entry> inRange = new ArrayList<>();
    BigDecimal opening = zero;
    for (Entry e : all) {
      if (e.date().isAfter(to)) {
        break;
      }
      running = running.add(e.amount());
      if (e.date().isBefore(from)) {
        opening = running;
      } else {
        inRange.add(
            new Entry(e.date(), e.kind(), e.reference(), e.paymentId(), e.amount(), running));
      }
    }
    return new Statement(from, to, opening, inRange, running);
  }

  private static Kind kindOf(Reversal.Kind kind) {
    return switch (kind) {
      case REFUND -> Kind.REFUND;
      case CHARGEBACK -> Kind.CHARGEBACK;
      case CHARGEBACK_WON -> Kind.CHARGEBACK_WON;
      case RETURN -> Kind.RETURN;
    };
  }
}
