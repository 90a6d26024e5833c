package com.telco.billing.core.adjustment;

import com.telco.billing.core.invoice.FeeCharge;
import com.telco.billing.core.invoice.LineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A one-off debit finance charged to an account (docs/billing-rules.md, "Credit notes and
 * adjustments"; docs/adjustments.md): billed on the account's next invoice as an {@link
 * LineType#ADJUSTMENT} line with its own tax category and GL code.
 *
 * @param chargeId unique per account; the line's charge id
 * @param chargedOn the date it was charged, in the account's zone (the line's one-day period)
 * @param amount the net amount, with at most the currency's minor units: above zero for a charge
 *     finance added (the API refuses any other), below zero for a re-rating's credit
 *     (docs/rerating.md)
 * @param description the text of the line
 * @param taxCategory the tax category keying the line's tax rate
 * @param glCode the line's general-ledger account
 * @param invoiceNumber the invoice that billed it; {@code null} while pending
 */
public record OneOffCharge(
    String chargeId,
    LocalDate chargedOn,
    BigDecimal amount,
    String description,
    String taxCategory,
    String glCode,
    String invoiceNumber) {

  public OneOffCharge {
    Objects.requireNonNull(chargeId, "chargeId");
    Objects.requireNonNull(chargedOn, "chargedOn");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(glCode, "glCode");
    if (amount.signum() == 0) {
      throw new IllegalArgumentException("charge " + chargeId + " of zero");
    }
  }

  public boolean isPending() {
    return invoiceNumber == null;
  }

  /** The fee the next invoice bills it as: an adjustment line with its GL code. */
  public FeeCharge toFee() {
    return new FeeCharge(
        chargeId, chargedOn, amount, taxCategory, description, LineType.ADJUSTMENT, glCode);
  }

  OneOffCharge billedOn(String number) {
    return new OneOffCharge(chargeId, chargedOn, amount, description, taxCategory, glCode, number);
  }
}
