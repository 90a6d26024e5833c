package com.telco.billing.node.notification;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;

/**
 * {@code billing.notifications}: the notification outbox and its delivery to subscribers
 * (docs/notifications.md).
 *
 * @param pollInterval how often the delivery worker looks for due deliveries
 * @param parallelism deliveries in flight at most (on the one worker of the cluster)
 * @param perSubscriberParallelism deliveries in flight at most to one subscription, so that a slow
 *     subscriber holds no more than these and never the others' share
 * @param connectTimeout how long a connection to a subscriber may take
 * @param requestTimeout how long a subscriber may take to answer; no answer by then is a failed try
 * @param backoff the waits before the 2nd, 3rd, ... try; after the last the delivery is failed
 * @param settle how far back the worker keeps reading the queue (a delivery written late by a
 *     projection still lands in a bucket the worker reads)
 * @param firstScanLookback how far back the first worker of a new keyspace starts reading
 * @param scanLimit queue rows one scan reads at most
 * @param defaultLimit deliveries per page of the list when no limit is given
 * @param maxLimit the largest page the list may ask for
 */
public record NotificationSettings(
    Duration pollInterval,
    int parallelism,
    int perSubscriberParallelism,
    Duration connectTimeout,
    Duration requestTimeout,
    List<Duration> backoff,
    Duration settle,
    Duration firstScanLookback,
    int scanLimit,
    int defaultLimit,
    int maxLimit) {

  public NotificationSettings {
    backoff = List.copyOf(backoff);
  }

  public static NotificationSettings from(Config config) {
    String p = "billing.notifications.";
    List<Duration> backoff = config.getDurationList(p + "backoff");
    for (Duration wait : backoff) {
      if (wait.isNegative() || wait.isZero()) {
        throw ConfigChecks.badValue(p + "backoff", "every wait must be positive");
      }
    }
    int defaultLimit = ConfigChecks.intAtLeast(config, p + "list.default-limit", 1);
    int maxLimit = ConfigChecks.intAtLeast(config, p + "list.max-limit", 1);
    if (defaultLimit > maxLimit) {
      throw ConfigChecks.badValue(p + "list.default-limit", "must not exceed list.max-limit");
    }
    return new NotificationSettings(
        ConfigChecks.positiveDuration(config, p + "poll-interval"),
        ConfigChecks.intAtLeast(config, p + "parallelism", 1),
        ConfigChecks.intAtLeast(config, p + "per-subscriber-parallelism", 1),
        ConfigChecks.positiveDuration(config, p + "connect-timeout"),
        ConfigChecks.positiveDuration(config, p + "request-timeout"),
        backoff,
        ConfigChecks.positiveDuration(config, p + "settle"),
        ConfigChecks.positiveDuration(config, p + "first-scan-lookback"),
        ConfigChecks.intAtLeast(config, p + "scan-limit", 1),
        defaultLimit,
        maxLimit);
  }
}
