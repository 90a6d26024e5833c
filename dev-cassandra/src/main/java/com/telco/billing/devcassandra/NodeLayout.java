package com.telco.billing.devcassandra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files of one dev node under its data directory. Everything in {@code conf/} is rewritten on
 * each start; {@code storage/} holds the data and survives restarts.
 *
 * <pre>
 * dataDir/
 *   cassandra.log          the child JVM's stdout and stderr, appended to on each start
 *   cassandra.lock         locked by the running child; holds its pid
 *   cluster-name           this directory's cluster name, chosen on the first start
 *   conf/                  cassandra.yaml, logback.xml, the java argument file, launcher classes
 *   storage/               data, commitlog, saved_caches, hints, cdc_raw
 * </pre>
 *
 * @param dataDir the node's data directory, absolute
 */
record NodeLayout(Path dataDir) {

  NodeLayout {
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  Path logFile() {
    return dataDir.resolve("cassandra.log");
  }

  Path lockFile() {
    return dataDir.resolve("cassandra.lock");
  }

  Path clusterNameFile() {
    return dataDir.resolve("cluster-name");
  }

  /**
   * Returns the cluster name of this data directory, choosing {@code dev-cassandra-<random>} on the
   * first start. Unique names let a starting node tell its own CQL port from another node's that
   * took the port first.
   *
   * @return the cluster name
   * @throws IOException if the name file cannot be read or written
   */
  String clusterName() throws IOException {
    Path file = clusterNameFile();
    if (Files.isRegularFile(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    String name =
        "dev-cassandra-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    Files.writeString(file, name + "\n", StandardCharsets.UTF_8);
    return name;
  }

  Path confDir() {
    return dataDir.resolve("conf");
  }

  Path yamlFile() {
    return confDir().resolve("cassandra.yaml");
  }

  Path logbackFile() {
    return confDir().resolve("logback.xml");
  }

  Path classpathArgFile() {
    return confDir().resolve("classpath.args");
  }

  Path launcherClassesDir() {
    return confDir().resolve("launcher-classes");
  }

  Path triggersDir() {
    return confDir().resolve("triggers");
  }

  Path storageDir() {
    return dataDir.resolve("storage");
  }

  Path dataFileDir() {
    return storageDir().resolve("data");
  }

  Path commitlogDir() {
    return storageDir().resolve("commitlog");
  }

  Path savedCachesDir() {
    return storageDir().resolve("saved_caches");
  }

  Path hintsDir() {
    return storageDir().resolve("hints");
  }

  Path cdcRawDir() {
    return storageDir().resolve("cdc_raw");
  }

  /**
   * Fails if a running node holds the lock file. Gives a clearer error than the child would (the
   * child takes the lock itself, see {@link ParentWatchingCassandraMain}).
   *
   * @throws DevCassandraException if the data directory is in use
   */
  void checkNotInUse() {
    if (!Files.isDirectory(dataDir)) {
      return;
    }
    try (FileChannel channel =
        FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String pid = Files.readString(lockFile(), StandardCharsets.US_ASCII).strip();
        throw new DevCassandraException(
            "another Cassandra (pid "
                + (pid.isEmpty() ? "unknown" : pid)
                + ") uses the data directory "
                + dataDir);
      }
      lock.release();
    } catch (IOException e) {
      throw new DevCassandraException("cannot check the lock " + lockFile(), e);
    }
  }

  /**
   * @return whether the directory is missing, empty, or looks like a dev node's (so that wiping it
   *     cannot destroy anything else)
   */
  boolean isWipeable() throws IOException {
    if (!Files.isDirectory(dataDir)) {
      return true;
    }
    try (var children = Files.list(dataDir)) {
      if (children.findAny().isEmpty()) {
        return true;
      }
    }
    return Files.isDirectory(storageDir())
        || Files.isRegularFile(lockFile())
        || Files.isRegularFile(clusterNameFile());
  }
}
