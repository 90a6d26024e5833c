package com.telco.billing.node.catalog;

import com.telco.billing.node.health.ServicesStarted;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Readiness check of Pekko Management ({@code /ready}): a node is ready only once its {@link
 * CatalogReplica} has caught up with the journal, so that no usage is rated on a node that does not
 * have the catalog yet. Configured in {@code cluster.conf}.
 *
 * <p>The replica is looked up only after the node's services started: management runs its checks
 * before the Cassandra schema exists, and a read journal touched that early keeps the failure of
 * its first statement preparation.
 */
public final class CatalogReplicaHealthCheck implements Supplier<CompletionStage<Boolean>> {
  private final org.apache.pekko.actor.typed.ActorSystem<?> system;

  public CatalogReplicaHealthCheck(ActorSystem system) {
    this.system = Adapter.toTyped(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    boolean ready =
        ServicesStarted.get(system).started() && CatalogReplica.get(system).hasCaughtUp();
    return CompletableFuture.completedFuture(ready);
  }
}
