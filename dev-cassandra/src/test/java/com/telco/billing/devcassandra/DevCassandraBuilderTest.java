package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevCassandraBuilderTest {

  private final Path dataDir = Path.of("/tmp/dev-cassandra-builder-test");

  @Test
  void requiresADataDirectory() {
    assertThrows(IllegalStateException.class, () -> DevCassandra.builder().build());
  }

  @Test
  void acceptsLoopbackAddressesOnly() {
    assertThrows(IllegalArgumentException.class, () -> DevCassandra.builder().address("10.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> DevCassandra.builder().address("localhost"));
    assertEquals(
        "127.0.0.3",
        DevCassandra.builder().dataDir(dataDir).address("127.0.0.3").build().address());
  }

  @Test
  void validatesPortsAndHeap() {
    assertThrows(IllegalArgumentException.class, () -> DevCassandra.builder().cqlPort(-1));
    assertThrows(IllegalArgumentException.class, () -> DevCassandra.builder().storagePort(65536));
    assertThrows(IllegalArgumentException.class, () -> DevCassandra.builder().heapMb(64));
    assertThrows(
        IllegalStateException.class,
        () -> DevCassandra.builder().dataDir(dataDir).cqlPort(7000).storagePort(7000).build());
  }

  @Test
  void portZeroIsChosenOnStart() {
    DevCassandra server = DevCassandra.builder().dataDir(dataDir).cqlPort(0).build();
    assertThrows(IllegalStateException.class, server::contactPoint);
    assertFalse(server.isRunning());
  }

  @Test
  void commandRunsTheWatchingMainWithDevFlags() {
    DevCassandra server =
        DevCassandra.builder().dataDir(dataDir).heapMb(384).jvmArg("-Dextra=1").build();
    List<String> command = server.command(Path.of("/jdk/bin/java"));
    assertEquals("/jdk/bin/java", command.get(0));
    assertEquals(ParentWatchingCassandraMain.class.getName(), command.get(command.size() - 1));
    assertEquals("-Dextra=1", command.get(command.size() - 2));
    for (String flag :
        List.of(
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "-Dcassandra-foreground=yes",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.ring_delay_ms=100",
            "-Dcassandra.config=file://" + dataDir + "/conf/cassandra.yaml",
            "-Dcassandra.storagedir=" + dataDir + "/storage",
            "-Dlogback.configurationFile=" + dataDir + "/conf/logback.xml")) {
      assertTrue(command.contains(flag), flag + " in " + command);
    }
    // both made a killed node forget its schema (docs/operations.md)
    for (String unsafe :
        List.of("cassandra.unsafesystem", "cassandra.test.flush_local_schema_changes")) {
      assertTrue(
          command.stream().noneMatch(arg -> arg.contains(unsafe)), unsafe + " in " + command);
    }
  }

  @Test
  void commitLogSyncIsBatchUnlessAskedOtherwise() {
    assertEquals(
        new CommitLogSync.Batch(), DevCassandra.builder().dataDir(dataDir).build().commitLogSync());
    CommitLogSync periodic = new CommitLogSync.Periodic(java.time.Duration.ofSeconds(10));
    assertEquals(
        periodic,
        DevCassandra.builder().dataDir(dataDir).commitLogSync(periodic).build().commitLogSync());
  }

  @Test
  void commandRunsTheCollectorAskedFor() {
    List<String> command =
        DevCassandra.builder()
            .dataDir(dataDir)
            .heapMb(4096)
            .collector(DevCassandra.Collector.G1)
            .build()
            .command(Path.of("/jdk/bin/java"));
    assertTrue(command.contains("-XX:+UseG1GC"), command.toString());
    assertFalse(command.contains("-XX:+UseSerialGC"), command.toString());
    assertTrue(command.contains("-Xms4096m"), command.toString());
  }

  @Test
  void quotesArgumentFileTokens() {
    assertEquals("\"a b\\\\c\\\"d\"", DevCassandra.argFileQuote("a b\\c\"d"));
  }
}
