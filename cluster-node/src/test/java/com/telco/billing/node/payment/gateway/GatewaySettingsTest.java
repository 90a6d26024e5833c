package com.telco.billing.node.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {
  private static Config defaults() {
    return ConfigFactory.parseResources("billing.conf").resolve();
  }

  @Test
  void readsTheDevOnlyDefaults() {
    GatewaySettings settings = GatewaySettings.from(defaults());
    assertTrue(settings.secretKey().contains("DEV-ONLY"));
    assertTrue(settings.webhookSecret().contains("DEV-ONLY"));
    assertEquals(3, settings.attempts());
    assertEquals(Duration.ofMinutes(5), settings.webhookTolerance());
    assertEquals(5, settings.breaker().maxFailures());
    assertFalse(settings.toString().contains("DEV-ONLY"), "no secret in toString");
  }

  @Test
  void refusesBadValuesNamingTheKey() {
    Config zeroAttempts =
        ConfigFactory.parseString("billing.payments.gateway.attempts = 0").withFallback(defaults());
    ConfigException e =
        assertThrows(ConfigException.class, () -> GatewaySettings.from(zeroAttempts));
    assertTrue(e.getMessage().contains("billing.payments.gateway.attempts"));
    Config badUrl =
        ConfigFactory.parseString("billing.payments.gateway.base-url = \"ftp://x\"")
            .withFallback(defaults());
    assertThrows(ConfigException.class, () -> GatewaySettings.from(badUrl));
  }
}
