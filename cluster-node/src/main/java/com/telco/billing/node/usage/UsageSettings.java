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
 */
public record UsageSettings(
    Duration maxUsageAge,
    int maxRecords,
    long maxBodyBytes,
    int maxRequestsInFlight,
    int maxEntityCallsInFlight,
    UsagePlausibility plausibility) {

  public static UsageSettings from(Config config) {
    return new UsageSettings(
        ConfigChecks.positiveDuration(config, "billing.usage.max-usage-age"),
        ConfigChecks.intAtLeast(config, "billing.usage.max-records", 1),
        ConfigChecks.positiveBytes(config, "billing.usage.max-body-bytes"),
        ConfigChecks.intAtLeast(config, "billing.usage.max-requests-in-flight", 1),
        ConfigChecks.intAtLeast(config, "billing.usage.max-entity-calls-in-flight", 1),
        plausibility(config, "billing.usage.plausible-quantity"));
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
