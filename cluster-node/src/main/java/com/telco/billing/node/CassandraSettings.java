package com.telco.billing.node;

import com.typesafe.config.Config;
import java.util.regex.Pattern;

/**
 * {@code billing.cassandra}: the keyspace of the journal, the snapshots and the read sides, and
 * whether the node creates the schema itself.
 *
 * @param keyspace a Cassandra identifier (letters, digits, underscores; at most 48)
 * @param autocreate on: the node creates keyspace and tables before it starts any entity
 */
public record CassandraSettings(String keyspace, boolean autocreate) {
  private static final Pattern KEYSPACE = Pattern.compile("\\w{1,48}");

  public static CassandraSettings from(Config config) {
    String keyspace = config.getString("billing.cassandra.keyspace");
    if (!KEYSPACE.matcher(keyspace).matches()) {
      throw ConfigChecks.badValue(
          "billing.cassandra.keyspace",
          "must be 1 to 48 letters, digits or underscores, not \"" + keyspace + "\"");
    }
    return new CassandraSettings(keyspace, config.getBoolean("billing.cassandra.autocreate"));
  }
}
