package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money taken back from a receipt (or given back to it, for a chargeback won).
 *
 * @param id the refund, dispute or return id
 * @param kind what took it back
 * @param amount the amount (positive)
 * @param date when
 */
public record Reversal(String id, Kind kind, BigDecimal amount, LocalDate date) {

  /** What takes money back from a payment. */
  public enum Kind {
    /** A refund to the customer, partial or full. */
    REFUND,
    /** A card dispute: the whole payment reversed. */
    CHARGEBACK,
    /** A dispute won: what the chargeback took comes back. */
    CHARGEBACK_WON,
    /** A direct debit returned by the bank: the whole payment reversed. */
    RETURN;

    /** +1 when it takes money back from the receipt, -1 when it gives it back. */
    int sign() {
      return this == CHARGEBACK_WON ? -1 : 1;
    }
  }

  public Reversal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a reversal is positive");
    }
  }

  /** The amount as it changes what the receipt still holds: negative for a chargeback won. */
  public BigDecimal signedAmount() {
    return kind.sign() < 0 ? amount.negate() : amount;
  }
}
