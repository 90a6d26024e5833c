package com.telco.billing.node.payment.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.Main;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code billing.payments.collection} as the node reads it. */
class CollectionSettingsTest {

  private static CollectionSettings settings(String overrides) {
    return BillingSettings.from(Main.loadConfig(ConfigFactory.parseString(overrides))).collection();
  }

  @Test
  void theDefaults() {
    assertEquals(
        new CollectionSettings(Duration.ofSeconds(10), 64, Duration.ofSeconds(30), 35),
        settings(""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"interval = 0s", "parallelism = 0", "ask-timeout = 0s", "lookback-days = 0"})
  void aValueOutOfBoundsFailsNamingItsKey(String override) {
    String key = "billing.payments.collection." + override.substring(0, override.indexOf(' '));
    ConfigException failure =
        assertThrows(
            ConfigException.class, () -> settings(key + override.substring(override.indexOf(' '))));
    assertTrue(failure.getMessage().contains(key), failure.getMessage());
  }
}
