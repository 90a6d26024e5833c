package com.telco.billing.core.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The automatic collection of one invoice: how many attempts were made, the current one, and when
 * the next is due (docs/billing-rules.md, Payments; the retry schedule is {@code
 * core.collection.RetrySchedule}).
 *
 * @param invoiceNumber the invoice
 * @param attempts attempts started so far (they number the attempts' payment ids)
 * @param failures declined attempts since the first failure, or since the payment method changed
 * @param firstFailure the date of the first failed attempt, or {@code null}
 * @param current the latest attempt, or {@code null} before the first
 * @param nextAttemptOn when to try again after a failure; {@code null} when no retry is planned
 * @param stopped no more attempts (a hard decline, or the schedule used up)
 */
public record Collection(
    String invoiceNumber,
    int attempts,
    int failures,
    LocalDate firstFailure,
    Attempt current,
    LocalDate nextAttemptOn,
    boolean stopped) {

  public Collection {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
  }

  static Collection none(String invoiceNumber) {
    return new Collection(invoiceNumber, 0, 0, null, null, null, false);
  }

  /** An attempt under way: started and no final answer yet (in flight, or processing). */
  public boolean isUnderWay() {
    return current != null
        && (current.status() == Attempt.Status.IN_FLIGHT
            || current.status() == Attempt.Status.PROCESSING);
  }

  /**
   * One collection attempt through the gateway.
   *
   * @param number 1 for the first attempt
   * @param paymentId the payment it records when it succeeds
   * @param idempotencyKey sent with every try of this attempt, and only this attempt
   * @param amount what it asks for
   * @param token the payment method token charged
   * @param status where it stands
   * @param intentId the gateway's PaymentIntent id once known
   * @param code the decline code of a declined attempt
   */
  public record Attempt(
      int number,
      String paymentId,
      String idempotencyKey,
      BigDecimal amount,
      String token,
      LocalDate startedOn,
      Status status,
      String intentId,
      String code) {

    /** Where an attempt stands. */
    public enum Status {
      IN_FLIGHT,
      PROCESSING,
      SUCCEEDED,
      DECLINED
    }

    public Attempt {
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(status, "status");
    }

    @Override
    public String toString() {
      return "Attempt[" + number + " " + paymentId + " " + status + "]";
    }
  }
}
