package com.telco.billing.devkit;

import com.telco.billing.node.Main;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * One billing node in this JVM, as {@code bin/billing dev} runs it ({@link Main#rootBehavior()}
 * with {@link Main#loadConfig}), on free loopback ports, against a given Cassandra and keyspace:
 * what the integration tests and the benchmarks start. It forms a cluster by itself unless {@link
 * #joinSeedNodes} says otherwise; bill runs start on demand only ({@code POST /bill-runs}), never
 * by the wall clock. {@link #close()} runs CoordinatedShutdown like a real node stop.
 */
public final class EmbeddedNode implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final ActorSystem<Void> system;
  private final String httpUrl;
  private final String managementUrl;

  private EmbeddedNode(ActorSystem<Void> system, String httpUrl, String managementUrl) {
    this.system = system;
    this.httpUrl = httpUrl;
    this.managementUrl = managementUrl;
  }

  /** Starts a node that forms its own cluster and waits until it is ready. */
  public static EmbeddedNode start(String cassandraHostPort, String keyspace) {
    return start(cassandraHostPort, keyspace, ConfigFactory.empty());
  }

  /**
   * Starts a node and waits up to two minutes until {@code /ready} answers 200.
   *
   * @param extra settings over the node's defaults and those of this class
   */
  public static EmbeddedNode start(String cassandraHostPort, String keyspace, Config extra) {
    return start(cassandraHostPort, keyspace, extra, READY_TIMEOUT);
  }

  /**
   * Starts a node and waits until {@code /ready} answers 200.
   *
   * @param extra settings over the node's defaults and those of this class
   * @throws IllegalStateException when the node is not ready in time (it is stopped again)
   */
  public static EmbeddedNode start(
      String cassandraHostPort, String keyspace, Config extra, Duration readyTimeout) {
    int httpPort = Ports.freeLoopbackPort();
    int managementPort = Ports.freeLoopbackPort();
    int remotePort = Ports.freeLoopbackPort();
    String firstBucket =
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "T00:00";
    Config overrides =
        extra
            .withFallback(DevKeys.ephemeral().nodeConfig())
            .withFallback(
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
                billing.bill-run.auto-start = off
                # several nodes may share this JVM
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
                            firstBucket)));
    ActorSystem<Void> system =
        ActorSystem.create(Main.rootBehavior(), Main.SYSTEM_NAME, Main.loadConfig(overrides));
    EmbeddedNode node =
        new EmbeddedNode(
            system, "http://127.0.0.1:" + httpPort, "http://127.0.0.1:" + managementPort);
    node.awaitReady(readyTimeout);
    return node;
  }

  /**
   * Configuration (for {@code extra}) that points a node's card gateway client at a gateway, e.g. a
   * payment sandbox; without it the node keeps the defaults of {@code billing.payments.gateway}.
   * The read timeout is 2 s, shorter than the sandbox's {@code tok_timeout} delay.
   *
   * @param webhookSecret the secret the node checks webhook signatures with (register the node's
   *     {@link #gatewayWebhookUrl()} with the gateway under the same secret)
   */
  public static Config gatewayConfig(String baseUrl, String secretKey, String webhookSecret) {
    return ConfigFactory.empty()
        .withValue("billing.payments.gateway.base-url", ConfigValueFactory.fromAnyRef(baseUrl))
        .withValue("billing.payments.gateway.secret-key", ConfigValueFactory.fromAnyRef(secretKey))
        .withValue(
            "billing.payments.gateway.webhook-secret", ConfigValueFactory.fromAnyRef(webhookSecret))
        .withValue("billing.payments.gateway.read-timeout", ConfigValueFactory.fromAnyRef("2s"));
  }

  /**
   * Configuration (for {@code extra}) that turns mail on and points it at an SMTP server, e.g.
   * {@link TestSmtp#shared()}, without TLS or AUTH; without it a node mails nothing ({@code
   * billing.mail.enabled = off}).
   */
  public static Config mailConfig(String host, int port) {
    return ConfigFactory.empty()
        .withValue("billing.mail.enabled", ConfigValueFactory.fromAnyRef(true))
        .withValue("billing.mail.host", ConfigValueFactory.fromAnyRef(host))
        .withValue("billing.mail.port", ConfigValueFactory.fromAnyRef(port))
        .withValue("billing.mail.security", ConfigValueFactory.fromAnyRef("none"))
        .withValue("billing.mail.username", ConfigValueFactory.fromAnyRef(""));
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

  /** E.g. {@code http://127.0.0.1:24512}, without a trailing slash. */
  public String httpUrl() {
    return httpUrl;
  }

  /** Where the card gateway delivers its webhooks to this node. */
  public String gatewayWebhookUrl() {
    return httpUrl + "/webhooks/payment-gateway";
  }

  /** Pekko Management's base URL, without a trailing slash. */
  public String managementUrl() {
    return managementUrl;
  }

  /** The node's actor system. */
  public ActorSystem<Void> system() {
    return system;
  }

  /** This node's cluster address, e.g. {@code pekko://Billing@127.0.0.1:41234}. */
  public String clusterAddress() {
    return Cluster.get(system).selfMember().address().toString();
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
}
