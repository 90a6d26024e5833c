package com.telco.billing.node.usage.intake;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.usage.intake}: the durable intake log ({@code POST /usage/batches}) and its rating
 * pipeline.
 *
 * @param partitions intake partitions, one reader each; fixed for the life of a keyspace
 * @param rating whether this node runs the readers (off: batches are only received)
 * @param maxWritesInFlight batch writes this node has open at once; more are answered 429
 * @param writeTimeout how long the write of one batch may take before the request fails
 * @param settleDelay readers only read batches older than this, so that a batch whose write was
 *     still in flight when a reader passed its time is not skipped; longer than {@code
 *     writeTimeout} plus the clock skew between nodes
 * @param pollInterval how often an idle reader looks for new batches
 * @param batchesInFlight batches one reader rates at once
 * @param firstScanLookback where a reader with no stored offset starts scanning, before now
 * @param retryBackoff how long a reader waits before rating a failed step again
 * @param yieldAt a reader starts no new step while this node has this many batches being received
 *     (0: never yields), so that bursts are acknowledged first and rated after
 * @param maxYield how long a reader yields at most before it rates a step anyway
 * @param ratingCalls guiding look-ups and account calls the readers of this node have open at once
 * @param ratingCallsWhileReceiving the same while this node is receiving a batch, so that rating
 *     takes a smaller share of the cores and of the journal while a client waits for its 202
 * @param maxAttempts rating attempts of a batch whose records fail before it is parked; only
 *     attempts after which Cassandra took the attempt's record count
 * @param attemptBackoff wait before a batch's second attempt, doubling before each further one
 */
public record IntakeSettings(
    int partitions,
    boolean rating,
    int maxWritesInFlight,
    Duration writeTimeout,
    Duration settleDelay,
    Duration pollInterval,
    int batchesInFlight,
    Duration firstScanLookback,
    Duration retryBackoff,
    int yieldAt,
    Duration maxYield,
    int ratingCalls,
    int ratingCallsWhileReceiving,
    int maxAttempts,
    Duration attemptBackoff) {

  public static IntakeSettings from(Config config) {
    Config c = config.getConfig("billing.usage.intake");
    IntakeSettings settings =
        new IntakeSettings(
            c.getInt("partitions"),
            c.getBoolean("rating"),
            c.getInt("max-writes-in-flight"),
            c.getDuration("write-timeout"),
            c.getDuration("settle-delay"),
            c.getDuration("poll-interval"),
            c.getInt("batches-in-flight"),
            c.getDuration("first-scan-lookback"),
            c.getDuration("retry-backoff"),
            c.getInt("yield-at"),
            c.getDuration("max-yield"),
            c.getInt("rating-calls-in-flight"),
            c.getInt("rating-calls-while-receiving"),
            c.getInt("max-attempts"),
            c.getDuration("attempt-backoff"));
    if (settings.partitions < 1
        || settings.batchesInFlight < 1
        || settings.ratingCalls < 1
        || settings.ratingCallsWhileReceiving < 1
        || settings.maxAttempts < 1) {
      throw new IllegalArgumentException(
          "billing.usage.intake.partitions, batches-in-flight, rating-calls-in-flight,"
              + " rating-calls-while-receiving and max-attempts must be at least 1");
    }
    if (settings.settleDelay.compareTo(settings.writeTimeout) <= 0) {
      throw new IllegalArgumentException(
          "billing.usage.intake.settle-delay must be longer than write-timeout");
    }
    return settings;
  }
}
