package com.telco.billing.node.billrun;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code billing.bill-run} settings. */
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
    Config c = config.getConfig("billing.bill-run");
    return new BillRunSettings(
        c.getBoolean("auto-start"),
        c.getDuration("auto-start-after"),
        c.getDuration("tick-interval"),
        c.getInt("page-size"),
        c.getInt("parallelism"),
        c.getInt("retry-rounds"),
        c.getDuration("retry-delay"),
        c.getInt("keep-finished-runs"));
  }
}
