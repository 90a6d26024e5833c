package com.telco.billing.loadgen;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.telco.billing.devcassandra.CassandraEndpoint;
import com.telco.billing.devcassandra.DevCassandra;
import com.telco.billing.devcassandra.Directories;
import com.telco.billing.devkit.EmbeddedNode;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What {@code bench billrun} and {@code bench numbers} run against: a Cassandra (a fresh dev
 * Cassandra in a temporary directory, or a given one on this machine, then in a keyspace of its own
 * that is dropped at the end) and one billing node in this JVM, whose {@link ActorSystem} the bench
 * uses to talk to the sharded entities directly. {@link #close()} (also run by a shutdown hook on
 * Ctrl-C) stops everything and deletes the data.
 *
 * <p>The node is an {@link EmbeddedNode} (free loopback ports, joins itself, {@code
 * billing.bill-run.auto-start = off}: the bench starts its run itself).
 */
final class BenchCluster implements AutoCloseable {
  private final PrintStream out;
  private final DevCassandra cassandra;
  private final Path dataDir;
  private final CassandraEndpoint endpoint;
  private final String keyspace;
  private final Thread cleanup;
  private EmbeddedNode node;
  private CqlSession cql;
  private boolean closed;

  private BenchCluster(
      PrintStream out,
      DevCassandra cassandra,
      Path dataDir,
      CassandraEndpoint endpoint,
      String keyspace) {
    this.out = out;
    this.cassandra = cassandra;
    this.dataDir = dataDir;
    this.endpoint = endpoint;
    this.keyspace = keyspace;
    this.cleanup = new Thread(this::stopQuietly, "bench-cleanup");
  }

  /**
   * Starts Cassandra (unless {@code cassandraHostPort} is given) and the node.
   *
   * @param cassandraHostPort a running Cassandra on this machine, or null for a fresh dev one
   * @param cassandraOptions heap and collector of the dev Cassandra
   * @param keyspacePrefix the node's keyspace (a timestamp is appended with a given Cassandra)
   * @param nodeSettings settings over the node's defaults
   * @param readyTimeout how long the node may take until {@code /ready} answers 200
   */
  static BenchCluster start(
      String cassandraHostPort,
      BenchCassandraOptions cassandraOptions,
      String keyspacePrefix,
      Config nodeSettings,
      Duration readyTimeout,
      PrintStream out)
      throws IOException {
    BenchCluster cluster;
    if (cassandraHostPort == null) {
      Path dataDir = Files.createTempDirectory("billing-bench-");
      DevCassandra cassandra = cassandraOptions.build(dataDir);
      cluster = new BenchCluster(out, cassandra, dataDir, null, keyspacePrefix);
      Runtime.getRuntime().addShutdownHook(cluster.cleanup);
      long t = System.nanoTime();
      cassandra.start();
      out.printf(
          "cassandra: up on %s in %.1f s (%s, data in %s)%n",
          cassandra.endpoint().hostAndPort(), secondsSince(t), cassandraOptions, dataDir);
    } else {
      CassandraEndpoint given =
          CassandraEndpoint.parse(cassandraHostPort, CassandraEndpoint.DEV_DATACENTER);
      if (!Loopback.isLoopbackHost(given.host())) {
        throw new IllegalArgumentException(
            "refusing Cassandra " + cassandraHostPort + ": benchmarks only use this machine");
      }
      String keyspace = keyspacePrefix + "_" + (System.currentTimeMillis() / 1000);
      cluster = new BenchCluster(out, null, null, given, keyspace);
      Runtime.getRuntime().addShutdownHook(cluster.cleanup);
      out.printf(
          "cassandra: using %s, keyspace %s (dropped at the end)%n", given.hostAndPort(), keyspace);
    }
    try {
      cluster.startNode(nodeSettings, readyTimeout);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void startNode(Config nodeSettings, Duration readyTimeout) {
    long t = System.nanoTime();
    node = EmbeddedNode.start(endpoint().hostAndPort(), keyspace, nodeSettings, readyTimeout);
    out.printf("node: ready on %s in %.1f s%n", node.httpUrl(), secondsSince(t));
  }

  ActorSystem<Void> system() {
    return node.system();
  }

  URI httpUrl() {
    return URI.create(node.httpUrl());
  }

  String keyspace() {
    return keyspace;
  }

  CassandraEndpoint endpoint() {
    return cassandra != null ? cassandra.endpoint() : endpoint;
  }

  /** A driver session of the bench's own (for the read sides), opened on first use. */
  synchronized CqlSession cql() {
    if (cql == null) {
      OptionsMap options = OptionsMap.driverDefaults();
      options.put(TypedDriverOption.SESSION_NAME, "bench");
      options.put(TypedDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, endpoint().localDatacenter());
      options.put(TypedDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60));
      options.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
      options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
      cql =
          CqlSession.builder()
              .withConfigLoader(DriverConfigLoader.fromMap(options))
              .addContactPoint(endpoint().contactPoint())
              .build();
    }
    return cql;
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // shutting down already
    }
  }

  private synchronized void stopQuietly() {
    if (closed) {
      return;
    }
    closed = true;
    if (node != null) {
      try {
        node.close();
      } catch (RuntimeException e) {
        System.err.println(e.getMessage());
      }
    }
    if (cassandra == null) {
      try {
        cql().execute("DROP KEYSPACE IF EXISTS " + keyspace);
        out.println("bench: dropped keyspace " + keyspace);
      } catch (RuntimeException e) {
        System.err.println("could not drop keyspace " + keyspace + ": " + e);
      }
    }
    if (cql != null) {
      cql.close();
    }
    if (cassandra != null) {
      cassandra.stop();
      deleteRecursively(dataDir);
      out.println("bench: stopped Cassandra and deleted " + dataDir);
    }
  }

  /**
   * As {@code bench ingest} does, before the first logger or pool exists: the node logs at WARN
   * unless {@code BILLING_LOG_LEVEL} says otherwise, and on at most 2 cores the common ForkJoinPool
   * gets parallelism 2 (with 1, {@code CompletableFuture} runs every {@code *Async} stage on a new
   * thread).
   */
  static void defaultJvmSettings() {
    if (System.getProperty("BILLING_LOG_LEVEL") == null
        && System.getenv("BILLING_LOG_LEVEL") == null) {
      System.setProperty("BILLING_LOG_LEVEL", "WARN");
      // the access log has its own level: one line per request would be the bench's own load
      System.setProperty("BILLING_ACCESS_LOG_LEVEL", "WARN");
    }
    if (System.getProperty(IngestBench.COMMON_PARALLELISM) == null
        && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(IngestBench.COMMON_PARALLELISM, "2");
    }
  }

  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Deletes a bench's data directory; a failure is reported, not thrown (clean-up path). */
  static void deleteRecursively(Path root) {
    if (root == null) {
      return;
    }
    try {
      Directories.deleteRecursively(root);
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e);
    }
  }
}
