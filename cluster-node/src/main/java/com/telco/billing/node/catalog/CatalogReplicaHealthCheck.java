package com.telco.billing.node.catalog;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Readiness check of Pekko Management ({@code /ready}): a node is ready only once its {@link
 * CatalogReplica} has caught up with the journal, so that no usage is rated on a node that does not
 * have the catalog yet. Enabled with {@code pekko.management.health-checks.readiness-checks.catalog
 * = "com.telco.billing.node.catalog.CatalogReplicaHealthCheck"}.
 */
public final class CatalogReplicaHealthCheck implements Supplier<CompletionStage<Boolean>> {
  private final CatalogReplica replica;

  public CatalogReplicaHealthCheck(ActorSystem system) {
    this.replica = CatalogReplica.get(Adapter.toTyped(system));
  }

  @Override
  public CompletionStage<Boolean> get() {
    return CompletableFuture.completedFuture(replica.hasCaughtUp());
  }
}
