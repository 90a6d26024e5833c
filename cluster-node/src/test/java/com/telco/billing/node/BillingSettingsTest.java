package com.telco.billing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.UnitOfMeasure;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The node's settings as {@code application.conf} sets them, and a wrong value failing startup. */
class BillingSettingsTest {

  private static BillingSettings settings(String overrides) {
    return BillingSettings.from(Main.loadConfig(ConfigFactory.parseString(overrides)));
  }

  @Test
  void theDefaultsOfTheNodesConfiguration() {
    BillingSettings settings = settings("");

    assertEquals(ClusterSettings.Join.SELF, settings.cluster().join());
    assertEquals(new CassandraSettings("billing", true), settings.cassandra());
    assertEquals(
        new HttpSettings("127.0.0.1", 8080, Duration.ofSeconds(5), Duration.ofSeconds(10)),
        settings.http());

    var usage = settings.usage();
    assertEquals(Duration.ofDays(45), usage.maxUsageAge());
    assertEquals(10_000, usage.maxRecords());
    assertEquals(8L * 1024 * 1024, usage.maxBodyBytes());
    assertEquals(64, usage.maxRequestsInFlight());
    assertEquals(512, usage.maxEntityCallsInFlight());
    assertEquals(Duration.ofDays(180), usage.retention());
    assertEquals(180 * 86_400, usage.retentionSeconds());
    assertEquals(
        0,
        new BigDecimal("86400")
            .compareTo(usage.plausibility().maxBaseQuantity("VOICE", UnitOfMeasure.SECOND)));
    assertEquals(
        0,
        new BigDecimal("1000")
            .compareTo(usage.plausibility().maxBaseQuantity("SMS", UnitOfMeasure.EVENT)));

    assertEquals(4, settings.intake().partitions());
    assertEquals(Duration.ofDays(7), settings.suspense().defaultRange());
    assertEquals(Duration.ofDays(31), settings.suspense().maxRange());
    assertEquals(1000, settings.suspense().maxLimit());
    assertEquals(true, settings.invoicing().skipZeroInvoices());
    assertEquals(Duration.ofSeconds(30), settings.invoicing().askTimeout());
    assertEquals(2000, settings.billRun().pageSize());
    assertEquals(256, settings.billRun().parallelism());
    assertEquals(Duration.ofHours(14), settings.billRun().autoStartAfter());
  }

  @Test
  void overridesReachTheRecords() {
    BillingSettings settings =
        settings(
            """
            billing.cluster.join = seed-nodes
            billing.http.ask-timeout = 2s
            billing.usage.plausible-quantity.usage-types { VOICE = 14400 }
            billing.invoicing.skip-zero-invoices = off
            """);

    assertEquals(ClusterSettings.Join.SEED_NODES, settings.cluster().join());
    assertEquals(Duration.ofSeconds(2), settings.http().askTimeout());
    assertEquals(
        0,
        new BigDecimal("14400")
            .compareTo(
                settings.usage().plausibility().maxBaseQuantity("VOICE", UnitOfMeasure.SECOND)));
    assertEquals(false, settings.invoicing().skipZeroInvoices());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "billing.http.ask-timeout = 0s | billing.http.ask-timeout",
        "billing.http.shutdown-deadline = -1s | billing.http.shutdown-deadline",
        "billing.http.port = 70000 | billing.http.port",
        "billing.cluster.join = mesh | billing.cluster.join",
        "billing.cassandra.keyspace = \"bad-name\" | billing.cassandra.keyspace",
        "billing.usage.max-records = 0 | billing.usage.max-records",
        "billing.usage.max-body-bytes = 0 | billing.usage.max-body-bytes",
        "billing.usage.max-requests-in-flight = 0 | billing.usage.max-requests-in-flight",
        "billing.usage.plausible-quantity.second = lots | billing.usage.plausible-quantity.second",
        "billing.usage.plausible-quantity.second = -1 | billing.usage.plausible-quantity",
        "billing.usage.retention = 0 days | billing.usage.retention",
        "billing.usage.retention = 30 days | billing.usage.retention",
        "billing.usage.retention = 7400 days | billing.usage.retention",
        "billing.suspense.max-range = 0 days | billing.suspense.max-range",
        "billing.invoicing.ask-timeout = 0s | billing.invoicing.ask-timeout",
        "billing.bill-run.parallelism = 0 | billing.bill-run.parallelism",
        "billing.bill-run.retry-rounds = -1 | billing.bill-run.retry-rounds",
      })
  void aValueOutOfBoundsFailsNamingItsKey(String override, String key) {
    ConfigException failure = assertThrows(ConfigException.class, () -> settings(override));
    assertTrue(failure.getMessage().contains(key), failure.getMessage());
  }

  @Test
  void aMissingKeyFailsNamingIt() {
    Config withoutTimeout =
        Main.loadConfig(ConfigFactory.empty()).withoutPath("billing.http.ask-timeout");
    ConfigException failure =
        assertThrows(ConfigException.class, () -> BillingSettings.from(withoutTimeout));
    assertTrue(failure.getMessage().contains("billing.http.ask-timeout"), failure.getMessage());
  }
}
