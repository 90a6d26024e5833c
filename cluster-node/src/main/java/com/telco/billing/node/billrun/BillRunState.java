package com.telco.billing.node.billrun;

import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.BillRunView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bill-cycle singleton's state: every remembered run with its progress, and the last cycle date
 * the schedule has started. Persisted in snapshots (as a {@code BillRunSnapshot}, {@link
 * BillRunJournal}); rebuilt from the events after a move of the singleton, so a run resumes after
 * its last recorded step.
 */
public record BillRunState(LocalDate scheduledThrough, List<Run> runs) {

  public static final BillRunState EMPTY = new BillRunState(null, List.of());

  /** {@link BillRunView#accountsDue()} while the count is not known. */
  static final long VIEW_NOT_COUNTED = -1;

  public BillRunState {
    runs = List.copyOf(runs);
  }

  /** Phases of a run. */
  public enum Phase {
    SCANNING,
    RETRYING,
    COMPLETED
  }

  /**
   * One run.
   *
   * @param cursor the last account id read from the cycle-day read side ("" before the first)
   * @param accountsDue the accounts of the cycle day; once the scan is over, the processed count
   * @param failures failed accounts (id to reason), retried after the scan
   */
  public record Run(
      String runId,
      LocalDate cycleDate,
      String trigger,
      Instant startedAt,
      Phase phase,
      int retryRound,
      String cursor,
      AccountsDue accountsDue,
      long processed,
      long invoiced,
      long skipped,
      Map<String, BigDecimal> amounts,
      Map<String, String> failures,
      Instant updatedAt,
      Instant completedAt) {

    public Run {
      amounts = Map.copyOf(amounts);
      failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    static Run started(String runId, LocalDate cycleDate, String trigger, Instant at) {
      return new Run(
          runId,
          cycleDate,
          trigger,
          at,
          Phase.SCANNING,
          0,
          "",
          AccountsDue.NotCounted.INSTANCE,
          0,
          0,
          0,
          Map.of(),
          Map.of(),
          at,
          null);
    }

    boolean active() {
      return phase != Phase.COMPLETED;
    }

    Run with(BillRunEvent.StepRecorded step) {
      Map<String, BigDecimal> sums = new HashMap<>(amounts);
      step.amounts().forEach((currency, amount) -> sums.merge(currency, amount, BigDecimal::add));
      Map<String, String> failed = new LinkedHashMap<>(failures);
      step.recovered().forEach(failed::remove);
      failed.putAll(step.failed());
      return new Run(
          runId,
          cycleDate,
          trigger,
          startedAt,
          phase,
          retryRound,
          step.cursor() == null ? cursor : step.cursor(),
          accountsDue,
          processed + step.processed(),
          invoiced + step.invoiced(),
          skipped + step.skipped(),
          sums,
          failed,
          step.at(),
          completedAt);
    }

    Run withPhase(Phase next, int round, Instant at) {
      AccountsDue due = next == Phase.SCANNING ? accountsDue : new AccountsDue.Counted(processed);
      return new Run(
          runId,
          cycleDate,
          trigger,
          startedAt,
          next,
          round,
          cursor,
          due,
          processed,
          invoiced,
          skipped,
          amounts,
          failures,
          at,
          next == Phase.COMPLETED ? at : completedAt);
    }

    Run withAccountsDue(AccountsDue count) {
      return new Run(
          runId,
          cycleDate,
          trigger,
          startedAt,
          phase,
          retryRound,
          cursor,
          count,
          processed,
          invoiced,
          skipped,
          amounts,
          failures,
          updatedAt,
          completedAt);
    }

    /** The count as the HTTP API shows it: -1 until it is known. */
    private static long viewed(AccountsDue due) {
      return due instanceof AccountsDue.Counted counted ? counted.count() : VIEW_NOT_COUNTED;
    }

    /** The view of the HTTP API at {@code now}. */
    public BillRunView toView(Instant now, boolean created) {
      Instant end = completedAt != null ? completedAt : now;
      long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
      BigDecimal rate =
          BigDecimal.valueOf(processed * 1000L)
              .divide(BigDecimal.valueOf(millis), 1, RoundingMode.HALF_UP);
      Instant eta = null;
      if (phase == Phase.SCANNING
          && accountsDue instanceof AccountsDue.Counted due
          && rate.signum() > 0) {
        long remaining = Math.max(0, due.count() - processed);
        eta = now.plusMillis(remaining * millis / Math.max(1, processed));
      }
      List<BillRunView.Failure> shown = new ArrayList<>();
      for (var failure : failures.entrySet()) {
        if (shown.size() == 100) {
          break;
        }
        shown.add(new BillRunView.Failure(failure.getKey(), failure.getValue()));
      }
      return new BillRunView(
          runId,
          cycleDate,
          trigger,
          phase == Phase.COMPLETED ? "COMPLETED" : "RUNNING",
          phase.name(),
          retryRound,
          startedAt,
          completedAt,
          viewed(accountsDue),
          processed,
          invoiced,
          skipped,
          failures.size(),
          amounts,
          rate,
          eta,
          shown,
          created);
    }
  }

  /**
   * The run id of a cycle date's {@code pass}: {@code BR-2026-12-01} for the first, {@code
   * BR-2026-12-01-2} for the second, ...
   */
  public static String runIdOf(LocalDate cycleDate, int pass) {
    return "BR-" + cycleDate + (pass == 1 ? "" : "-" + pass);
  }

  /** The runs (passes) of a cycle date, oldest first. */
  public List<Run> runsOf(LocalDate cycleDate) {
    return runs.stream().filter(r -> r.cycleDate().equals(cycleDate)).toList();
  }

  public Optional<Run> run(String runId) {
    return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
  }

  /** The oldest run that is not completed. */
  public Optional<Run> activeRun() {
    return runs.stream().filter(Run::active).findFirst();
  }

  BillRunState apply(BillRunEvent event, int keepFinished) {
    if (event instanceof BillRunEvent.RunStarted s) {
      List<Run> next = new ArrayList<>(runs);
      next.add(Run.started(s.runId(), s.cycleDate(), s.trigger(), s.at()));
      return new BillRunState(scheduledThrough, prune(next, keepFinished));
    }
    if (event instanceof BillRunEvent.AccountsDueCounted c) {
      return update(c.runId(), run -> run.withAccountsDue(BillRunJournal.toAccountsDue(c.count())));
    }
    if (event instanceof BillRunEvent.StepRecorded step) {
      return update(step.runId(), run -> run.with(step));
    }
    if (event instanceof BillRunEvent.ScanCompleted done) {
      return update(done.runId(), run -> run.withPhase(Phase.RETRYING, 0, done.at()));
    }
    if (event instanceof BillRunEvent.RetryRoundCompleted round) {
      return update(round.runId(), run -> run.withPhase(Phase.RETRYING, round.round(), round.at()));
    }
    if (event instanceof BillRunEvent.RunCompleted done) {
      return update(
          done.runId(), run -> run.withPhase(Phase.COMPLETED, run.retryRound(), done.at()));
    }
    if (event instanceof BillRunEvent.ScheduledThrough through) {
      return new BillRunState(through.date(), runs);
    }
    throw new IllegalArgumentException("unknown event " + event);
  }

  private BillRunState update(String runId, java.util.function.UnaryOperator<Run> change) {
    List<Run> next = new ArrayList<>(runs.size());
    for (Run run : runs) {
      next.add(run.runId().equals(runId) ? change.apply(run) : run);
    }
    return new BillRunState(scheduledThrough, next);
  }

  /** Drops the oldest finished runs beyond {@code keepFinished}; active runs are always kept. */
  private static List<Run> prune(List<Run> runs, int keepFinished) {
    long finished = runs.stream().filter(r -> !r.active()).count();
    List<Run> kept = new ArrayList<>(runs.size());
    for (Run run : runs) {
      if (!run.active() && finished > keepFinished) {
        finished--;
        continue;
      }
      kept.add(run);
    }
    return kept;
  }
}
