package com.telco.billing.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * The projections running on this node, per projection name and key (tag slice): how far behind the
 * journal they are, what they processed and how often they failed. Fed by the {@link
 * StatusObserver} {@link #observer()} gives each projection.
 */
public final class ProjectionMetrics {
  private final Clock clock;
  private final Gauge lag;
  private final Gauge lastEvent;
  private final Counter events;
  private final Counter errors;

  ProjectionMetrics(PrometheusRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  ProjectionMetrics(PrometheusRegistry registry, Clock clock) {
    this.clock = clock;
    this.lag =
        Gauge.builder()
            .name("billing_projection_lag_seconds")
            .help(
                "Time between the journal write of the last event a projection processed and its"
                    + " processing, as of that event (an idle projection keeps its last value)")
            .labelNames("projection", "key")
            .register(registry);
    this.lastEvent =
        Gauge.builder()
            .name("billing_projection_last_event_timestamp_seconds")
            .help("Journal write time (Unix seconds) of the last event a projection processed")
            .labelNames("projection", "key")
            .register(registry);
    this.events =
        Counter.builder()
            .name("billing_projection_events")
            .help("Events a projection processed on this node")
            .labelNames("projection")
            .register(registry);
    this.errors =
        Counter.builder()
            .name("billing_projection_errors")
            .help(
                "Failures of a projection on this node: kind=handler (an event's handler failed,"
                    + " retried or skipped by its recovery strategy), kind=stream (the projection"
                    + " failed and restarts)")
            .labelNames("projection", "kind")
            .register(registry);
  }

  /** An observer that feeds these metrics; give each projection one. */
  public <E> StatusObserver<EventEnvelope<E>> observer() {
    return new StatusObserver<>() {
      @Override
      public void started(ProjectionId id) {}

      @Override
      public void failed(ProjectionId id, Throwable cause) {
        errors.labelValues(id.name(), "stream").inc();
      }

      @Override
      public void stopped(ProjectionId id) {}

      @Override
      public void beforeProcess(ProjectionId id, EventEnvelope<E> envelope) {}

      @Override
      public void afterProcess(ProjectionId id, EventEnvelope<E> envelope) {
        processed(id.name(), id.key(), envelope.timestamp());
      }

      @Override
      public void offsetProgress(ProjectionId id, EventEnvelope<E> envelope) {}

      @Override
      public void error(
          ProjectionId id,
          EventEnvelope<E> envelope,
          Throwable cause,
          HandlerRecoveryStrategy recoveryStrategy) {
        errors.labelValues(id.name(), "handler").inc();
      }
    };
  }

  /** Records that {@code projection}'s instance {@code key} processed an event written then. */
  void processed(String projection, String key, long writtenAtMillis) {
    long now = clock.millis();
    lag.labelValues(projection, key).set(Math.max(0, now - writtenAtMillis) / 1000.0);
    lastEvent.labelValues(projection, key).set(writtenAtMillis / 1000.0);
    events.labelValues(projection).inc();
  }
}
