package com.telco.billing.node.usage;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.suspense}: the bounds of listing and recycling suspense; every call is bounded.
 *
 * @param defaultRange the range listed when neither {@code from} nor {@code to} is given
 * @param maxRange the longest range a call may ask for
 * @param defaultLimit records per page of a listing when no limit is given
 * @param maxLimit the largest page a listing may ask for
 * @param recycleDefaultLimit records one recycle call re-submits when no limit is given
 * @param recycleMaxLimit the most records one recycle call may ask for
 * @param maxScannedRows the most rows one call reads (a rare reason gives short pages)
 */
public record SuspenseSettings(
    Duration defaultRange,
    Duration maxRange,
    int defaultLimit,
    int maxLimit,
    int recycleDefaultLimit,
    int recycleMaxLimit,
    int maxScannedRows) {

  public static SuspenseSettings from(Config config) {
    String p = "billing.suspense.";
    return new SuspenseSettings(
        ConfigChecks.positiveDuration(config, p + "default-range"),
        ConfigChecks.positiveDuration(config, p + "max-range"),
        ConfigChecks.intAtLeast(config, p + "list.default-limit", 1),
        ConfigChecks.intAtLeast(config, p + "list.max-limit", 1),
        ConfigChecks.intAtLeast(config, p + "recycle.default-limit", 1),
        ConfigChecks.intAtLeast(config, p + "recycle.max-limit", 1),
        ConfigChecks.intAtLeast(config, p + "max-scanned-rows", 1));
  }
}
