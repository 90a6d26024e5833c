package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Money the account received (a payment) or was credited (the credit of an invoice with a negative
 * total), or the remaining amount of an invoice written off, its allocations to invoices and what
 * was taken back from it.
 *
 * @param id the payment id, {@code credit:<invoice number>}, the credit note's number or the
 *     write-off's id
 * @param kind payment, credit, credit note or write-off
 * @param date received or credited on
 * @param amount the amount received (positive)
 * @param allocations in the order they were made
 * @param reversals refunds, chargebacks, returns, in the order they happened
 */
public record Receipt(
    String id,
    Kind kind,
    LocalDate date,
    BigDecimal amount,
    List<Allocation> allocations,
    List<Reversal> reversals) {

  /** Where the money came from. */
  public enum Kind {
    PAYMENT,
    CREDIT,
    /** The credit of a credit note (its id is the credit note's number). */
    CREDIT_NOTE,
    /**
     * A write-off (docs/billing-rules.md, "Credit notes and adjustments"): no money, the remaining
     * amount of one invoice given up, allocated to that invoice alone.
     */
    WRITE_OFF
  }

  public Receipt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a receipt is positive");
    }
    allocations = List.copyOf(allocations);
    reversals = List.copyOf(reversals);
  }

  /** What refunds, chargebacks and returns took back, net of chargebacks won. */
  public BigDecimal reversed() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Reversal r : reversals) {
      sum = sum.add(r.signedAmount());
    }
    return sum;
  }

  /** What the receipt still holds: its amount less what was taken back. */
  public BigDecimal held() {
    return amount.subtract(reversed());
  }

  public BigDecimal allocated() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Allocation a : allocations) {
      sum = sum.add(a.amount());
    }
    return sum;
  }

  /** What it holds that no invoice has: unallocated credit. */
  public BigDecimal unallocated() {
    return held().subtract(allocated());
  }

  /** What may still be refunded: what it holds. */
  public BigDecimal refundable() {
    return held();
  }

  /** Whether a chargeback or return took it back and no chargeback won gave it back. */
  public boolean isReversedInFull() {
    return held().signum() == 0;
  }

  /** The open chargeback amount: chargebacks less chargebacks won. */
  public BigDecimal chargedBack() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Reversal r : reversals) {
      if (r.kind() == Reversal.Kind.CHARGEBACK) {
        sum = sum.add(r.amount());
      } else if (r.kind() == Reversal.Kind.CHARGEBACK_WON) {
        sum = sum.subtract(r.amount());
      }
    }
    return sum;
  }

  Receipt with(List<Allocation> nextAllocations, List<Reversal> nextReversals) {
    return new Receipt(id, kind, date, amount, nextAllocations, nextReversals);
  }
}
