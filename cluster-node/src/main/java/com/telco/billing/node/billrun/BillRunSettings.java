package com.telco.billing.node.billrun;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code billing.bill-run} settings.
 *
 * @param autoStart whether the singleton starts the run of a cycle date by itself
 * @param autoStartAfter how long after the cycle date's 00:00 UTC the run starts by itself
 * @param tickInterval how often the singleton looks at the clock and at runs that need driving
 * @param pageSize accounts read from the cycle-day read side per step
 * @param parallelism accounts being closed at the same time
 * @param retryRounds rounds failed accounts are retried after the scan (0: none)
 * @param retryDelay the wait between those rounds
 * @param keepFinishedRuns finished runs kept in the singleton's state
 */
public record BillRunSettings(
    boolean autoStart,
    Duration autoStartAfter,
    Duration tickInterval,
    int pageSize,
    int parallelism,
    int retryRounds,
    Duration retryDelay,
    int keepFinishedRuns) {

  public static BillRunSettings from(Config config) {
    String p = "billing.bill-run.";
    Duration autoStartAfter = config.getDuration(p + "auto-start-after");
    if (autoStartAfter.isNegative()) {
      throw ConfigChecks.badValue(
          p + "auto-start-after", "must not be negative, not " + autoStartAfter);
    }
    return new BillRunSettings(
        config.getBoolean(p + "auto-start"),
        autoStartAfter,
        ConfigChecks.positiveDuration(config, p + "tick-interval"),
        ConfigChecks.intAtLeast(config, p + "page-size", 1),
        ConfigChecks.intAtLeast(config, p + "parallelism", 1),
        ConfigChecks.intAtLeast(config, p + "retry-rounds", 0),
        ConfigChecks.positiveDuration(config, p + "retry-delay"),
        ConfigChecks.intAtLeast(config, p + "keep-finished-runs", 1));
  }
}
