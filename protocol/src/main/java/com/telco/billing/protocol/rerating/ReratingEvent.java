package com.telco.billing.protocol.rerating;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events of the re-rating singleton, persisted under {@code Rerating|jobs} (docs/rerating.md). */
public sealed interface ReratingEvent extends CborSerializable
    permits ReratingEvent.JobStarted, ReratingEvent.StepRecorded {

  /**
   * A job was started.
   *
   * @param accounts the accounts named, or {@code null} for a job over an offering
   * @param offeringId the offering, or {@code null}
   * @param catalogVersions the catalog's versions (ordinary and corrections) when it started: the
   *     accounts rate with at least those
   */
  record JobStarted(
      String jobId,
      String fingerprint,
      List<String> accounts,
      String offeringId,
      Instant from,
      Instant to,
      String reason,
      Origin origin,
      Instant startedAt,
      int catalogVersions)
      implements ReratingEvent {}

  /**
   * A step of a job was done: the accounts of one page (or of a retry round) were visited.
   *
   * @param nextIndex for a job naming accounts, the index of the next account to visit
   * @param scanDay for a job over an offering, the bill cycle day being scanned (29 once done)
   * @param scanAfter the last account id of {@code scanDay} visited, or {@code null}
   * @param retry whether the step retried failed accounts (they were counted when first visited)
   * @param accountsVisited accounts visited for the first time
   * @param failed the accounts that failed in this step, with why
   * @param recovered accounts that had failed before and succeeded now
   * @param completed whether the job is complete after this step
   * @param accountsTotal the job's accounts when known after this step, else {@code null}
   */
  record StepRecorded(
      String jobId,
      int nextIndex,
      int scanDay,
      String scanAfter,
      boolean retry,
      long accountsVisited,
      long recordsSelected,
      long recordsChanged,
      long adjustmentLines,
      Map<String, BigDecimal> openDifference,
      Map<String, BigDecimal> adjusted,
      Map<String, String> failed,
      List<String> recovered,
      boolean completed,
      Long accountsTotal,
      Instant recordedAt)
      implements ReratingEvent {
    public StepRecorded {
      openDifference = Map.copyOf(openDifference);
      adjusted = Map.copyOf(adjusted);
      failed = Map.copyOf(failed);
      recovered = List.copyOf(recovered);
    }
  }
}
