package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.DevCassandraMain.Options;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevCassandraMainOptionsTest {

  @Test
  void defaults() {
    Options options = Options.parse(new String[0], Map.of());
    assertEquals(Path.of("var/cassandra"), options.dataDir());
    assertEquals(9042, options.cqlPort());
    assertEquals(7000, options.storagePort());
    assertEquals("127.0.0.1", options.address());
    assertEquals(256, options.heapMb());
    assertEquals("INFO", options.logLevel());
    assertEquals(CommitLogSync.DEFAULT, options.commitLogSync());
    assertFalse(options.clean());
    assertFalse(options.help());
  }

  @Test
  void environmentThenOptions() {
    Map<String, String> env =
        Map.of(
            "DEV_CASSANDRA_DATA_DIR", "/env/dir",
            "DEV_CASSANDRA_CQL_PORT", "19042",
            "DEV_CASSANDRA_HEAP_MB", "512",
            "DEV_CASSANDRA_COMMITLOG_SYNC", "periodic:10s");
    Options options =
        Options.parse(new String[] {"--cql-port", "29042", "--storage-port=0", "--clean"}, env);
    assertEquals(
        new CommitLogSync.Periodic(java.time.Duration.ofSeconds(10)), options.commitLogSync());
    assertEquals(
        new CommitLogSync.Group(java.time.Duration.ofMillis(20)),
        Options.parse(new String[] {"--commitlog-sync", "group:20ms"}, env).commitLogSync());
    assertEquals(Path.of("/env/dir"), options.dataDir());
    assertEquals(29042, options.cqlPort());
    assertEquals(0, options.storagePort());
    assertEquals(512, options.heapMb());
    assertTrue(options.clean());
  }

  @Test
  void rejectsUnknownOptionsAndMissingValues() {
    assertThrows(
        IllegalArgumentException.class, () -> Options.parse(new String[] {"--port"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class, () -> Options.parse(new String[] {"--cql-port"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> Options.parse(new String[] {"--heap-mb", "lots"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> Options.parse(new String[] {"--commitlog-sync", "always"}, Map.of()));
  }

  @Test
  void buildsAServer() {
    DevCassandra server =
        Options.parse(new String[] {"--data-dir", "x", "--address", "127.0.0.5"}, Map.of())
            .toBuilder()
            .build();
    assertEquals("127.0.0.5", server.address());
    assertEquals(9042, server.cqlPort());
    assertTrue(server.dataDir().isAbsolute());
  }
}
