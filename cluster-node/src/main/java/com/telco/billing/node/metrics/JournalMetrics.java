package com.telco.billing.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Journal writes of the entities: how long a write took as the entity saw it, and the writes the
 * journal failed or rejected ({@code JournalPersistFailed}, {@code JournalPersistRejected}: the
 * entity stops, the command's caller gets no answer).
 */
public final class JournalMetrics {
  static final double[] WRITE_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5
  };

  private final Histogram writes;
  private final Counter failures;

  JournalMetrics(PrometheusRegistry registry) {
    this.writes =
        Histogram.builder()
            .name("billing_journal_write_seconds")
            .help(
                "Time from an entity's persist effect until the journal confirmed the write (the"
                    + " journal's batching included), by entity type and event")
            .labelNames("entity", "event")
            .classicOnly()
            .classicUpperBounds(WRITE_BUCKETS)
            .register(registry);
    this.failures =
        Counter.builder()
            .name("billing_persist_failures")
            .help(
                "Journal writes that failed (kind=failed: the journal did not answer or erred) or"
                    + " were rejected (kind=rejected: e.g. the event could not be serialized), by"
                    + " entity type")
            .labelNames("entity", "kind")
            .register(registry);
  }

  /** Observes a write of {@code event} by an {@code entity} that started at {@code startNanos}. */
  public void written(String entity, String event, long startNanos) {
    writes.labelValues(entity, event).observe((System.nanoTime() - startNanos) / 1e9);
  }

  /** Counts a write the journal failed. */
  public void failed(String entity) {
    failures.labelValues(entity, "failed").inc();
  }

  /** Counts a write the journal rejected. */
  public void rejected(String entity) {
    failures.labelValues(entity, "rejected").inc();
  }
}
