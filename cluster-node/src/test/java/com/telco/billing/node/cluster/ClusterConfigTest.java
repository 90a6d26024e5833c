package com.telco.billing.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.node.Main;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The node runs with sharding-config's cut of the cluster: its reference.conf must win over the
 * Pekko defaults it overrides, whatever the classpath order.
 */
class ClusterConfigTest {
  private final Config config = Main.loadConfig(ConfigFactory.empty());

  @Test
  void shardingAndDowningComeFromShardingConfig() {
    assertEquals(100, config.getInt("pekko.cluster.sharding.number-of-shards"));
    assertEquals(
        "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider",
        config.getString("pekko.cluster.downing-provider-class"));
    assertEquals(
        "keep-majority", config.getString("pekko.cluster.split-brain-resolver.active-strategy"));
    assertEquals(
        Duration.ofSeconds(4),
        config.getDuration("pekko.cluster.split-brain-resolver.stable-after"));
    assertEquals(
        Duration.ofSeconds(10),
        config.getDuration("pekko.cluster.split-brain-resolver.down-all-when-unstable"));
    assertEquals(Duration.ofSeconds(2), config.getDuration("pekko.cluster.down-removal-margin"));
    assertEquals(
        Duration.ofSeconds(3),
        config.getDuration("pekko.cluster.failure-detector.acceptable-heartbeat-pause"));
    assertEquals(
        10,
        config.getInt(
            "pekko.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit"));
    assertEquals(
        Duration.ofMinutes(10),
        config.getDuration(
            "pekko.cluster.sharding.passivation.default-strategy.idle-entity.timeout"));
  }
}
