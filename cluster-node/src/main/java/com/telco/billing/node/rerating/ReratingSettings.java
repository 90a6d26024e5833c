package com.telco.billing.node.rerating;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code billing.rerating} settings (docs/rerating.md).
 *
 * @param tickInterval how often the singleton looks for a job to drive (after a failed step)
 * @param pageSize accounts visited per step; progress is persisted after each step
 * @param parallelism accounts rated again at the same time
 * @param retryRounds rounds failed accounts are retried after the scan (0: none)
 * @param retryDelay the wait before each of those rounds
 */
public record ReratingSettings(
    Duration tickInterval, int pageSize, int parallelism, int retryRounds, Duration retryDelay) {

  public static final ReratingSettings DEFAULTS =
      new ReratingSettings(Duration.ofSeconds(5), 100, 8, 3, Duration.ofSeconds(5));

  public static ReratingSettings from(Config config) {
    String p = "billing.rerating.";
    return new ReratingSettings(
        ConfigChecks.positiveDuration(config, p + "tick-interval"),
        ConfigChecks.intAtLeast(config, p + "page-size", 1),
        ConfigChecks.intAtLeast(config, p + "parallelism", 1),
        ConfigChecks.intAtLeast(config, p + "retry-rounds", 0),
        ConfigChecks.positiveDuration(config, p + "retry-delay"));
  }
}
