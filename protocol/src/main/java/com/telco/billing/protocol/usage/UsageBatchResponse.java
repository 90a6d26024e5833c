package com.telco.billing.protocol.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /usage/batches} (202) and {@code GET /usage/batches/{id}}: a batch of the
 * durable intake log. While it is {@code received}, the counts say how many records were taken and
 * how many were refused at intake ({@code rejections}, by position); once {@code rated}, every
 * record's outcome is listed in the order the records were sent, as {@code POST /usage} lists them.
 *
 * @param status {@code received} (durably recorded, not rated yet) or {@code rated}
 * @param pending records still waiting to be rated (0 once rated)
 * @param rejections records refused at intake, while the batch is received
 * @param records every record's outcome, once the batch is rated
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
    List<UsageOutcome> records) {

  public static final String RECEIVED = "received";
  public static final String RATED = "rated";

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
        null);
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
        outcomes);
  }
}
