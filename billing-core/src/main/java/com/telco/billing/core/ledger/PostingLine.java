package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a posting. Equality is numeric for the amount.
 *
 * @param glAccount the general-ledger account
 * @param side debit or credit
 * @param amount above zero (the side carries the sign)
 * @param reference the sub-ledger detail: the invoice number on an accounts receivable line, the
 *     revenue GL code on a deferred revenue line, else {@code null}
 */
public record PostingLine(String glAccount, Side side, BigDecimal amount, String reference) {
  public PostingLine {
    Objects.requireNonNull(glAccount, "glAccount");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a posting line is above zero: " + glAccount);
    }
  }

  /** The amount with debits positive and credits negative. */
  public BigDecimal signedAmount() {
    return side == Side.DEBIT ? amount : amount.negate();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostingLine other
        && glAccount.equals(other.glAccount)
        && side == other.side
        && amount.compareTo(other.amount) == 0
        && Objects.equals(reference, other.reference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(glAccount, side, amount.stripTrailingZeros(), reference);
  }
}
