package com.telco.billing.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.Main;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code billing.audit} as the node's configuration sets it, and wrong values failing startup. */
class AuditSettingsTest {

  private static AuditSettings settings(String overrides) {
    return BillingSettings.from(Main.loadConfig(ConfigFactory.parseString(overrides))).audit();
  }

  @Test
  void theDefaults() {
    AuditSettings audit = settings("");
    assertEquals(Duration.ofDays(400), audit.retention());
    assertEquals(400 * 86_400, audit.ttlSeconds());
    assertFalse(audit.failClosed());
    assertEquals(500, audit.maxReasonLength());
    assertEquals(Duration.ofDays(1), audit.defaultRange());
    assertEquals(Duration.ofDays(31), audit.maxRange());
    assertEquals(100, audit.defaultLimit());
    assertEquals(1000, audit.maxLimit());
    assertEquals(5000, audit.maxScannedRows());
  }

  @Test
  void overridesReachTheRecord() {
    AuditSettings audit =
        settings(
            "billing.audit { retention = 2555 days, fail-closed = on, max-reason-length = 80 }");
    assertEquals(Duration.ofDays(2555), audit.retention());
    assertTrue(audit.failClosed());
    assertEquals(80, audit.maxReasonLength());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "billing.audit.retention = 0s | billing.audit.retention",
        "billing.audit.retention = 7301 days | billing.audit.retention",
        "billing.audit.retention = 10ms | billing.audit.retention",
        "billing.audit.fail-closed = maybe | billing.audit.fail-closed",
        "billing.audit.max-reason-length = 0 | billing.audit.max-reason-length",
        "billing.audit.max-reason-length = 5000 | billing.audit.max-reason-length",
        "billing.audit.query.max-range = 0 days | billing.audit.query.max-range",
        "billing.audit.query.max-limit = 0 | billing.audit.query.max-limit",
      })
  void aValueOutOfBoundsFailsNamingItsKey(String override, String key) {
    ConfigException failure = assertThrows(ConfigException.class, () -> settings(override));
    assertTrue(failure.getMessage().contains(key), failure.getMessage());
  }
}
