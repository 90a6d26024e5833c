package com.telco.billing.protocol.usage;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /usage/batches}: how far the intake readers are behind, per partition: batches
 * received after the reader's stored offset (not rated yet, or being rated now).
 *
 * @param pendingBatches batches of all partitions not rated yet
 * @param pendingRecords their records
 */
public record UsageIntakeBacklog(
    int pendingBatches, long pendingRecords, List<Partition> partitions) {

  /**
   * One partition.
   *
   * @param ratedUpTo reception time of the last batch the reader has rated and stored its offset
   *     for (or the start of the hour it reads), null if it has not started
   */
  public record Partition(
      int partition, Instant ratedUpTo, int pendingBatches, long pendingRecords) {}

  public static UsageIntakeBacklog of(List<Partition> partitions) {
    int batches = 0;
    long records = 0;
    for (Partition p : partitions) {
      batches += p.pendingBatches();
      records += p.pendingRecords();
    }
    return new UsageIntakeBacklog(batches, records, partitions);
  }
}
