package com.telco.billing.core.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A fee charged to the account and billed on its next invoice as a one-time line of its own
 * (docs/billing-rules.md, "Dunning": a late fee is billed once per episode, as a one-time line on
 * the next invoice, with the policy's tax category).
 *
 * @param feeId the fee's id, unique per account (the line's charge id)
 * @param date the date the fee was charged (the line's one-day service period starts on it)
 * @param amount the net amount, above zero, with at most the currency's minor units
 * @param taxCategory the tax category keying the line's tax rate
 * @param description the text of the line
 */
public record FeeCharge(
    String feeId, LocalDate date, BigDecimal amount, String taxCategory, String description) {

  /** The general-ledger account of fee lines: fee income. */
  public static final String GL_CODE = "4800-FEE-INCOME";

  public FeeCharge {
    Objects.requireNonNull(feeId, "feeId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(description, "description");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("fee " + feeId + " not above zero");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeeCharge other
        && feeId.equals(other.feeId)
        && date.equals(other.date)
        && Amounts.same(amount, other.amount)
        && taxCategory.equals(other.taxCategory)
        && description.equals(other.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(feeId, date, Amounts.hash(amount), taxCategory, description);
  }
}
