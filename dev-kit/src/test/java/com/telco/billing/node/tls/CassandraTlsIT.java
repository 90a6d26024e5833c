package com.telco.billing.node.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.cql.Row;
import com.telco.billing.devcassandra.DevCassandra;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node with {@code billing.cassandra.tls} on talks TLS to a Cassandra with client encryption (a
 * dev Cassandra of its own, with a keystore generated at test time): it becomes ready (schema,
 * journal, projections through the one session), and Cassandra lists its connections as TLS.
 */
class CassandraTlsIT {
  private static Path dir;
  private static TestKeyStores stores;
  private static DevCassandra cassandra;

  @BeforeAll
  static void startCassandra() throws IOException {
    dir = Files.createTempDirectory(Path.of("target"), "cassandra-tls-it").toAbsolutePath();
    stores = TestKeyStores.generate(dir.resolve("stores"));
    String encryption = "-Dcassandra.settings.client_encryption_options.";
    // optional: the port also takes plain connections, so that DevCassandra's own probe and the
    // check below can connect; the node's connections must be the TLS ones
    cassandra =
        DevCassandra.builder()
            .dataDir(dir.resolve("cassandra"))
            .cqlPort(0)
            .storagePort(0)
            .heapMb(768)
            // Cassandra 4.1+ takes settings from system properties when allowed to
            .jvmArg("-Dcassandra.config.allow_system_properties=true")
            .jvmArg(encryption + "enabled=true")
            .jvmArg(encryption + "optional=true")
            .jvmArg(encryption + "keystore=" + stores.keystore())
            .jvmArg(encryption + "keystore_password=" + stores.password())
            .jvmArg(encryption + "store_type=PKCS12")
            .build()
            .start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (cassandra != null) {
      cassandra.stop();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void theNodesSessionIsTls() {
    String hostAndPort = cassandra.endpoint().hostAndPort();
    try (EmbeddedNode node =
        EmbeddedNode.start(
            hostAndPort,
            TestCassandra.uniqueKeyspace("cassandra_tls"),
            ConfigFactory.parseString(
                """
                billing.cassandra.tls.enabled = on
                billing.cassandra.tls.truststore-path = "%s"
                billing.cassandra.tls.truststore-password-file = "%s"
                # a Cassandra started a moment ago on a busy machine takes its time for the schema
                datastax-java-driver.basic.request.timeout = 10s
                """
                    .formatted(stores.truststore(), stores.passwordFile())),
            // a fresh Cassandra creates every table of the node first: minutes on a busy machine
            Duration.ofMinutes(5))) {
      List<Row> tls;
      try (CqlSession plain =
          CqlSession.builder()
              // the driver's defaults only: no contact point of the node's configuration
              .withConfigLoader(DriverConfigLoader.fromMap(OptionsMap.driverDefaults()))
              .addContactPoint(cassandra.contactPoint())
              .withLocalDatacenter(cassandra.endpoint().localDatacenter())
              .build()) {
        List<Row> clients =
            plain.execute("SELECT ssl_enabled, ssl_protocol FROM system_views.clients").all();
        tls = clients.stream().filter(row -> row.getBoolean("ssl_enabled")).toList();
        assertFalse(clients.isEmpty());
      }
      assertFalse(tls.isEmpty(), "no TLS connection while the node is ready");
      for (Row row : tls) {
        String protocol = row.getString("ssl_protocol");
        assertTrue(Set.of("TLSv1.3", "TLSv1.2").contains(protocol), protocol);
      }
    }
  }
}
