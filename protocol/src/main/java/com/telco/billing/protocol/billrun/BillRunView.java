package com.telco.billing.protocol.billrun;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A bill run as {@code GET /bill-runs/{id}} shows it.
 *
 * @param status RUNNING or COMPLETED
 * @param phase SCANNING (walking the accounts of the cycle day), RETRYING (failed accounts) or
 *     COMPLETED
 * @param accountsDue the accounts of the cycle day (counted when the run starts; the processed
 *     count once the scan is over), -1 until counted
 * @param processed accounts asked to close their period so far
 * @param failed accounts whose close failed and that are (or were) retried
 * @param amounts sum of the invoices' tax-included amounts, per currency
 * @param accountsPerSecond processed accounts per second since the start
 * @param estimatedCompletion when the scan should be over at that rate; null once over or unknown
 * @param failures the failed accounts with reasons (at most 100; {@code failed} has the count)
 * @param created true when this request started the run
 */
public record BillRunView(
    String runId,
    LocalDate cycleDate,
    String trigger,
    String status,
    String phase,
    int retryRound,
    Instant startedAt,
    Instant completedAt,
    long accountsDue,
    long processed,
    long invoiced,
    long skipped,
    long failed,
    Map<String, BigDecimal> amounts,
    BigDecimal accountsPerSecond,
    Instant estimatedCompletion,
    List<Failure> failures,
    boolean created)
    implements CborSerializable {

  /** A failed account and why. */
  public record Failure(String accountId, String reason) {}
}
