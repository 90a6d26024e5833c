package com.telco.billing.protocol.billrun.journal;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the bill-cycle singleton: every remembered run and the last cycle date the schedule
 * has started. Version 1 was the coordinator's state itself ({@code BillRunState}), of the same
 * shape.
 *
 * @param scheduledThrough the last cycle date the schedule started, or {@code null} before the
 *     first
 */
public record BillRunSnapshot(LocalDate scheduledThrough, List<Run> runs)
    implements CborSerializable {

  public BillRunSnapshot {
    runs = List.copyOf(runs);
  }

  /**
   * One run.
   *
   * @param phase SCANNING, RETRYING or COMPLETED
   * @param cursor the last account id read from the cycle-day read side ("" before the first)
   * @param accountsDue the accounts of the cycle day: {@value #NOT_COUNTED} before they were
   *     counted, {@value #COUNT_FAILED} when counting failed, else the count (the processed count
   *     once the scan is over). The same numbers as {@code BillRunEvent.AccountsDueCounted#count}.
   * @param failures failed accounts (id to reason) in the order they failed
   * @param completedAt when the run completed, or {@code null}
   */
  public record Run(
      String runId,
      LocalDate cycleDate,
      String trigger,
      Instant startedAt,
      String phase,
      int retryRound,
      String cursor,
      long accountsDue,
      long processed,
      long invoiced,
      long skipped,
      Map<String, BigDecimal> amounts,
      Map<String, String> failures,
      Instant updatedAt,
      Instant completedAt) {

    /** {@link #accountsDue()} before the accounts of the cycle day were counted. */
    public static final long NOT_COUNTED = -1;

    /** {@link #accountsDue()} when counting the accounts of the cycle day failed. */
    public static final long COUNT_FAILED = -2;

    public Run {
      amounts = Map.copyOf(amounts);
      failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }
  }
}
