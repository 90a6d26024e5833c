package com.telco.billing.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * Reads one setting and checks its bounds, so that a node with a wrong value fails at startup with
 * a message naming the key ({@code ConfigException.BadValue}), not later at the first request.
 */
public final class ConfigChecks {
  private ConfigChecks() {}

  /** A duration greater than zero. */
  public static Duration positiveDuration(Config config, String path) {
    Duration value = config.getDuration(path);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException.BadValue(path, "must be longer than 0, not " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min}. */
  public static int intAtLeast(Config config, String path, int min) {
    int value = config.getInt(path);
    if (value < min) {
      throw new ConfigException.BadValue(path, "must be at least " + min + ", not " + value);
    }
    return value;
  }

  /** A size in bytes greater than zero. */
  public static long positiveBytes(Config config, String path) {
    long value = config.getBytes(path);
    if (value < 1) {
      throw new ConfigException.BadValue(path, "must be at least 1 byte, not " + value);
    }
    return value;
  }

  /** A failure naming the key, for checks the helpers above do not cover. */
  public static ConfigException badValue(String path, String message) {
    return new ConfigException.BadValue(path, message);
  }
}
