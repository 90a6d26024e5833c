package com.telco.billing.node.usage;

import com.telco.billing.core.catalog.UnitOfMeasure;
import com.telco.billing.core.rating.UsagePlausibility;
import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code billing.usage}: the bounds of usage intake ({@code POST /usage} and the intake readers).
 *
 * @param maxUsageAge usage older than this before now is refused (too late); record ids are
 *     remembered this long
 * @param maxRecords the most records one batch may carry
 * @param maxBodyBytes the largest body {@code POST /usage} takes
 * @param maxRequestsInFlight usage batches this node works on at once (more: overloaded)
 * @param maxEntityCallsInFlight entity asks (guiding look-ups, account rating) the intake has open
 *     at once on this node
 * @param plausibility the largest quantity one record may carry, per base unit and usage type
 * @param retention how long usage detail is kept: the intake log's batches, their outcomes and
 *     parked rows, and records held in suspense expire this long after they are written
 *     (docs/operations.md, "Data retention"); at least {@code maxUsageAge}, at most 20 years
 */
public record UsageSettings(
    Duration maxUsageAge,
    int maxRecords,
    long maxBodyBytes,
    int maxRequestsInFlight,
    int maxEntityCallsInFlight,
    UsagePlausibility plausibility,
    Duration retention) {

  /** The longest time to live Cassandra accepts (20 years). */
  static final Duration MAX_RETENTION = Duration.ofSeconds(630_720_000L);

  public static UsageSettings from(Config config) {
    Duration maxUsageAge = ConfigChecks.positiveDuration(config, "billing.usage.max-usage-age");
    return new UsageSettings(
        maxUsageAge,
        ConfigChecks.intAtLeast(config, "billing.usage.max-records", 1),
        ConfigChecks.positiveBytes(config, "billing.usage.max-body-bytes"),
        ConfigChecks.intAtLeast(config, "billing.usage.max-requests-in-flight", 1),
        ConfigChecks.intAtLeast(config, "billing.usage.max-entity-calls-in-flight", 1),
        plausibility(config, "billing.usage.plausible-quantity"),
        retention(config, "billing.usage.retention", maxUsageAge));
  }

  /** The retention as a Cassandra time to live, in whole seconds. */
  public int retentionSeconds() {
    return ttlSeconds(retention);
  }

  /** A retention as a Cassandra time to live: whole seconds, 1 to 20 years' worth. */
  public static int ttlSeconds(Duration retention) {
    long seconds = retention.toSeconds();
    if (seconds < 1 || seconds > MAX_RETENTION.toSeconds()) {
      throw new IllegalArgumentException("not a retention Cassandra takes: " + retention);
    }
    return (int) seconds;
  }

  /**
   * At least the usage age accepted (a record held in suspense must outlive the time it may still
   * be recycled in) and at most what Cassandra takes as a time to live.
   */
  private static Duration retention(Config config, String path, Duration maxUsageAge) {
    Duration retention = ConfigChecks.positiveDuration(config, path);
    if (retention.compareTo(maxUsageAge) < 0) {
      throw ConfigChecks.badValue(
          path, "must be at least billing.usage.max-usage-age (" + maxUsageAge.toDays() + " days)");
    }
    if (retention.compareTo(MAX_RETENTION) > 0) {
      throw ConfigChecks.badValue(path, "must be at most 20 years (Cassandra's longest TTL)");
    }
    return retention;
  }

  /** One cap per base unit (lower-case key) and optional caps per usage type under usage-types. */
  private static UsagePlausibility plausibility(Config root, String path) {
    Config config = root.getConfig(path);
    Map<UnitOfMeasure, BigDecimal> perUnit = new EnumMap<>(UnitOfMeasure.class);
    for (UnitOfMeasure unit : UnitOfMeasure.values()) {
      String key = unit.name().toLowerCase(Locale.ROOT);
      perUnit.put(unit, quantity(config, key, path + "." + key));
    }
    Map<String, BigDecimal> perType = new HashMap<>();
    Config types = config.getConfig("usage-types");
    for (String type : types.root().keySet()) {
      perType.put(type, quantity(types, type, path + ".usage-types." + type));
    }
    try {
      return new UsagePlausibility(perUnit, perType);
    } catch (IllegalArgumentException e) {
      throw ConfigChecks.badValue(path, e.getMessage());
    }
  }

  private static BigDecimal quantity(Config config, String key, String path) {
    String text = config.getString(key);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw ConfigChecks.badValue(path, "must be a number, not \"" + text + "\"");
    }
  }
}
