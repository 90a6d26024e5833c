package com.telco.billing.node.billrun;

import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.journal.BillRunSnapshot;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * The one place the bill-cycle singleton's journal records are mapped from and to its state: its
 * snapshots, and the count of accounts due, persisted as a number ({@value
 * BillRunSnapshot.Run#NOT_COUNTED} not counted, {@value BillRunSnapshot.Run#COUNT_FAILED} counting
 * failed) in the snapshot and in {@link BillRunEvent.AccountsDueCounted}.
 */
public final class BillRunJournal {
  private BillRunJournal() {}

  /** Snapshots of the coordinator's state as {@link BillRunSnapshot} records. */
  static final SnapshotAdapter<BillRunState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(BillRunState state) {
          return toSnapshot(state);
        }

        @Override
        public BillRunState fromJournal(Object snapshot) {
          return fromSnapshot((BillRunSnapshot) snapshot);
        }
      };

  static BillRunEvent.AccountsDueCounted accountsDueCounted(String runId, AccountsDue due) {
    return new BillRunEvent.AccountsDueCounted(runId, toRecord(due));
  }

  public static BillRunSnapshot toSnapshot(BillRunState state) {
    return new BillRunSnapshot(
        state.scheduledThrough(), state.runs().stream().map(BillRunJournal::toRecord).toList());
  }

  public static BillRunState fromSnapshot(BillRunSnapshot snapshot) {
    return new BillRunState(
        snapshot.scheduledThrough(), snapshot.runs().stream().map(BillRunJournal::toRun).toList());
  }

  static BillRunSnapshot.Run toRecord(BillRunState.Run run) {
    return new BillRunSnapshot.Run(
        run.runId(),
        run.cycleDate(),
        run.trigger(),
        run.startedAt(),
        run.phase().name(),
        run.retryRound(),
        run.cursor(),
        toRecord(run.accountsDue()),
        run.processed(),
        run.invoiced(),
        run.skipped(),
        run.amounts(),
        run.failures(),
        run.updatedAt(),
        run.completedAt());
  }

  static BillRunState.Run toRun(BillRunSnapshot.Run record) {
    return new BillRunState.Run(
        record.runId(),
        record.cycleDate(),
        record.trigger(),
        record.startedAt(),
        BillRunState.Phase.valueOf(record.phase()),
        record.retryRound(),
        record.cursor(),
        toAccountsDue(record.accountsDue()),
        record.processed(),
        record.invoiced(),
        record.skipped(),
        record.amounts(),
        record.failures(),
        record.updatedAt(),
        record.completedAt());
  }

  static long toRecord(AccountsDue due) {
    if (due instanceof AccountsDue.Counted counted) {
      return counted.count();
    }
    return due == AccountsDue.CountFailed.INSTANCE
        ? BillRunSnapshot.Run.COUNT_FAILED
        : BillRunSnapshot.Run.NOT_COUNTED;
  }

  static AccountsDue toAccountsDue(long recorded) {
    if (recorded == BillRunSnapshot.Run.NOT_COUNTED) {
      return AccountsDue.NotCounted.INSTANCE;
    }
    if (recorded == BillRunSnapshot.Run.COUNT_FAILED) {
      return AccountsDue.CountFailed.INSTANCE;
    }
    return new AccountsDue.Counted(recorded);
  }
}
