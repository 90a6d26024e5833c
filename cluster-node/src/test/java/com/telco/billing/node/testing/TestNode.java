package com.telco.billing.node.testing;

import com.telco.billing.node.Main;
import com.telco.billing.node.dev.Readiness;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A billing node started in the test JVM through {@link Main#init}, on free loopback ports, against
 * a given Cassandra and keyspace. {@link #close()} runs CoordinatedShutdown like a real node stop.
 */
public final class TestNode implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final String httpUrl;
  private final String managementUrl;

  private TestNode(ActorSystem<Void> system, String httpUrl, String managementUrl) {
    this.system = system;
    this.httpUrl = httpUrl;
    this.managementUrl = managementUrl;
  }

  /** Starts a single node that forms its own cluster and waits until it is ready. */
  public static TestNode start(String cassandraHostPort, String keyspace) {
    return start(cassandraHostPort, keyspace, ConfigFactory.empty());
  }

  public static TestNode start(String cassandraHostPort, String keyspace, Config extra) {
    int httpPort = freePort();
    int managementPort = freePort();
    int remotePort = freePort();
    Config overrides =
        extra.withFallback(
            ConfigFactory.parseString(
                """
                billing.cassandra.contact-point = "%s"
                billing.cassandra.keyspace = "%s"
                billing.http.port = %d
                pekko.management.http.port = %d
                pekko.remote.artery.canonical.port = %d
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                # bill runs start on demand only (POST /bill-runs), never by the wall clock
                billing.bill-run.auto-start = off
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                # a fresh keyspace has no event older than yesterday
                pekko.persistence.cassandra.events-by-tag.first-time-bucket = "%s"
                """
                    .formatted(
                        cassandraHostPort,
                        keyspace,
                        httpPort,
                        managementPort,
                        remotePort,
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                .minusDays(1)
                                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                            + "T00:00")));
    ActorSystem<Void> system =
        ActorSystem.create(Main.rootBehavior(), Main.SYSTEM_NAME, Main.loadConfig(overrides));
    TestNode node =
        new TestNode(system, "http://127.0.0.1:" + httpPort, "http://127.0.0.1:" + managementPort);
    node.awaitReady(Duration.ofSeconds(120));
    return node;
  }

  public String httpUrl() {
    return httpUrl;
  }

  public String managementUrl() {
    return managementUrl;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** This node's cluster address, e.g. {@code pekko://Billing@127.0.0.1:41234}. */
  public String clusterAddress() {
    return org.apache.pekko.cluster.typed.Cluster.get(system).selfMember().address().toString();
  }

  /** Configuration that makes a node join the cluster through the given seed nodes. */
  public static Config joinSeedNodes(String... seedAddresses) {
    StringBuilder seeds = new StringBuilder();
    for (String seed : seedAddresses) {
      seeds.append(seeds.isEmpty() ? "" : ", ").append('"').append(seed).append('"');
    }
    return ConfigFactory.parseString(
        "billing.cluster.join = seed-nodes\npekko.cluster.seed-nodes = [" + seeds + "]");
  }

  private void awaitReady(Duration timeout) {
    try {
      Readiness.await(managementUrl, timeout, () -> null);
    } catch (IllegalStateException e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("node did not stop within 60 s", e);
    }
  }

  /** A port that was free a moment ago on 127.0.0.1. */
  /** A free loopback port for a node ({@link com.telco.billing.node.dev.Ports}). */
  public static int freePort() {
    return com.telco.billing.node.dev.Ports.freeLoopbackPort();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
