package com.telco.billing.node.metrics;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.metrics}: how the node's gauges that are read rather than counted are kept fresh.
 *
 * @param pollInterval how often the node reads its shard regions' state and the bill runs
 */
public record MetricsSettings(Duration pollInterval) {

  public static MetricsSettings from(Config config) {
    return new MetricsSettings(
        ConfigChecks.positiveDuration(config, "billing.metrics.poll-interval"));
  }
}
