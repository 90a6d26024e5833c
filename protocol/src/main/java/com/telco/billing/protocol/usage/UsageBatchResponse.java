package com.telco.billing.protocol.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /usage/batches} (202), {@code GET /usage/batches/{id}} and {@code POST
 * /usage/batches/{id}/redrive} (202): a batch of the durable intake log. While it is {@code
 * received}, the counts say how many records were taken and how many were refused at intake ({@code
 * rejections}, by position); once {@code rated}, every record's outcome is listed in the order the
 * records were sent, as {@code POST /usage} lists them. A batch whose records failed in every
 * rating attempt is {@code parked}: the records that were rated have their outcomes, the others
 * ({@code parkedRecords}) a {@code null} in {@code records}, and {@code reason} says why.
 *
 * @param status {@code received} (durably recorded, not rated yet), {@code rated} or {@code parked}
 * @param pending records still waiting to be rated (0 once rated; the parked records when parked)
 * @param rejections records refused at intake, while the batch is received
 * @param records every record's outcome, once the batch is rated; when parked, {@code null} for
 *     each parked record
 * @param attempts failed rating attempts: so far while received, before parking when parked
 * @param reason stable code of the last failure ({@code account_timeout}, {@code account_refused},
 *     {@code storage_failure}, {@code rating_error}, {@code unreadable_batch})
 * @param message what failed; never a value of the batch
 * @param parkedAt when the batch was parked
 * @param parkedRecords positions of the records that were not rated, when parked
 * @param redriveRequestedAt when an operator asked to rate the parked batch again (it is then
 *     {@code received} until it is rated or parked again)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageBatchResponse(
    String batchId,
    String status,
    Instant receivedAt,
    Instant ratedAt,
    int received,
    Integer accepted,
    Integer duplicate,
    int rejected,
    Integer suspended,
    int pending,
    List<Rejection> rejections,
    List<UsageOutcome> records,
    Integer attempts,
    String reason,
    String message,
    Instant parkedAt,
    List<Integer> parkedRecords,
    Instant redriveRequestedAt) {

  public static final String RECEIVED = "received";
  public static final String RATED = "rated";
  public static final String PARKED = "parked";

  /** A record refused at intake: its position in the batch and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rejection(
      int index, String id, String source, String reason, String field, String message) {}

  /** A batch written to the intake log and not rated yet. */
  public static UsageBatchResponse received(
      String batchId, Instant receivedAt, int received, List<Rejection> rejections) {
    return new UsageBatchResponse(
        batchId,
        RECEIVED,
        receivedAt,
        null,
        received,
        null,
        null,
        rejections.size(),
        null,
        received - rejections.size(),
        rejections,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The same, with its last failed attempt (or its last parking, before a redrive). */
  public UsageBatchResponse withFailure(
      int attempts, String reason, String message, Instant redriveRequestedAt) {
    return new UsageBatchResponse(
        batchId,
        status,
        receivedAt,
        ratedAt,
        received,
        accepted,
        duplicate,
        rejected,
        suspended,
        pending,
        rejections,
        records,
        attempts,
        reason,
        message,
        parkedAt,
        parkedRecords,
        redriveRequestedAt);
  }

  /** A rated batch with every record's outcome. */
  public static UsageBatchResponse rated(
      String batchId, Instant receivedAt, Instant ratedAt, List<UsageOutcome> outcomes) {
    UsageResponse counts = UsageResponse.of(outcomes);
    return new UsageBatchResponse(
        batchId,
        RATED,
        receivedAt,
        ratedAt,
        counts.received(),
        counts.accepted(),
        counts.duplicate(),
        counts.rejected(),
        counts.suspended(),
        0,
        null,
        outcomes,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A parked batch: the outcomes of the records that were rated, {@code null} for the others. */
  public static UsageBatchResponse parked(
      String batchId,
      Instant receivedAt,
      Instant parkedAt,
      List<UsageOutcome> outcomes,
      int attempts,
      String reason,
      String message) {
    UsageResponse counts = UsageResponse.of(outcomes.stream().filter(Objects::nonNull).toList());
    List<Integer> parkedRecords = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == null) {
        parkedRecords.add(i);
      }
    }
    return new UsageBatchResponse(
        batchId,
        PARKED,
        receivedAt,
        null,
        outcomes.size(),
        counts.accepted(),
        counts.duplicate(),
        counts.rejected(),
        counts.suspended(),
        parkedRecords.size(),
        null,
        outcomes,
        attempts,
        reason,
        message,
        parkedAt,
        parkedRecords,
        null);
  }
}
