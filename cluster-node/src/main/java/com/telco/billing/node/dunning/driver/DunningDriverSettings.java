package com.telco.billing.node.dunning.driver;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.dunning.driver} and {@code billing.dunning.work-list}: the dunning driver and its
 * read side.
 *
 * @param interval the wait between the end of one round and the start of the next
 * @param parallelism {@code EvaluateDunning} asks (with the row writes of their answers) in flight
 *     at most
 * @param askTimeout how long an account may take to answer one {@code EvaluateDunning}
 * @param lookbackDays how many days before today the first round of a new keyspace looks for due
 *     rows (later rounds start at the stored watermark)
 * @param defaultLimit entries of a work list page without {@code limit}
 * @param maxLimit entries of a work list page at most
 * @param maxScannedRows work list rows one request reads at most (a filtered page may be shorter,
 *     with a cursor to go on)
 * @param exportMaxDays days one collections export may span at most
 */
public record DunningDriverSettings(
    Duration interval,
    int parallelism,
    Duration askTimeout,
    int lookbackDays,
    int defaultLimit,
    int maxLimit,
    int maxScannedRows,
    int exportMaxDays) {

  public static DunningDriverSettings from(Config config) {
    String p = "billing.dunning.driver.";
    String w = "billing.dunning.work-list.";
    var settings =
        new DunningDriverSettings(
            ConfigChecks.positiveDuration(config, p + "interval"),
            ConfigChecks.intAtLeast(config, p + "parallelism", 1),
            ConfigChecks.positiveDuration(config, p + "ask-timeout"),
            ConfigChecks.intAtLeast(config, p + "lookback-days", 1),
            ConfigChecks.intAtLeast(config, w + "default-limit", 1),
            ConfigChecks.intAtLeast(config, w + "max-limit", 1),
            ConfigChecks.intAtLeast(config, w + "max-scanned-rows", 1),
            ConfigChecks.intAtLeast(config, w + "export-max-days", 1));
    if (settings.defaultLimit() > settings.maxLimit()) {
      throw ConfigChecks.badValue(w + "default-limit", "must not be above max-limit");
    }
    return settings;
  }
}
