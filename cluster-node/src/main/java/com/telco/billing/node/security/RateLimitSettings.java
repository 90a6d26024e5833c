package com.telco.billing.node.security;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;

/**
 * {@code billing.security.rate-limit}: the per-client limits of {@link ClientRateLimiter}.
 *
 * @param enabled whether API-key clients are limited at all
 * @param rate requests a second one client may make on average, more than 0
 * @param burst requests one client may make at once, at least 1
 * @param maxClients buckets kept in memory before full and then idle ones are dropped
 */
public record RateLimitSettings(boolean enabled, double rate, int burst, int maxClients) {
  public RateLimitSettings {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive number: " + rate);
    }
    if (burst < 1 || maxClients < 1) {
      throw new IllegalArgumentException("burst and maxClients must be at least 1");
    }
  }

  /** Reads {@code billing.security.rate-limit}, failing at startup on a value out of bounds. */
  public static RateLimitSettings from(Config config) {
    String path = "billing.security.rate-limit";
    double rate = config.getDouble(path + ".requests-per-second");
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw ConfigChecks.badValue(path + ".requests-per-second", "must be more than 0");
    }
    return new RateLimitSettings(
        config.getBoolean(path + ".enabled"),
        rate,
        ConfigChecks.intAtLeast(config, path + ".burst", 1),
        ConfigChecks.intAtLeast(config, path + ".max-clients", 1));
  }
}
