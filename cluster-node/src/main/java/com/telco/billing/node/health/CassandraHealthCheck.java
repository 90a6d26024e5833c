package com.telco.billing.node.health;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Readiness check of Pekko Management ({@code /ready}): the node is ready only while the journal's
 * Cassandra session answers a query. Configured in {@code cluster.conf}.
 */
public final class CassandraHealthCheck implements Supplier<CompletionStage<Boolean>> {
  private final CassandraSession session;

  public CassandraHealthCheck(ActorSystem system) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
  }

  @Override
  public CompletionStage<Boolean> get() {
    return session
        .selectOne("SELECT release_version FROM system.local")
        .thenApply(row -> row.isPresent());
  }
}
