package com.telco.billing.node;

import com.telco.billing.node.tls.StoreFile;
import com.telco.billing.node.tls.TlsSettings;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code billing.cassandra}: the keyspace of the journal, the snapshots and the read sides, whether
 * the node creates the schema itself, and whether it talks TLS to Cassandra.
 *
 * @param keyspace a Cassandra identifier (letters, digits, underscores; at most 48)
 * @param autocreate on: the node creates keyspace and tables before it starts any entity
 * @param tls TLS for the driver's connections ({@code billing.cassandra.tls}); empty: plain
 */
public record CassandraSettings(String keyspace, boolean autocreate, Optional<Tls> tls) {
  private static final Pattern KEYSPACE = Pattern.compile("\\w{1,48}");

  /** Without TLS. */
  public CassandraSettings(String keyspace, boolean autocreate) {
    this(keyspace, autocreate, Optional.empty());
  }

  /**
   * {@code billing.cassandra.tls}: the driver connects to Cassandra over TLS (Cassandra's {@code
   * client_encryption_options}).
   *
   * @param truststore the certificates (or their CA) Cassandra's nodes present; empty: the JVM's
   *     default trust store
   * @param keystore this node's key and certificate, for Cassandra that requires client
   *     certificates; empty: none presented
   * @param hostnameValidation each Cassandra node's certificate must name the address it is reached
   *     at
   * @param protocols the TLS versions offered (1.2 and newer)
   */
  public record Tls(
      Optional<StoreFile> truststore,
      Optional<StoreFile> keystore,
      boolean hostnameValidation,
      List<String> protocols) {}

  public static CassandraSettings from(Config config) {
    return from(config, System::getenv);
  }

  /**
   * @param environment looks up the environment variables that may hold the store passwords
   */
  public static CassandraSettings from(Config config, Function<String, String> environment) {
    String keyspace = config.getString("billing.cassandra.keyspace");
    if (!KEYSPACE.matcher(keyspace).matches()) {
      throw ConfigChecks.badValue(
          "billing.cassandra.keyspace",
          "must be 1 to 48 letters, digits or underscores, not \"" + keyspace + "\"");
    }
    return new CassandraSettings(
        keyspace, config.getBoolean("billing.cassandra.autocreate"), tls(config, environment));
  }

  private static Optional<Tls> tls(Config config, Function<String, String> environment) {
    String section = "billing.cassandra.tls";
    List<String> protocols = TlsSettings.protocols(config, section + ".protocols");
    if (!config.getBoolean(section + ".enabled")) {
      return Optional.empty();
    }
    return Optional.of(
        new Tls(
            TlsSettings.store(config, section, "truststore", environment, false),
            TlsSettings.store(config, section, "keystore", environment, true),
            config.getBoolean(section + ".hostname-validation"),
            protocols));
  }
}
