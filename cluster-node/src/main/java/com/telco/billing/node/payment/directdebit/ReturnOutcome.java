package com.telco.billing.node.payment.directdebit;

import java.util.Objects;

/**
 * What the debtor's account made of a bank return of its direct debit.
 *
 * @param status whether this return reversed the payment or found it reversed already
 */
public record ReturnOutcome(Status status) {
  /** How a return ended. */
  public enum Status {
    /** The payment was reversed and the invoice it paid reopened. */
    REVERSED,
    /** The payment had been reversed before (e.g. by a chargeback); nothing changed. */
    ALREADY_REVERSED
  }

  public ReturnOutcome {
    Objects.requireNonNull(status, "status");
  }

  public static ReturnOutcome reversed() {
    return new ReturnOutcome(Status.REVERSED);
  }

  public static ReturnOutcome alreadyReversed() {
    return new ReturnOutcome(Status.ALREADY_REVERSED);
  }
}
