package com.telco.billing.node;

import com.telco.billing.devkit.Ports;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A bare node for the drivers' integration tests: an actor system of its own one-node cluster on a
 * free loopback port, with the billing configuration and the keyspace's schema created, as the
 * billing node starts them, and nothing else started.
 */
public final class SingleNode {
  private SingleNode() {}

  /**
   * @param name the actor system's name
   * @param cassandra the test Cassandra's {@code host:port}
   */
  public static ActorSystem<Void> start(String name, String cassandra, String keyspace) {
    var config =
        Main.loadConfig(
            ConfigFactory.parseString(
                """
                billing.cassandra.contact-point = "%s"
                billing.cassandra.keyspace = "%s"
                billing.cassandra.autocreate = true
                pekko.remote.artery.canonical.hostname = "127.0.0.1"
                pekko.remote.artery.canonical.port = %d
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                # the shared test machine can be slow to apply DDL and reads of a busy day
                datastax-java-driver.basic.request.timeout = 10s
                """
                    .formatted(cassandra, keyspace, Ports.freeLoopbackPort())));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), name, config);
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    CassandraSchema.createIfEnabled(system, CassandraSettings.from(config))
        .toCompletableFuture()
        .join();
    return system;
  }
}
