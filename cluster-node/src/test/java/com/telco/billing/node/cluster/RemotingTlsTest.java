package com.telco.billing.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.Main;
import com.telco.billing.node.tls.TestKeyStores;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remoting over TLS as the prod overlay configures it ({@code BILLING_REMOTE_TRANSPORT=tls-tcp} and
 * the {@code BILLING_REMOTE_TLS_*} stores of cluster.conf, here with keystores generated at test
 * time): nodes with the cluster's key form a cluster; a node whose certificate the cluster does not
 * trust never becomes a member.
 */
class RemotingTlsTest {
  @TempDir Path dir;
  private final List<ActorSystem<?>> systems = new ArrayList<>();

  @AfterEach
  void stop() {
    systems.forEach(ActorSystem::terminate);
    systems.forEach(s -> s.getWhenTerminated().toCompletableFuture().join());
  }

  /** A cluster member's actor system configured through the variables the overlay sets. */
  private ActorSystem<Void> node(TestKeyStores stores) {
    Map<String, Object> environment =
        Map.of(
            "BILLING_REMOTE_TRANSPORT", "tls-tcp",
            "BILLING_REMOTE_PORT", "0",
            "BILLING_REMOTE_TLS_KEYSTORE", stores.keystore().toString(),
            "BILLING_REMOTE_TLS_KEYSTORE_PASSWORD", stores.password(),
            "BILLING_REMOTE_TLS_TRUSTSTORE", stores.truststore().toString(),
            "BILLING_REMOTE_TLS_TRUSTSTORE_PASSWORD", stores.password());
    Config config =
        Main.loadConfig(
            ConfigFactory.parseMap(environment)
                .withFallback(
                    ConfigFactory.parseString(
                        """
                        pekko.loglevel = WARNING
                        pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                        pekko.coordinated-shutdown.exit-jvm = off
                        """)));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    systems.add(system);
    return system;
  }

  @Test
  void nodesWithTheClustersKeyFormAClusterOverTls() {
    TestKeyStores cluster = TestKeyStores.generate(dir.resolve("cluster"));
    ActorSystem<Void> first = node(cluster);
    ActorSystem<Void> second = node(cluster);
    assertEquals("tls-tcp", first.settings().config().getString("pekko.remote.artery.transport"));

    Cluster.get(first).manager().tell(Join.create(Cluster.get(first).selfMember().address()));
    Cluster.get(second).manager().tell(Join.create(Cluster.get(first).selfMember().address()));
    assertTrue(
        eventually(Duration.ofSeconds(30), () -> upMembers(first) == 2 && upMembers(second) == 2),
        "two members Up");

    ActorSystem<Void> stranger = node(TestKeyStores.generate(dir.resolve("stranger")));
    Cluster.get(stranger).manager().tell(Join.create(Cluster.get(first).selfMember().address()));
    assertTrue(
        !eventually(Duration.ofSeconds(8), () -> upMembers(first) > 2 || upMembers(stranger) > 0),
        "a node the cluster does not trust joined");
  }

  private static long upMembers(ActorSystem<?> system) {
    return StreamSupport.stream(Cluster.get(system).state().getMembers().spliterator(), false)
        .filter(m -> m.status() == MemberStatus.up())
        .count();
  }

  private static boolean eventually(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
