package com.telco.billing.node.dunning.driver;

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

/** {@code billing.dunning.driver} and {@code billing.dunning.work-list} as the node reads them. */
class DunningDriverSettingsTest {

  private static DunningDriverSettings settings(String overrides) {
    return BillingSettings.from(Main.loadConfig(ConfigFactory.parseString(overrides)))
        .dunningDriver();
  }

  @Test
  void theDefaults() {
    assertEquals(
        new DunningDriverSettings(
            Duration.ofMinutes(1), 64, Duration.ofSeconds(30), 35, 100, 1000, 5000, 366),
        settings(""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "billing.dunning.driver.interval = 0s",
        "billing.dunning.driver.parallelism = 0",
        "billing.dunning.work-list.max-limit = 0",
        "billing.dunning.work-list.default-limit = 1001"
      })
  void aValueOutOfBoundsFailsNamingItsKey(String override) {
    String key = override.substring(0, override.indexOf(' '));
    ConfigException failure = assertThrows(ConfigException.class, () -> settings(override));
    assertTrue(failure.getMessage().contains(key), failure.getMessage());
  }
}
