package com.telco.billing.protocol.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /usage/batches/parked}: one page of the parked batches of the durable intake,
 * by partition and then batch id.
 *
 * @param nextCursor the cursor of the next page ({@code cursor=}), null on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageParkedBatches(List<Batch> batches, String nextCursor) {

  /**
   * One parked batch.
   *
   * @param parkedRecords how many of its records were not rated
   * @param reason stable code of the failure (see {@link UsageBatchResponse#reason})
   * @param redriveRequestedAt when a redrive was asked for, null if none waits
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Batch(
      String batchId,
      int partition,
      Instant receivedAt,
      Instant parkedAt,
      int attempts,
      String reason,
      String message,
      int parkedRecords,
      Instant redriveRequestedAt) {}
}
