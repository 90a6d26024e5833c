package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dispute of part of an invoice (docs/billing-rules.md, "Credit notes and adjustments": the
 * disputed amount is on hold, owed but not overdue, until the dispute is resolved).
 *
 * @param disputeId unique per account
 * @param invoiceNumber the disputed invoice
 * @param amount the disputed amount, above zero
 * @param reason why the customer disputes it (free text)
 * @param openedOn the date it was opened, in the account's zone
 * @param status open, released or upheld
 * @param resolvedOn the date it was resolved; {@code null} while open
 * @param remainingAtResolution the invoice's remaining amount when it was upheld; {@code null}
 *     otherwise (an upheld dispute holds its amount until the remaining falls by it)
 */
public record Dispute(
    String disputeId,
    String invoiceNumber,
    BigDecimal amount,
    String reason,
    LocalDate openedOn,
    Status status,
    LocalDate resolvedOn,
    BigDecimal remainingAtResolution) {

  /** Where a dispute stands. */
  public enum Status {
    /** Under review: its amount is on hold. */
    OPEN("open"),
    /** Rejected: its amount is owed and chased again like any other. */
    RELEASED("released"),
    /**
     * Accepted: the customer is to be credited by a credit note; its amount stays on hold until the
     * invoice's remaining amount falls by it (the credit note, or a payment or a write-off).
     */
    UPHELD("upheld");

    private final String wireName;

    Status(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public Dispute {
    Objects.requireNonNull(disputeId, "disputeId");
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(openedOn, "openedOn");
    Objects.requireNonNull(status, "status");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("dispute " + disputeId + " not above zero");
    }
    if (status == Status.UPHELD && remainingAtResolution == null) {
      throw new IllegalArgumentException("an upheld dispute records the remaining amount");
    }
  }

  /** A dispute opened on {@code openedOn}. */
  public static Dispute opened(
      String disputeId,
      String invoiceNumber,
      BigDecimal amount,
      String reason,
      LocalDate openedOn) {
    return new Dispute(disputeId, invoiceNumber, amount, reason, openedOn, Status.OPEN, null, null);
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  /**
   * What this dispute holds of an invoice whose remaining amount is {@code remaining} now (before
   * the cap of all the invoice's disputes by its remaining amount): its amount while open; after
   * being upheld, its amount less what the remaining fell by since; nothing once released.
   */
  BigDecimal holds(BigDecimal remaining) {
    return switch (status) {
      case OPEN -> amount;
      case RELEASED -> BigDecimal.ZERO;
      case UPHELD -> {
        BigDecimal fallen = remainingAtResolution.subtract(remaining).max(BigDecimal.ZERO);
        yield amount.subtract(fallen).max(BigDecimal.ZERO);
      }
    };
  }

  Dispute resolved(Status outcome, LocalDate on, BigDecimal remaining) {
    return new Dispute(
        disputeId,
        invoiceNumber,
        amount,
        reason,
        openedOn,
        outcome,
        on,
        outcome == Status.UPHELD ? remaining : null);
  }
}
