package com.telco.billing.node.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.ShardRegion.ShardState;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shards and entities that this node's shard regions host, per entity type, from a periodic {@link
 * GetShardRegionState} of the local regions (a local query: no other node is asked).
 */
public final class ShardingMetrics {
  private static final Logger log = LoggerFactory.getLogger(ShardingMetrics.class);

  private final Gauge shards;
  private final Gauge entities;

  ShardingMetrics(PrometheusRegistry registry) {
    this.shards =
        Gauge.builder()
            .name("billing_sharding_shards")
            .help("Shards this node hosts, by entity type")
            .labelNames("entity_type")
            .register(registry);
    this.entities =
        Gauge.builder()
            .name("billing_sharding_entities")
            .help("Entities running (not passivated) on this node, by entity type")
            .labelNames("entity_type")
            .register(registry);
  }

  /** Sets the gauges of {@code entityType} from its region's state. */
  void update(String entityType, CurrentShardRegionState state) {
    int entityCount = 0;
    for (ShardState shard : state.getShards()) {
      entityCount += shard.getEntityIds().size();
    }
    shards.labelValues(entityType).set(state.getShards().size());
    entities.labelValues(entityType).set(entityCount);
  }

  /** Asks the local region of every type in {@code types} for its state, every {@code interval}. */
  void poll(ActorSystem<?> system, List<EntityTypeKey<?>> types, Duration interval) {
    system
        .scheduler()
        .scheduleWithFixedDelay(
            interval,
            interval,
            () -> types.forEach(key -> pollOnce(system, key, interval)),
            system.executionContext());
  }

  private void pollOnce(ActorSystem<?> system, EntityTypeKey<?> key, Duration timeout) {
    CompletionStage<CurrentShardRegionState> state =
        AskPattern.ask(
            ClusterSharding.get(system).shardState(),
            replyTo -> new GetShardRegionState(key, replyTo),
            timeout,
            system.scheduler());
    state.whenComplete(
        (current, failure) -> {
          if (failure != null) {
            log.debug("shard region state of {} not read: {}", key.name(), failure.toString());
          } else {
            update(key.name(), current);
          }
        });
  }
}
