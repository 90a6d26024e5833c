package com.telco.billing.node.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.CassandraSettings;
import com.telco.billing.node.HttpSettings;
import com.telco.billing.node.Main;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code billing.http.tls} and {@code billing.cassandra.tls}: off by default, checked at startup.
 */
class TlsSettingsTest {
  @TempDir static Path dir;
  private static TestKeyStores stores;

  @BeforeAll
  static void generate() {
    stores = TestKeyStores.generate(dir.resolve("stores"));
  }

  private static Config config(String overrides) {
    return Main.loadConfig(ConfigFactory.parseString(overrides));
  }

  private static String path(Path file) {
    return "\"" + file.toAbsolutePath().toString().replace("\\", "\\\\") + "\"";
  }

  @Test
  void devIsPlainHttpAndPlainCassandra() {
    Config config = config("");
    assertEquals(Optional.empty(), HttpSettings.from(config, name -> null).tls());
    assertEquals(Optional.empty(), CassandraSettings.from(config, name -> null).tls());
  }

  @Test
  void httpsWithTheKeystorePasswordFromAFile() {
    HttpSettings settings =
        HttpSettings.from(
            config(
                "billing.http.tls.keystore-path = "
                    + path(stores.keystore())
                    + "\nbilling.http.tls.keystore-password-file = "
                    + path(stores.passwordFile())),
            name -> null);
    HttpSettings.Tls tls = settings.tls().orElseThrow();
    assertEquals(stores.keystore(), tls.keystore().path());
    assertEquals("PKCS12", tls.keystore().type());
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), tls.protocols());
    assertFalse(tls.keystore().toString().contains(stores.password()), "no password in logs");
  }

  @Test
  void httpsWithTheKeystorePasswordFromTheNamedEnvironmentVariable() {
    Map<String, String> environment = Map.of("API_KEYSTORE_PASSWORD", stores.password());
    HttpSettings settings =
        HttpSettings.from(
            config(
                "billing.http.tls.keystore-path = "
                    + path(stores.keystore())
                    + "\nbilling.http.tls.keystore-password-env = API_KEYSTORE_PASSWORD"),
            environment::get);
    assertTrue(settings.tls().isPresent());
  }

  @Test
  void aMissingKeystoreStopsTheNodeNamingTheKey() {
    ConfigException.BadValue bad =
        assertThrows(
            ConfigException.BadValue.class,
            () ->
                HttpSettings.from(
                    config("billing.http.tls.keystore-path = " + path(dir.resolve("nowhere.p12"))),
                    name -> stores.password()));
    assertTrue(bad.getMessage().contains("billing.http.tls.keystore-path"), bad.getMessage());
  }

  @Test
  void aWrongPasswordStopsTheNodeNamingWhereThePasswordCameFrom() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-password\n");
    ConfigException.BadValue bad =
        assertThrows(
            ConfigException.BadValue.class,
            () ->
                HttpSettings.from(
                    config(
                        "billing.http.tls.keystore-path = "
                            + path(stores.keystore())
                            + "\nbilling.http.tls.keystore-password-file = "
                            + path(wrong)),
                    name -> null));
    assertTrue(
        bad.getMessage().contains("billing.http.tls.keystore-password-file"), bad.getMessage());
  }

  @Test
  void anUnsetPasswordVariableStopsTheNodeNamingTheKey() {
    ConfigException.BadValue bad =
        assertThrows(
            ConfigException.BadValue.class,
            () ->
                HttpSettings.from(
                    config("billing.http.tls.keystore-path = " + path(stores.keystore())),
                    name -> null));
    assertTrue(
        bad.getMessage().contains("billing.http.tls.keystore-password-env"), bad.getMessage());
    assertTrue(bad.getMessage().contains("BILLING_HTTP_TLS_KEYSTORE_PASSWORD"), bad.getMessage());
  }

  @Test
  void aStoreWithoutAPrivateKeyIsNoServerKeystore() {
    ConfigException.BadValue bad =
        assertThrows(
            ConfigException.BadValue.class,
            () ->
                HttpSettings.from(
                    config("billing.http.tls.keystore-path = " + path(stores.truststore())),
                    name -> stores.password()));
    assertTrue(bad.getMessage().contains("billing.http.tls.keystore-path"), bad.getMessage());
    assertTrue(bad.getMessage().contains("no private key"), bad.getMessage());
  }

  @Test
  void protocolsOlderThanTls12AreRefused() {
    for (String protocols : List.of("[\"TLSv1.1\"]", "[\"TLSv1.2\", \"TLSv1\"]", "[]")) {
      ConfigException.BadValue bad =
          assertThrows(
              ConfigException.BadValue.class,
              () ->
                  HttpSettings.from(
                      config("billing.http.tls.protocols = " + protocols), name -> null),
              protocols);
      assertTrue(bad.getMessage().contains("billing.http.tls.protocols"), bad.getMessage());
    }
    ConfigException.BadValue cassandra =
        assertThrows(
            ConfigException.BadValue.class,
            () ->
                CassandraSettings.from(
                    config("billing.cassandra.tls.protocols = [\"SSLv3\"]"), name -> null));
    assertTrue(
        cassandra.getMessage().contains("billing.cassandra.tls.protocols"), cassandra.getMessage());
  }

  @Test
  void cassandraTlsWithATruststoreAndAnOptionalClientKeystore() {
    Map<String, String> environment =
        Map.of(
            "BILLING_CASSANDRA_TLS_TRUSTSTORE_PASSWORD", stores.password(),
            "BILLING_CASSANDRA_TLS_KEYSTORE_PASSWORD", stores.password());
    CassandraSettings.Tls serverOnly =
        CassandraSettings.from(
                config(
                    "billing.cassandra.tls.enabled = on\n"
                        + "billing.cassandra.tls.truststore-path = "
                        + path(stores.truststore())),
                environment::get)
            .tls()
            .orElseThrow();
    assertEquals(stores.truststore(), serverOnly.truststore().orElseThrow().path());
    assertEquals(Optional.empty(), serverOnly.keystore());
    assertTrue(serverOnly.hostnameValidation());
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), serverOnly.protocols());

    CassandraSettings.Tls mutual =
        CassandraSettings.from(
                config(
                    "billing.cassandra.tls.enabled = on\n"
                        + "billing.cassandra.tls.truststore-path = "
                        + path(stores.truststore())
                        + "\nbilling.cassandra.tls.keystore-path = "
                        + path(stores.keystore())
                        + "\nbilling.cassandra.tls.hostname-validation = off"),
                environment::get)
            .tls()
            .orElseThrow();
    assertEquals(stores.keystore(), mutual.keystore().orElseThrow().path());
    assertFalse(mutual.hostnameValidation());
  }

  @Test
  void cassandraTlsWithAWrongTruststorePasswordStopsTheNode() {
    ConfigException.BadValue bad =
        assertThrows(
            ConfigException.BadValue.class,
            () ->
                CassandraSettings.from(
                    config(
                        "billing.cassandra.tls.enabled = on\n"
                            + "billing.cassandra.tls.truststore-path = "
                            + path(stores.truststore())),
                    name -> "wrong"));
    assertTrue(
        bad.getMessage().contains("billing.cassandra.tls.truststore-password-env"),
        bad.getMessage());
  }
}
