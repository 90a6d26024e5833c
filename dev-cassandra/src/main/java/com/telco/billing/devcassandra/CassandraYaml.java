package com.telco.billing.devcassandra;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Renders the {@code cassandra.yaml} and {@code logback.xml} of a single dev node: one token, no
 * authentication, no auto snapshots, one compactor, small caches, and the commit log sync mode
 * asked for ({@link CommitLogSync}).
 *
 * <p>The storage engine is the one Cassandra 5.0 recommends for new clusters ({@code
 * cassandra_latest.yaml}): trie memtables with their data off the heap and trie-indexed (BTI)
 * sstables, which needs {@code storage_compatibility_mode: NONE}. A data directory written before
 * (BIG sstables) is still read; new sstables are BTI. Per invoice of a bill run it costs Cassandra
 * noticeably less CPU than skip-list memtables and BIG sstables (docs/benchmarks.md).
 *
 * <p>What an acknowledged write survives depends on the commit log sync mode ({@link
 * CommitLogSync}). A production cluster gets its durability from replication (RF 3, QUORUM) as
 * well, not from this file alone.
 */
final class CassandraYaml {

  /** Logback levels accepted for the child's log. */
  static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  private CassandraYaml() {}

  /**
   * @param layout where the node keeps its files
   * @param clusterName the data directory's cluster name
   * @param address the listen and rpc address (loopback)
   * @param cqlPort the native transport port
   * @param storagePort the internode port
   * @param commitLogSync when the commit log is fsynced
   * @return the yaml text
   */
  static String render(
      NodeLayout layout,
      String clusterName,
      String address,
      int cqlPort,
      int storagePort,
      CommitLogSync commitLogSync) {
    return """
        # Written by dev-cassandra on every start: edits are overwritten.
        cluster_name: %s
        num_tokens: 1
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: %s
        listen_address: %s
        rpc_address: %s
        storage_port: %d
        native_transport_port: %d
        start_native_transport: true

        authenticator: AllowAllAuthenticator
        authorizer: AllowAllAuthorizer

        data_file_directories:
          - %s
        commitlog_directory: %s
        saved_caches_directory: %s
        hints_directory: %s
        cdc_raw_directory: %s

        # What an acknowledged write survives: see CommitLogSync (%s)
        %s

        auto_snapshot: false
        snapshot_before_compaction: false
        incremental_backups: false
        concurrent_compactors: 1
        key_cache_size: 8MiB
        counter_cache_size: 0MiB
        row_cache_size: 0MiB
        prepared_statements_cache_size: 8MiB
        file_cache_size: 32MiB

        # Cassandra 5.0's engine for new clusters (cassandra_latest.yaml)
        memtable:
          configurations:
            skiplist:
              class_name: SkipListMemtable
            trie:
              class_name: TrieMemtable
            default:
              inherits: trie
        memtable_allocation_type: offheap_objects
        storage_compatibility_mode: NONE
        sstable:
          selected_format: bti
        """
        .formatted(
            quote(clusterName),
            quote(address + ":" + storagePort),
            address,
            address,
            storagePort,
            cqlPort,
            quote(layout.dataFileDir()),
            quote(layout.commitlogDir()),
            quote(layout.savedCachesDir()),
            quote(layout.hintsDir()),
            quote(layout.cdcRawDir()),
            commitLogSync,
            commitLogSync.yaml().strip());
  }

  /**
   * @param level one of {@link #LOG_LEVELS}, any case
   * @return a logback configuration writing to stdout (the child's log file) at that level
   */
  static String renderLogback(String level) {
    return """
        <configuration>
          <statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder>
              <pattern>%%d{yyyy-MM-dd HH:mm:ss.SSS} %%-5level [%%thread] %%logger{1} - %%msg%%n</pattern>
            </encoder>
          </appender>
          <root level="%s">
            <appender-ref ref="STDOUT"/>
          </root>
        </configuration>
        """
        .formatted(checkLevel(level));
  }

  static String checkLevel(String level) {
    String upper = level.toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(upper)) {
      throw new IllegalArgumentException(
          "log level must be one of " + LOG_LEVELS + ", got '" + level + "'");
    }
    return upper;
  }

  /** A single-quoted YAML scalar: nothing inside is special except the quote itself. */
  static String quote(Object value) {
    return "'" + value.toString().replace("'", "''") + "'";
  }

  static String quote(Path path) {
    return quote((Object) path.toAbsolutePath().toString());
  }
}
