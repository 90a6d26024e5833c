package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLayoutTest {

  @TempDir Path dir;

  @Test
  void clusterNameIsChosenOnceAndKept() throws IOException {
    NodeLayout layout = new NodeLayout(dir.resolve("a"));
    Files.createDirectories(layout.dataDir());
    String name = layout.clusterName();
    assertTrue(name.matches("dev-cassandra-[0-9a-f]+"), name);
    assertEquals(name, new NodeLayout(dir.resolve("a")).clusterName());

    NodeLayout other = new NodeLayout(dir.resolve("b"));
    Files.createDirectories(other.dataDir());
    assertNotEquals(name, other.clusterName());
  }

  @Test
  void wipesOnlyMissingEmptyOrDevDirectories() throws IOException {
    assertTrue(new NodeLayout(dir.resolve("missing")).isWipeable());
    assertTrue(new NodeLayout(dir).isWipeable());

    Files.writeString(dir.resolve("thesis.tex"), "precious");
    NodeLayout layout = new NodeLayout(dir);
    assertFalse(layout.isWipeable());

    Files.createDirectories(layout.storageDir());
    assertTrue(layout.isWipeable());
  }

  @Test
  void anUnlockedDirectoryIsNotInUse() {
    new NodeLayout(dir).checkNotInUse();
  }
}
