package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraYamlTest {

  private final NodeLayout layout = new NodeLayout(Path.of("/tmp/dev's cassandra"));
  private final String yaml =
      CassandraYaml.render(
          layout,
          "dev-cassandra-1f",
          "127.0.0.2",
          19042,
          17000,
          new CommitLogSync.Periodic(Duration.ofSeconds(10)));
  private final List<String> lines = Arrays.asList(yaml.split("\n"));

  @Test
  void hasTheKeysCassandraRequires() {
    for (String key :
        List.of(
            "partitioner:",
            "commitlog_sync:",
            "commitlog_sync_period:",
            "endpoint_snitch:",
            "seed_provider:")) {
      assertTrue(lines.stream().anyMatch(line -> line.startsWith(key)), key);
    }
  }

  @Test
  void bindsAddressAndPorts() {
    assertTrue(lines.contains("cluster_name: 'dev-cassandra-1f'"));
    assertTrue(lines.contains("listen_address: 127.0.0.2"));
    assertTrue(lines.contains("rpc_address: 127.0.0.2"));
    assertTrue(lines.contains("native_transport_port: 19042"));
    assertTrue(lines.contains("storage_port: 17000"));
    assertTrue(lines.contains("      - seeds: '127.0.0.2:17000'"));
  }

  @Test
  void writesTheCommitLogSyncModeAskedFor() {
    assertTrue(lines.contains("commitlog_sync_period: 10000ms"), yaml);
    List<String> group =
        Arrays.asList(
            CassandraYaml.render(
                    layout, "c", "127.0.0.1", 9042, 7000, CommitLogSync.parse("group:15ms"))
                .split("\n"));
    assertTrue(group.contains("commitlog_sync: group"), group.toString());
    assertTrue(group.contains("commitlog_sync_group_window: 15ms"), group.toString());
    assertTrue(group.stream().noneMatch(line -> line.startsWith("commitlog_sync_period")));
  }

  @Test
  void parsesCommitLogSyncModes() {
    assertEquals(new CommitLogSync.Group(Duration.ofMillis(15)), CommitLogSync.parse("group:15"));
    assertEquals(
        new CommitLogSync.Periodic(Duration.ofSeconds(10)), CommitLogSync.parse("Periodic:10s"));
    assertEquals("periodic:10000ms", CommitLogSync.parse("periodic:10s").toString());
    assertThrows(IllegalArgumentException.class, () -> CommitLogSync.parse("group:0ms"));
    assertEquals(new CommitLogSync.Batch(), CommitLogSync.parse("batch"));
    assertEquals("commitlog_sync: batch\n", CommitLogSync.parse("batch").yaml());
    assertThrows(IllegalArgumentException.class, () -> CommitLogSync.parse("batch:2ms"));
    assertThrows(IllegalArgumentException.class, () -> CommitLogSync.parse("always"));
  }

  @Test
  void usesLightDevSettings() {
    for (String line :
        List.of(
            "num_tokens: 1",
            "auto_snapshot: false",
            "concurrent_compactors: 1",
            "commitlog_sync: periodic",
            "authenticator: AllowAllAuthenticator",
            "endpoint_snitch: SimpleSnitch")) {
      assertTrue(lines.contains(line), line);
    }
  }

  @Test
  void usesTheStorageEngineCassandraRecommendsForNewClusters() {
    for (String line :
        List.of(
            "storage_compatibility_mode: NONE",
            "  selected_format: bti",
            "memtable_allocation_type: offheap_objects",
            "      inherits: trie",
            "      class_name: TrieMemtable")) {
      assertTrue(lines.contains(line), line);
    }
  }

  @Test
  void putsEveryDirectoryUnderTheDataDirectoryQuoted() {
    assertTrue(lines.contains("  - '/tmp/dev''s cassandra/storage/data'"));
    assertTrue(lines.contains("commitlog_directory: '/tmp/dev''s cassandra/storage/commitlog'"));
    assertTrue(
        lines.contains("saved_caches_directory: '/tmp/dev''s cassandra/storage/saved_caches'"));
    assertTrue(lines.contains("hints_directory: '/tmp/dev''s cassandra/storage/hints'"));
    assertTrue(lines.contains("cdc_raw_directory: '/tmp/dev''s cassandra/storage/cdc_raw'"));
  }

  @Test
  void indentsWithSpacesOnly() {
    assertTrue(lines.stream().noneMatch(line -> line.contains("\t")));
  }

  @Test
  void logbackConfigurationUsesTheLevel() {
    assertTrue(CassandraYaml.renderLogback("warn").contains("<root level=\"WARN\">"));
    assertTrue(CassandraYaml.renderLogback("INFO").contains("%-5level"));
  }

  @Test
  void rejectsUnknownLogLevels() {
    assertThrows(IllegalArgumentException.class, () -> CassandraYaml.renderLogback("VERBOSE"));
  }

  @Test
  void quotesYamlScalars() {
    assertEquals("'a''b'", CassandraYaml.quote("a'b"));
    assertEquals("'#: -'", CassandraYaml.quote("#: -"));
  }
}
