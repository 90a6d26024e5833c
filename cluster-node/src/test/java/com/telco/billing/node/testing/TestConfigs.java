package com.telco.billing.node.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Configuration pieces of the node for tests that run without a cluster. */
public final class TestConfigs {
  private TestConfigs() {}

  /**
   * The node's serialization settings ({@code serialization.conf}) resolved against the reference
   * configuration (they extend lists of it).
   */
  public static Config serialization() {
    return ConfigFactory.parseResources("serialization.conf")
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }
}
