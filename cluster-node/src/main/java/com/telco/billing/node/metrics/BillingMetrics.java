package com.telco.billing.node.metrics;

import com.telco.billing.protocol.billrun.BillRunList;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * The metrics of one node: one Prometheus registry per actor system (so each node of a multi-node
 * test has its own), the node's instruments grouped by concern, and the JVM and GC collectors.
 * {@code GET /metrics} on the management port ({@code http.MetricsRoutes}) writes it out.
 *
 * <p>The only global state is the JVM collectors' own: the library remembers which registries it
 * registered them with.
 */
public final class BillingMetrics implements Extension {
  private static final ExtensionId<BillingMetrics> ID =
      new ExtensionId<>() {
        @Override
        public BillingMetrics createExtension(ActorSystem<?> system) {
          return new BillingMetrics(new PrometheusRegistry());
        }
      };

  private final PrometheusRegistry registry;
  private final HttpRequestMetrics http;
  private final UsageMetrics usage;
  private final JournalMetrics journal;
  private final ProjectionMetrics projections;
  private final ShardingMetrics sharding;
  private final BillRunMetrics billRuns;
  private final CollectionMetrics collections;
  private final DunningMetrics dunning;

  /** The node's metrics, created with the actor system's first use. */
  public static BillingMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Metrics over {@code registry}, with the JVM collectors registered there. */
  BillingMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    JvmMetrics.builder().register(registry);
    this.http = new HttpRequestMetrics(registry);
    this.usage = new UsageMetrics(registry);
    this.journal = new JournalMetrics(registry);
    this.projections = new ProjectionMetrics(registry);
    this.sharding = new ShardingMetrics(registry);
    this.billRuns = new BillRunMetrics(registry);
    this.collections = new CollectionMetrics(registry);
    this.dunning = new DunningMetrics(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public HttpRequestMetrics http() {
    return http;
  }

  public UsageMetrics usage() {
    return usage;
  }

  public JournalMetrics journal() {
    return journal;
  }

  public ProjectionMetrics projections() {
    return projections;
  }

  public ShardingMetrics sharding() {
    return sharding;
  }

  public BillRunMetrics billRuns() {
    return billRuns;
  }

  public CollectionMetrics collections() {
    return collections;
  }

  public DunningMetrics dunning() {
    return dunning;
  }

  /**
   * Starts the periodic readings: the shard regions of {@code entityTypes} on this node and the
   * bill runs, every {@link MetricsSettings#pollInterval()}.
   *
   * @param billRuns the runs the bill-cycle singleton remembers
   */
  public void startPolling(
      ActorSystem<?> system,
      MetricsSettings settings,
      List<EntityTypeKey<?>> entityTypes,
      Supplier<CompletionStage<BillRunList>> billRuns) {
    Duration interval = settings.pollInterval();
    sharding.poll(system, entityTypes, interval);
    this.billRuns.poll(system, billRuns, interval);
  }

  /** Content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  /** Every metric of the registry, in the Prometheus text format. */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
