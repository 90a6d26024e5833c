package com.telco.billing.node.metrics;

import com.telco.billing.protocol.usage.UsageOutcome;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * Usage records by outcome and reason, and the latencies of rating them: the account call of the
 * intake (a {@code RateUsage} ask's round trip) and the rating inside the account entity.
 */
public final class UsageMetrics {
  /** The reason label of an outcome that has none (accepted on time, duplicate). */
  public static final String NO_REASON = "none";

  /** The reason label of a record accepted for a period already invoiced. */
  public static final String LATE = "late";

  /** How the records came in: the {@code path} label. */
  public enum Path {
    /** {@code POST /usage}, answered with the outcomes. */
    SYNC("sync"),
    /** A batch of the durable intake ({@code POST /usage/batches}), rated by an intake reader. */
    INTAKE("intake"),
    /** Records held in suspense, submitted again. */
    RECYCLE("recycle");

    final String label;

    Path(String label) {
      this.label = label;
    }
  }

  static final double[] CALL_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5
  };

  static final double[] RATING_BUCKETS = {
    0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1
  };

  private final Counter records;
  private final Histogram accountCall;
  private final Histogram rating;

  UsageMetrics(PrometheusRegistry registry) {
    this.records =
        Counter.builder()
            .name("billing_usage_records")
            .help(
                "Usage record outcomes produced on this node, by path (sync, intake, recycle),"
                    + " outcome (accepted, duplicate, rejected, suspended) and reason")
            .labelNames("path", "outcome", "reason")
            .register(registry);
    this.accountCall =
        Histogram.builder()
            .name("billing_usage_account_call_seconds")
            .help(
                "Round trip of one RateUsage ask to an account entity: sharding, the entity's"
                    + " mailbox (and recovery when it was passivated), rating and the journal write")
            .classicOnly()
            .classicUpperBounds(CALL_BUCKETS)
            .register(registry);
    this.rating =
        Histogram.builder()
            .name("billing_usage_rating_seconds")
            .help(
                "Time an account entity spends rating the records of one RateUsage command,"
                    + " before its journal write")
            .classicOnly()
            .classicUpperBounds(RATING_BUCKETS)
            .register(registry);
  }

  /** Counts the outcomes of records, in any order; null entries (no outcome) are not counted. */
  public void outcomes(Path path, List<UsageOutcome> outcomes) {
    for (UsageOutcome outcome : outcomes) {
      if (outcome != null) {
        records
            .labelValues(
                path.label,
                outcome.status().name().toLowerCase(java.util.Locale.ROOT),
                reason(outcome))
            .inc();
      }
    }
  }

  /** The reason label of an outcome: a stable code, never text of the record. */
  static String reason(UsageOutcome outcome) {
    if (outcome instanceof UsageOutcome.Rejected rejected && rejected.reason() != null) {
      return rejected.reason();
    }
    if (outcome instanceof UsageOutcome.Suspended suspended && suspended.reason() != null) {
      return suspended.reason();
    }
    if (outcome instanceof UsageOutcome.Accepted accepted && accepted.late()) {
      return LATE;
    }
    return NO_REASON;
  }

  /** Observes an account call that started at {@code startNanos} ({@link System#nanoTime()}). */
  public void accountCall(long startNanos) {
    accountCall.observe((System.nanoTime() - startNanos) / 1e9);
  }

  /** Observes a rating that started at {@code startNanos} ({@link System#nanoTime()}). */
  public void rating(long startNanos) {
    rating.observe((System.nanoTime() - startNanos) / 1e9);
  }
}
