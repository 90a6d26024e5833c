package com.telco.billing.node.payment.collection;

import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.CollectionStatus.Collected;
import com.telco.billing.protocol.payment.CollectionStatus.DirectDebitScheduled;
import com.telco.billing.protocol.payment.CollectionStatus.Failed;
import com.telco.billing.protocol.payment.CollectionStatus.NothingToCollect;
import com.telco.billing.protocol.payment.CollectionStatus.Pending;
import java.time.LocalDate;

/**
 * What the driver does with a due row given the account's answer to {@code CollectDue}.
 *
 * <ul>
 *   <li>{@code NothingToCollect}, {@code Collected}: delete the row.
 *   <li>{@code Failed}: move the row to {@code nextAttemptOn}; without one (a hard decline, the
 *       retry schedule exhausted) delete it.
 *   <li>{@code Pending}: move the row to {@code askAgainOn}.
 *   <li>{@code DirectDebitScheduled}: hand the instruction to the direct debit sink, then delete
 *       the row.
 *   <li>No answer (a refusal, a timeout): keep the row.
 * </ul>
 *
 * A row is moved only to a date after today: a row whose next date is today or earlier stays where
 * it is, which asks it again on the next round just the same, and never twice in one round (a row
 * moved into a date the round has still to read would be).
 */
public final class CollectionDecisions {
  private CollectionDecisions() {}

  /** The action for {@code status}, the answer for a row read on {@code today}. */
  public static RowAction decide(CollectionStatus status, LocalDate today) {
    if (status instanceof NothingToCollect || status instanceof Collected) {
      return RowAction.Delete.INSTANCE;
    }
    if (status instanceof Failed failed) {
      return failed.nextAttemptOn() == null
          ? RowAction.Delete.INSTANCE
          : laterOrKeep(failed.nextAttemptOn(), today);
    }
    if (status instanceof Pending pending) {
      return laterOrKeep(pending.askAgainOn(), today);
    }
    if (status instanceof DirectDebitScheduled scheduled) {
      return new RowAction.HandOver(scheduled.instruction());
    }
    throw new IllegalArgumentException("unknown collection status " + status.getClass());
  }

  /** The action when the ask got no answer: the row is asked again on the next round. */
  public static RowAction noAnswer() {
    return RowAction.Keep.INSTANCE;
  }

  private static RowAction laterOrKeep(LocalDate next, LocalDate today) {
    return next.isAfter(today) ? new RowAction.Move(next) : RowAction.Keep.INSTANCE;
  }

  /** The {@code outcome} label of {@code status} in the metrics and logs. */
  public static String outcomeOf(CollectionStatus status) {
    if (status instanceof NothingToCollect) {
      return "nothing_to_collect";
    }
    if (status instanceof Collected) {
      return "collected";
    }
    if (status instanceof Pending) {
      return "pending";
    }
    if (status instanceof Failed) {
      return "failed";
    }
    return "direct_debit_scheduled";
  }
}
