package com.telco.billing.protocol.rerating;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A re-rating job as {@code GET /rerating-jobs/{id}} shows it (docs/rerating.md).
 *
 * @param id the job's id
 * @param status {@code running} or {@code completed}
 * @param accounts the accounts named, or {@code null} for a job over an offering
 * @param offeringId the offering, or {@code null}
 * @param from the first usage instant rated again
 * @param to the first usage instant after the range
 * @param reason why it was started
 * @param startedBy who started it ({@code null} if unknown)
 * @param startedAt when
 * @param completedAt when it completed, or {@code null}
 * @param progress what it has done so far
 */
public record ReratingJobView(
    String id,
    String status,
    List<String> accounts,
    String offeringId,
    Instant from,
    Instant to,
    String reason,
    String startedBy,
    Instant startedAt,
    Instant completedAt,
    Progress progress)
    implements CborSerializable {

  /**
   * A job's progress.
   *
   * @param accountsTotal the accounts to visit, or {@code null} while unknown (a job over an
   *     offering visits every account)
   * @param accountsDone the accounts visited (each once, retries not counted again)
   * @param recordsSelected the records the selection chose
   * @param recordsChanged the records whose rating changed
   * @param adjustmentLines the adjustment lines added for invoiced periods
   * @param openDifference per currency, how much the rated amounts of periods not invoiced changed
   * @param adjusted per currency, the sum of the adjustment lines
   * @param failures the accounts that failed, with why (retried after the scan)
   * @param elapsedSeconds seconds since the start (until completion)
   * @param accountsPerSecond accounts visited per second of it
   */
  public record Progress(
      Long accountsTotal,
      long accountsDone,
      long recordsSelected,
      long recordsChanged,
      long adjustmentLines,
      Map<String, BigDecimal> openDifference,
      Map<String, BigDecimal> adjusted,
      Map<String, String> failures,
      long elapsedSeconds,
      BigDecimal accountsPerSecond)
      implements CborSerializable {}

  /** {@code GET /rerating-jobs}: the jobs, newest first. */
  public record JobList(List<ReratingJobView> jobs) implements CborSerializable {
    public JobList {
      jobs = List.copyOf(jobs);
    }
  }

  /** What starting a job answered: the job, and whether this request started it. */
  public record Started(ReratingJobView job, boolean created) implements CborSerializable {}
}
