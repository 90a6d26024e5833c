package com.telco.billing.protocol.billrun;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Events of the bill-cycle singleton: the persisted progress of every run. */
public sealed interface BillRunEvent extends CborSerializable
    permits BillRunEvent.RunStarted,
        BillRunEvent.AccountsDueCounted,
        BillRunEvent.StepRecorded,
        BillRunEvent.ScanCompleted,
        BillRunEvent.RetryRoundCompleted,
        BillRunEvent.RunCompleted,
        BillRunEvent.ScheduledThrough {

  /**
   * A run of {@code cycleDate} was started, by {@code origin}: the request of a manual run, {@link
   * Origin#BILL_CYCLE} for a scheduled one, {@code null} on events written before origins were
   * recorded. The run's later events are its own progress and name no origin.
   */
  record RunStarted(String runId, LocalDate cycleDate, String trigger, Instant at, Origin origin)
      implements BillRunEvent {}

  /**
   * The accounts of the run's cycle day were counted: {@code count} of them, or {@code -2} when
   * counting failed ({@code -1}, "not counted", is never written).
   */
  record AccountsDueCounted(String runId, long count) implements BillRunEvent {}

  /**
   * One step's results: the read side's cursor moved to {@code cursor} (scan steps), the counts
   * grew, {@code failed} accounts are added to the failures (with reasons) and {@code recovered}
   * ones removed from them.
   */
  record StepRecorded(
      String runId,
      String cursor,
      long processed,
      long invoiced,
      long skipped,
      Map<String, BigDecimal> amounts,
      Map<String, String> failed,
      List<String> recovered,
      Instant at)
      implements BillRunEvent {}

  record ScanCompleted(String runId, Instant at) implements BillRunEvent {}

  record RetryRoundCompleted(String runId, int round, Instant at) implements BillRunEvent {}

  record RunCompleted(String runId, Instant at) implements BillRunEvent {}

  /** Scheduled runs were started for every cycle date up to {@code date}. */
  record ScheduledThrough(LocalDate date) implements BillRunEvent {}
}
