package com.telco.billing.node.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.journal.BillRunSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The count of accounts due as the journal and the HTTP view have it: the journal keeps the numbers
 * older nodes wrote (-1 not counted, -2 counting failed), the view shows -1 until the count is
 * known.
 */
class BillRunJournalTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 1);
  private static final String RUN_ID = "BR-2026-12-01";

  @Test
  void theCountIsPersistedAsTheNumbersOlderNodesWrote() {
    assertEquals(-1, BillRunJournal.toRecord(AccountsDue.NotCounted.INSTANCE));
    assertEquals(-2, BillRunJournal.toRecord(AccountsDue.CountFailed.INSTANCE));
    assertEquals(0, BillRunJournal.toRecord(new AccountsDue.Counted(0)));
    assertEquals(25, BillRunJournal.toRecord(new AccountsDue.Counted(25)));
    assertEquals(AccountsDue.NotCounted.INSTANCE, BillRunJournal.toAccountsDue(-1));
    assertEquals(AccountsDue.CountFailed.INSTANCE, BillRunJournal.toAccountsDue(-2));
    assertEquals(new AccountsDue.Counted(0), BillRunJournal.toAccountsDue(0));
    assertEquals(new AccountsDue.Counted(25), BillRunJournal.toAccountsDue(25));
    assertEquals(
        new BillRunEvent.AccountsDueCounted(RUN_ID, -2),
        BillRunJournal.accountsDueCounted(RUN_ID, AccountsDue.CountFailed.INSTANCE));
  }

  @Test
  void aRunCountsItsAccountsFromTheEvents() {
    BillRunState started = startedRun();
    assertEquals(AccountsDue.NotCounted.INSTANCE, run(started).accountsDue());
    BillRunState failed = started.apply(new BillRunEvent.AccountsDueCounted(RUN_ID, -2), 10);
    assertEquals(AccountsDue.CountFailed.INSTANCE, run(failed).accountsDue());
    BillRunState counted = started.apply(new BillRunEvent.AccountsDueCounted(RUN_ID, 25), 10);
    assertEquals(new AccountsDue.Counted(25), run(counted).accountsDue());
  }

  @Test
  void onceTheScanIsOverTheProcessedCountIsTheCount() {
    BillRunState scanned =
        startedRun()
            .apply(new BillRunEvent.AccountsDueCounted(RUN_ID, -2), 10)
            .apply(
                new BillRunEvent.StepRecorded(
                    RUN_ID, "acc-3", 3, 3, 0, Map.of(), Map.of(), List.of(), AT.plusSeconds(1)),
                10)
            .apply(new BillRunEvent.ScanCompleted(RUN_ID, AT.plusSeconds(2)), 10);
    assertEquals(new AccountsDue.Counted(3), run(scanned).accountsDue());
    assertEquals(3, run(scanned).toView(AT.plusSeconds(3), false).accountsDue());
  }

  @Test
  void theViewShowsMinusOneUntilTheCountIsKnown() {
    BillRunState started = startedRun();
    Instant now = AT.plusSeconds(5);
    assertEquals(-1, run(started).toView(now, false).accountsDue());
    BillRunState failed = started.apply(new BillRunEvent.AccountsDueCounted(RUN_ID, -2), 10);
    assertEquals(-1, run(failed).toView(now, false).accountsDue());
    assertNull(run(failed).toView(now, false).estimatedCompletion());
    BillRunState counted =
        started
            .apply(new BillRunEvent.AccountsDueCounted(RUN_ID, 20), 10)
            .apply(
                new BillRunEvent.StepRecorded(
                    RUN_ID,
                    "acc-5",
                    5,
                    5,
                    0,
                    Map.of("EUR", new BigDecimal("50.00")),
                    Map.of(),
                    List.of(),
                    AT.plusSeconds(1)),
                10);
    assertEquals(20, run(counted).toView(now, false).accountsDue());
    // 5 accounts in 5 s: the other 15 take 15 s more
    assertEquals(now.plusSeconds(15), run(counted).toView(now, false).estimatedCompletion());
  }

  @Test
  void aSnapshotKeepsEveryCountAndReadsBack() {
    BillRunState.Run notCounted = run(startedRun());
    BillRunState.Run failed = notCounted.withAccountsDue(AccountsDue.CountFailed.INSTANCE);
    BillRunState.Run counted = notCounted.withAccountsDue(new AccountsDue.Counted(7));
    BillRunState state = new BillRunState(CYCLE, List.of(notCounted, failed, counted));
    BillRunSnapshot snapshot = (BillRunSnapshot) BillRunJournal.SNAPSHOTS.toJournal(state);
    assertEquals(
        List.of(-1L, -2L, 7L),
        snapshot.runs().stream().map(BillRunSnapshot.Run::accountsDue).toList());
    assertEquals(state, BillRunJournal.SNAPSHOTS.fromJournal(snapshot));
  }

  private static BillRunState startedRun() {
    return BillRunState.EMPTY.apply(
        new BillRunEvent.RunStarted(RUN_ID, CYCLE, "manual", AT, null), 10);
  }

  private static BillRunState.Run run(BillRunState state) {
    return state.run(RUN_ID).orElseThrow();
  }
}
