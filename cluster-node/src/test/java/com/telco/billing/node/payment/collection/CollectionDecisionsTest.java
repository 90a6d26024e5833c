package com.telco.billing.node.payment.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The account's answer to {@code CollectDue} turned into what happens to the due row. */
class CollectionDecisionsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  void nothingToCollectAndCollectedDeleteTheRow() {
    assertEquals(
        RowAction.Delete.INSTANCE,
        CollectionDecisions.decide(new CollectionStatus.NothingToCollect("settled"), TODAY));
    assertEquals(
        RowAction.Delete.INSTANCE,
        CollectionDecisions.decide(new CollectionStatus.Collected("PAY-1-acc"), TODAY));
  }

  @Test
  void aFailureWithANextAttemptMovesTheRowThere() {
    LocalDate retry = TODAY.plusDays(3);
    assertEquals(
        new RowAction.Move(retry),
        CollectionDecisions.decide(new CollectionStatus.Failed("card_declined", retry), TODAY));
  }

  @Test
  void aFailureWithoutANextAttemptDeletesTheRow() {
    assertEquals(
        RowAction.Delete.INSTANCE,
        CollectionDecisions.decide(new CollectionStatus.Failed("stolen_card", null), TODAY));
  }

  @Test
  void pendingMovesTheRowToALaterDateAndKeepsItOtherwise() {
    LocalDate tomorrow = TODAY.plusDays(1);
    assertEquals(
        new RowAction.Move(tomorrow),
        CollectionDecisions.decide(new CollectionStatus.Pending("PAY-1-acc", tomorrow), TODAY));
    assertEquals(
        RowAction.Keep.INSTANCE,
        CollectionDecisions.decide(new CollectionStatus.Pending("PAY-1-acc", TODAY), TODAY));
    assertEquals(
        RowAction.Keep.INSTANCE,
        CollectionDecisions.decide(
            new CollectionStatus.Pending("PAY-1-acc", TODAY.minusDays(2)), TODAY));
  }

  /**
   * A row is never moved to today or before: it would be asked twice in one round if the round
   * still had to read that date, and it is asked on the next round anyway.
   */
  @Test
  void aNextAttemptNotAfterTodayKeepsTheRow() {
    assertEquals(
        RowAction.Keep.INSTANCE,
        CollectionDecisions.decide(new CollectionStatus.Failed("card_declined", TODAY), TODAY));
    assertEquals(
        RowAction.Keep.INSTANCE,
        CollectionDecisions.decide(
            new CollectionStatus.Failed("card_declined", TODAY.minusDays(1)), TODAY));
  }

  @Test
  void aScheduledDirectDebitIsHandedOver() {
    DirectDebitInstruction instruction = Instructions.of("acc-1", "INV-1", TODAY);
    assertEquals(
        new RowAction.HandOver(instruction),
        CollectionDecisions.decide(new CollectionStatus.DirectDebitScheduled(instruction), TODAY));
  }

  @Test
  void noAnswerKeepsTheRow() {
    assertEquals(RowAction.Keep.INSTANCE, CollectionDecisions.noAnswer());
  }

  @Test
  void everyOutcomeHasItsLabel() {
    assertEquals(
        "nothing_to_collect",
        CollectionDecisions.outcomeOf(new CollectionStatus.NothingToCollect("manual")));
    assertEquals("collected", CollectionDecisions.outcomeOf(new CollectionStatus.Collected("p")));
    assertEquals(
        "pending", CollectionDecisions.outcomeOf(new CollectionStatus.Pending("p", TODAY)));
    assertEquals("failed", CollectionDecisions.outcomeOf(new CollectionStatus.Failed("x", null)));
    assertEquals(
        "direct_debit_scheduled",
        CollectionDecisions.outcomeOf(
            new CollectionStatus.DirectDebitScheduled(Instructions.of("a", "I", TODAY))));
  }
}
