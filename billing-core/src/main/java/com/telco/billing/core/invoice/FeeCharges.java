package com.telco.billing.core.invoice;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Fee lines: each fee of the request is billed as a line of its own (late fees one-time lines,
 * one-off charges adjustment lines).
 *
 * <p>docs/billing-rules.md, "Dunning": a late fee is billed once per episode, as a one-time line on
 * the next invoice, with the policy's tax category. Project choices in docs/invoicing.md, "Fees":
 * type {@link FeeCharge#type()} ({@link LineType#ONE_TIME} for late fees, {@link
 * LineType#ADJUSTMENT} for one-off charges, docs/adjustments.md), no subscription, charge id the
 * fee id, quantity 1 {@code each}, service period {@code [date, date + 1 day)}, GL code {@link
 * FeeCharge#lineGlCode()} (the fee's own, else {@link FeeCharge#GL_CODE}); taxed like every other
 * line by {@link InvoiceTax}. Which fees are pending (billed on no invoice yet) is the caller's
 * record.
 */
final class FeeCharges {
  private FeeCharges() {}

  /**
   * Adds a line per fee of the request, in the request's order.
   *
   * @throws IllegalArgumentException for a fee id given twice, or an amount with more decimals than
   *     the currency's minor units
   */
  static void bill(InvoiceContext context, InvoiceLines lines) {
    Set<String> ids = new HashSet<>();
    for (FeeCharge fee : context.request().fees()) {
      if (!ids.add(fee.feeId())) {
        throw new IllegalArgumentException("duplicate fee " + fee.feeId());
      }
      if (fee.amount().stripTrailingZeros().scale() > context.minorUnits()) {
        throw new IllegalArgumentException(
            "fee " + fee.feeId() + " has more decimals than the currency's minor units");
      }
      BigDecimal amount = fee.amount().setScale(context.minorUnits());
      lines.addUnlessZero(
          new InvoiceLine(
              fee.type(),
              fee.description(),
              null,
              null,
              fee.feeId(),
              null,
              fee.date(),
              fee.date().plusDays(1),
              BigDecimal.ONE,
              "each",
              amount,
              amount,
              fee.taxCategory(),
              fee.lineGlCode(),
              null,
              null,
              null,
              null,
              null,
              false));
    }
  }
}
