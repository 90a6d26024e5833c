package com.telco.billing.core.dunning;

import static com.telco.billing.core.dunning.DunningFixtures.date;
import static com.telco.billing.core.dunning.DunningFixtures.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.dunning.DunningState.FiredStep;
import com.telco.billing.core.dunning.DunningState.Hold;
import com.telco.billing.core.dunning.DunningState.PendingLateFee;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DunningState}: journal facts applied one by one, repeated facts changing nothing. */
class DunningStateTest {
  private static final FiredStep FIRST =
      new FiredStep(
          0, "reminder-1", 3, List.of(DunningAction.REMINDER), date("2026-01-18"), 3, dec("50.00"));
  private static final PendingLateFee FEE =
      new PendingLateFee("fee-1", 1, date("2026-01-25"), dec("5.00"), "STANDARD", "Late fee");

  private static DunningState inEpisode() {
    return DunningState.NONE.started(DunningState.NONE.nextEpisode(date("2026-01-16"), "std", 2));
  }

  @Test
  void anEpisodeStartsFiresStepsAndEndsKeepingTheCount() {
    DunningState s = inEpisode();
    assertTrue(s.inEpisode());
    assertEquals(1, s.episodes());
    assertEquals(1, s.episode().number());
    assertEquals(0, s.episode().nextStepIndex());
    assertEquals(2, s.episode().policyVersion());
    s = s.stepFired(FIRST);
    assertSame(s, s.stepFired(FIRST), "a step fired twice is recorded once");
    assertEquals(List.of(FIRST), s.episode().fired());
    assertEquals(Optional.of(FIRST), s.episode().lastFired());
    assertEquals(1, s.episode().nextStepIndex());
    s = s.handedToCollections(date("2026-03-01"));
    assertEquals(date("2026-03-01"), s.episode().handedToCollectionsOn());
    s = s.ended();
    assertFalse(s.inEpisode());
    assertEquals(1, s.episodes());
    assertEquals(2, s.nextEpisode(date("2026-04-01"), "std", 3).number());
  }

  @Test
  void stepsAndCollectionsNeedAnEpisode() {
    assertThrows(IllegalStateException.class, () -> DunningState.NONE.stepFired(FIRST));
    assertThrows(
        IllegalStateException.class,
        () -> DunningState.NONE.handedToCollections(date("2026-03-01")));
  }

  @Test
  void aLateFeeIsPendingUntilBilledAndMarksItsEpisode() {
    DunningState s = inEpisode().lateFeeCharged(FEE);
    assertTrue(s.episode().lateFeeCharged());
    assertEquals(List.of(FEE), s.pendingFees());
    assertSame(s, s.lateFeeCharged(FEE));
    DunningState billed = s.feesBilled(List.of("fee-1", "fee-unknown"));
    assertTrue(billed.pendingFees().isEmpty());
    assertTrue(billed.episode().lateFeeCharged(), "billing the fee does not charge it again");
    // a fee of an earlier episode does not mark the open one
    DunningState next = billed.ended().started(billed.nextEpisode(date("2026-05-01"), "std", 2));
    assertFalse(next.lateFeeCharged(FEE).episode().lateFeeCharged());
  }

  @Test
  void barringAddsSubscriptionsAndUnbarringClearsThem() {
    DunningState s = inEpisode().barred(List.of("S1", "S2")).barred(List.of("S2", "S3"));
    assertEquals(List.of("S1", "S2", "S3"), s.barredSubscriptions());
    assertTrue(s.isBarred());
    assertFalse(s.unbarred().isBarred());
  }

  @Test
  void theActiveHoldIsTheLongestInForceToday() {
    Hold shortHold = new Hold("H1", date("2026-01-10"), date("2026-01-20"), "a");
    Hold longHold = new Hold("H2", date("2026-01-12"), date("2026-02-20"), "b");
    DunningState s = DunningState.NONE.holdPlaced(shortHold).holdPlaced(longHold);
    assertEquals(Optional.of(longHold), s.activeHold(date("2026-01-15")));
    assertEquals(Optional.of(longHold), s.activeHold(date("2026-02-20")));
    assertEquals(Optional.empty(), s.activeHold(date("2026-02-21")));
    assertEquals(Optional.of(shortHold), s.holdReleased("H2").activeHold(date("2026-01-20")));
    Hold extended = new Hold("H1", date("2026-01-10"), date("2026-03-01"), "a");
    assertEquals(List.of(longHold, extended), s.holdPlaced(extended).holds());
  }

  @Test
  void theNextEvaluationIsScheduledAndCleared() {
    DunningState s = DunningState.NONE.scheduled(date("2026-01-16"));
    assertEquals(date("2026-01-16"), s.nextEvaluation());
    assertNull(s.scheduled(null).nextEvaluation());
  }
}
