package com.telco.billing.node.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Whether this node has started its entities and bound its HTTP API, as an actor system extension;
 * {@link Check} makes it a readiness check of Pekko Management, so that a load balancer sends
 * traffic only to nodes that serve it.
 */
public final class ServicesStarted implements Extension {
  private static final Id ID = new Id();

  private final AtomicBoolean started = new AtomicBoolean();

  public static ServicesStarted get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public void markStarted() {
    started.set(true);
  }

  public boolean started() {
    return started.get();
  }

  private static final class Id extends ExtensionId<ServicesStarted> {
    @Override
    public ServicesStarted createExtension(ActorSystem<?> system) {
      return new ServicesStarted();
    }
  }

  /** Readiness check: ready once the node's services started. Configured in cluster.conf. */
  public static final class Check implements Supplier<CompletionStage<Boolean>> {
    private final ServicesStarted extension;

    public Check(org.apache.pekko.actor.ActorSystem system) {
      this.extension = ServicesStarted.get(Adapter.toTyped(system));
    }

    @Override
    public CompletionStage<Boolean> get() {
      return CompletableFuture.completedFuture(extension.started());
    }
  }
}
