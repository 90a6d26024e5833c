package com.telco.billing.core.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A fee charged to the account and billed on its next invoice as a line of its own
 * (docs/billing-rules.md, "Dunning": a late fee is billed once per episode, as a one-time line on
 * the next invoice, with the policy's tax category; "Credit notes and adjustments": a one-off
 * charge is billed on the next invoice, as an adjustment line with its own GL code).
 *
 * @param feeId the fee's id, unique per account (the line's charge id)
 * @param date the date the fee was charged (the line's one-day service period starts on it)
 * @param amount the net amount, with at most the currency's minor units: above zero, or below zero
 *     for an adjustment that credits (a re-rating's difference, docs/rerating.md)
 * @param taxCategory the tax category keying the line's tax rate
 * @param description the text of the line
 * @param type the line's type: {@link LineType#ONE_TIME} (late fees) or {@link LineType#ADJUSTMENT}
 *     (one-off charges)
 * @param glCode the line's general-ledger account; {@code null} for {@link #GL_CODE}
 */
public record FeeCharge(
    String feeId,
    LocalDate date,
    BigDecimal amount,
    String taxCategory,
    String description,
    LineType type,
    String glCode) {

  /** The general-ledger account of fee lines: fee income. */
  public static final String GL_CODE = "4800-FEE-INCOME";

  /** A fee billed as a one-time line with the fee income GL code (a late fee). */
  public FeeCharge(
      String feeId, LocalDate date, BigDecimal amount, String taxCategory, String description) {
    this(feeId, date, amount, taxCategory, description, LineType.ONE_TIME, null);
  }

  public FeeCharge {
    Objects.requireNonNull(feeId, "feeId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
    if (type != LineType.ONE_TIME && type != LineType.ADJUSTMENT) {
      throw new IllegalArgumentException("fee " + feeId + " is a one-time or adjustment line");
    }
    if (amount.signum() == 0 || (amount.signum() < 0 && type != LineType.ADJUSTMENT)) {
      throw new IllegalArgumentException("fee " + feeId + " not above zero");
    }
  }

  /** The GL code of its line: its own, else {@link #GL_CODE}. */
  public String lineGlCode() {
    return glCode == null ? GL_CODE : glCode;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeeCharge other
        && feeId.equals(other.feeId)
        && date.equals(other.date)
        && Amounts.same(amount, other.amount)
        && taxCategory.equals(other.taxCategory)
        && description.equals(other.description)
        && type == other.type
        && Objects.equals(glCode, other.glCode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(feeId, date, Amounts.hash(amount), taxCategory, description, type, glCode);
  }
}
