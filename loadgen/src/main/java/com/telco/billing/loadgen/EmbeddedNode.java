package com.telco.billing.loadgen;

import com.telco.billing.node.Main;
import com.telco.billing.node.dev.Readiness;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * One billing node in this JVM (as {@code bin/billing dev} runs it: {@link Main#rootBehavior()}
 * with {@link Main#loadConfig}), on free loopback ports, against a given Cassandra and keyspace. It
 * forms a cluster by itself; {@link #close()} runs CoordinatedShutdown.
 */
public final class EmbeddedNode implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final URI httpUrl;
  private final URI managementUrl;

  private EmbeddedNode(ActorSystem<Void> system, URI httpUrl, URI managementUrl) {
    this.system = system;
    this.httpUrl = httpUrl;
    this.managementUrl = managementUrl;
  }

  /**
   * Starts the node and waits until {@code /ready} answers 200.
   *
   * @param extra settings over the node's defaults
   */
  public static EmbeddedNode start(
      String cassandraHostPort, String keyspace, Config extra, Duration readyTimeout) {
    int httpPort = freePort();
    int managementPort = freePort();
    int remotePort = freePort();
    String firstBucket =
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "T00:00";
    Config overrides =
        extra.withFallback(
            ConfigFactory.parseString(
                """
                billing.cassandra.contact-point = "%s"
                billing.cassandra.keyspace = "%s"
                billing.cassandra.autocreate = true
                billing.cluster.join = self
                billing.http.host = "127.0.0.1"
                billing.http.port = %d
                pekko.management.http.hostname = "127.0.0.1"
                pekko.management.http.bind-hostname = "127.0.0.1"
                pekko.management.http.port = %d
                pekko.remote.artery.canonical.hostname = "127.0.0.1"
                pekko.remote.artery.canonical.port = %d
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                # a fresh keyspace has no event older than yesterday
                pekko.persistence.cassandra.events-by-tag.first-time-bucket = "%s"
                """
                    .formatted(
                        cassandraHostPort,
                        keyspace,
                        httpPort,
                        managementPort,
                        remotePort,
                        firstBucket)));
    ActorSystem<Void> system =
        ActorSystem.create(Main.rootBehavior(), Main.SYSTEM_NAME, Main.loadConfig(overrides));
    EmbeddedNode node =
        new EmbeddedNode(
            system,
            URI.create("http://127.0.0.1:" + httpPort),
            URI.create("http://127.0.0.1:" + managementPort));
    node.awaitReady(readyTimeout);
    return node;
  }

  /** The node's actor system (benchmarks talk to its entities directly). */
  public ActorSystem<Void> system() {
    return system;
  }

  public URI httpUrl() {
    return httpUrl;
  }

  public URI managementUrl() {
    return managementUrl;
  }

  private void awaitReady(Duration timeout) {
    try {
      Readiness.await(managementUrl.toString().replaceAll("/$", ""), timeout, () -> null);
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

  /** A free loopback port ({@link com.telco.billing.node.dev.Ports}). */
  static int freePort() {
    return com.telco.billing.node.dev.Ports.freeLoopbackPort();
  }
}
