package com.telco.billing.protocol.invoice;

import com.telco.billing.core.receivable.ItemState;
import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Where an issued invoice stands in accounts receivable: its state, the unallocated credit applied
 * to it when it was issued, what was due after that credit, and what remains now, with every amount
 * applied to it (credit and payments), oldest first. Amounts in the invoice's currency.
 *
 * @param state sent, partiallyPaid, settled; onHold while disputes hold part of the remaining
 *     amount
 * @param creditApplied the account's unallocated credit applied when it was issued (0 or more)
 * @param amountDue the tax-included total less {@code creditApplied}
 * @param remaining what is still owed
 * @param applied every amount applied to it now (a refund or chargeback removes what it took back)
 * @param onHold the part of {@code remaining} its disputes hold (docs/adjustments.md); zero when
 *     none
 */
public record InvoiceSettlement(
    ItemState state,
    BigDecimal creditApplied,
    BigDecimal amountDue,
    BigDecimal remaining,
    List<Applied> applied,
    BigDecimal onHold)
    implements CborSerializable {

  /** A settlement with nothing on hold. */
  public InvoiceSettlement(
      ItemState state,
      BigDecimal creditApplied,
      BigDecimal amountDue,
      BigDecimal remaining,
      List<Applied> applied) {
    this(
        state,
        creditApplied,
        amountDue,
        remaining,
        applied,
        BigDecimal.ZERO.setScale(remaining.scale()));
  }

  public InvoiceSettlement {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(creditApplied, "creditApplied");
    Objects.requireNonNull(amountDue, "amountDue");
    Objects.requireNonNull(remaining, "remaining");
    applied = List.copyOf(applied);
    Objects.requireNonNull(onHold, "onHold");
  }

  /** An invoice nothing was applied to: {@code sent}, all of {@code total} due and remaining. */
  public static InvoiceSettlement unpaid(BigDecimal total) {
    return new InvoiceSettlement(
        total.signum() <= 0 ? ItemState.SETTLED : ItemState.SENT,
        BigDecimal.ZERO.setScale(total.scale()),
        total,
        total.signum() <= 0 ? BigDecimal.ZERO.setScale(total.scale()) : total,
        List.of());
  }

  /**
   * One amount applied to the invoice.
   *
   * @param paymentId the payment (or credit, credit note number or write-off id) it came from
   * @param kind {@code payment}, {@code credit}, {@code credit_note} or {@code writeOff}
   * @param amount the amount applied (positive)
   * @param date the date it was received or the credit arose
   */
  public record Applied(String paymentId, String kind, BigDecimal amount, LocalDate date)
      implements CborSerializable {}
}
