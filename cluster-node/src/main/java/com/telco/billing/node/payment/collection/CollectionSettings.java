package com.telco.billing.node.payment.collection;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.payments.collection}: the collection driver.
 *
 * @param interval the wait between the end of one round and the start of the next
 * @param parallelism {@code CollectDue} asks (with the row writes of their answers) in flight at
 *     most
 * @param askTimeout how long an account may take to answer one {@code CollectDue}
 * @param lookbackDays how many days before today the first round of a new keyspace looks for due
 *     rows (later rounds start at the stored watermark)
 */
public record CollectionSettings(
    Duration interval, int parallelism, Duration askTimeout, int lookbackDays) {

  public static CollectionSettings from(Config config) {
    String p = "billing.payments.collection.";
    return new CollectionSettings(
        ConfigChecks.positiveDuration(config, p + "interval"),
        ConfigChecks.intAtLeast(config, p + "parallelism", 1),
        ConfigChecks.positiveDuration(config, p + "ask-timeout"),
        ConfigChecks.intAtLeast(config, p + "lookback-days", 1));
  }
}
