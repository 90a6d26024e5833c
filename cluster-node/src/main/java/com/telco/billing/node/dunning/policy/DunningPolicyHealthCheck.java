package com.telco.billing.node.dunning.policy;

import com.telco.billing.node.health.ServicesStarted;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Readiness check of Pekko Management ({@code /ready}): a node is ready only once its {@link
 * DunningPolicyReplica} has read every published dunning policy, so that no account is evaluated
 * against a policy set the node does not have yet. Configured in {@code cluster.conf}; looked up
 * only after the node's services started, like the catalog's check.
 */
public final class DunningPolicyHealthCheck implements Supplier<CompletionStage<Boolean>> {
  private final org.apache.pekko.actor.typed.ActorSystem<?> system;

  public DunningPolicyHealthCheck(ActorSystem system) {
    this.system = Adapter.toTyped(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    boolean ready =
        ServicesStarted.get(system).started() && DunningPolicyReplica.get(system).hasCaughtUp();
    return CompletableFuture.completedFuture(ready);
  }
}
