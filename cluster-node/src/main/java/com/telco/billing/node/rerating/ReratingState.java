package com.telco.billing.node.rerating;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.rerating.ReratingEvent;
import com.telco.billing.protocol.rerating.ReratingEvent.JobStarted;
import com.telco.billing.protocol.rerating.ReratingEvent.StepRecorded;
import com.telco.billing.protocol.rerating.ReratingJobView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The re-rating singleton's jobs, oldest first (docs/rerating.md). Immutable; {@link #apply} folds
 * an event. Only the last {@value #KEEP_COMPLETED} completed jobs are kept.
 */
public record ReratingState(List<Job> jobs) implements CborSerializable {

  /** Completed jobs kept (older ones are dropped from {@code GET /rerating-jobs}). */
  static final int KEEP_COMPLETED = 100;

  /** The first bill cycle day scanned, and the day after the last. */
  static final int FIRST_DAY = 1;

  static final int PAST_LAST_DAY = 29;

  public static final ReratingState EMPTY = new ReratingState(List.of());

  public ReratingState {
    jobs = List.copyOf(jobs);
  }

  /**
   * A job.
   *
   * @param catalogVersions the catalog versions the accounts must have to rate the job
   * @param retryRound the retry rounds done after the scan
   * @param scanEnded whether every account was visited once
   */
  public record Job(
      String jobId,
      String fingerprint,
      List<String> accounts,
      String offeringId,
      Instant from,
      Instant to,
      String reason,
      Origin origin,
      Instant startedAt,
      int catalogVersions,
      int nextIndex,
      int scanDay,
      String scanAfter,
      boolean scanEnded,
      int retryRound,
      long accountsVisited,
      long recordsSelected,
      long recordsChanged,
      long adjustmentLines,
      Map<String, BigDecimal> openDifference,
      Map<String, BigDecimal> adjusted,
      Map<String, String> failures,
      Long accountsTotal,
      Instant completedAt) {

    public Job {
      accounts = accounts == null ? null : List.copyOf(accounts);
      openDifference = Map.copyOf(openDifference);
      adjusted = Map.copyOf(adjusted);
      failures = Map.copyOf(failures);
    }

    public boolean active() {
      return completedAt == null;
    }

    Job after(StepRecorded step) {
      Map<String, String> failuresAfter = failuresAfter(step.failed(), step.recovered());
      boolean ended = scanEnded || (!step.retry() && scanEndsAt(step.nextIndex(), step.scanDay()));
      return new Job(
          jobId,
          fingerprint,
          accounts,
          offeringId,
          from,
          to,
          reason,
          origin,
          startedAt,
          catalogVersions,
          step.retry() ? nextIndex : step.nextIndex(),
          step.retry() ? scanDay : step.scanDay(),
          step.retry() ? scanAfter : step.scanAfter(),
          ended,
          step.retry() ? retryRound + 1 : retryRound,
          accountsVisited + step.accountsVisited(),
          recordsSelected + step.recordsSelected(),
          recordsChanged + step.recordsChanged(),
          adjustmentLines + step.adjustmentLines(),
          sum(openDifference, step.openDifference()),
          sum(adjusted, step.adjusted()),
          failuresAfter,
          step.accountsTotal() != null ? step.accountsTotal() : accountsTotal,
          step.completed() ? step.recordedAt() : null);
    }

    /** Whether a scan step that leaves this cursor visited every account. */
    boolean scanEndsAt(int nextIndex, int scanDay) {
      return accounts != null ? nextIndex >= accounts.size() : scanDay >= PAST_LAST_DAY;
    }

    /** The failures after a step that failed {@code failed} and recovered {@code recovered}. */
    Map<String, String> failuresAfter(Map<String, String> failed, List<String> recovered) {
      Map<String, String> after = new LinkedHashMap<>(failures);
      recovered.forEach(after::remove);
      after.putAll(failed);
      return after;
    }

    /** The job as the API shows it at {@code now}. */
    public ReratingJobView toView(Instant now) {
      Instant end = completedAt != null ? completedAt : now;
      long elapsed = Math.max(0, Duration.between(startedAt, end).toSeconds());
      BigDecimal rate =
          elapsed == 0
              ? BigDecimal.valueOf(accountsVisited)
              : BigDecimal.valueOf(accountsVisited)
                  .divide(BigDecimal.valueOf(elapsed), 1, RoundingMode.HALF_UP);
      return new ReratingJobView(
          jobId,
          active() ? "running" : "completed",
          accounts,
          offeringId,
          from,
          to,
          reason,
          origin == null ? null : origin.subject(),
          startedAt,
          completedAt,
          new ReratingJobView.Progress(
              accounts != null ? Long.valueOf(accounts.size()) : accountsTotal,
              accountsVisited,
              recordsSelected,
              recordsChanged,
              adjustmentLines,
              new TreeMap<>(openDifference),
              new TreeMap<>(adjusted),
              new TreeMap<>(failures),
              elapsed,
              rate));
    }
  }

  private static Map<String, BigDecimal> sum(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
    Map<String, BigDecimal> total = new TreeMap<>(a);
    b.forEach((currency, amount) -> total.merge(currency, amount, BigDecimal::add));
    return total;
  }

  /** The job with this id. */
  public Optional<Job> job(String jobId) {
    return jobs.stream().filter(j -> j.jobId().equals(jobId)).findFirst();
  }

  /** The oldest job still running. */
  public Optional<Job> activeJob() {
    return jobs.stream().filter(Job::active).findFirst();
  }

  /** This state after {@code event}. */
  public ReratingState apply(ReratingEvent event) {
    List<Job> next = new ArrayList<>(jobs);
    if (event instanceof JobStarted s) {
      next.add(
          new Job(
              s.jobId(),
              s.fingerprint(),
              s.accounts(),
              s.offeringId(),
              s.from(),
              s.to(),
              s.reason(),
              s.origin(),
              s.startedAt(),
              s.catalogVersions(),
              0,
              FIRST_DAY,
              null,
              false,
              0,
              0,
              0,
              0,
              0,
              Map.of(),
              Map.of(),
              Map.of(),
              s.accounts() == null ? null : (long) s.accounts().size(),
              null));
    } else if (event instanceof StepRecorded step) {
      next.replaceAll(j -> j.jobId().equals(step.jobId()) ? j.after(step) : j);
    }
    long completed = next.stream().filter(j -> !j.active()).count();
    for (int i = 0; i < next.size() && completed > KEEP_COMPLETED; ) {
      if (!next.get(i).active()) {
        next.remove(i);
        completed--;
      } else {
        i++;
      }
    }
    return new ReratingState(next);
  }
}
