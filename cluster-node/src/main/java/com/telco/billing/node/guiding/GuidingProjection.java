package com.telco.billing.node.guiding;

import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.node.security.Masking;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionActivated;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionChanged;
import com.telco.billing.sharding.AccountTags;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the guiding index in step with the accounts: every {@code SubscriptionActivated} claims its
 * identifiers and every termination releases them, read from the account events by tag with
 * at-least-once delivery (offsets in Cassandra). The guiding entities are idempotent, so a
 * redelivered event changes nothing; an index update is never lost when a node dies between the
 * account's write and the index's, because the offset only moves after the update is stored.
 *
 * <p>One instance per account tag slice, spread over the cluster as a sharded daemon process.
 */
public final class GuidingProjection {
  private static final Logger log = LoggerFactory.getLogger(GuidingProjection.class);

  /** The projection's name; with the tag it is the offset's key. */
  public static final String NAME = "guiding";

  private GuidingProjection() {}

  public static void init(ActorSystem<?> system, GuidingService guiding) {
    AccountEventProjections.init(system, NAME, AccountTags.ALL, () -> new GuidingHandler(guiding));
  }

  /** Applies one account event to the guiding index. */
  static final class GuidingHandler extends Handler<EventEnvelope<AccountEvent>> {
    private final GuidingService guiding;

    GuidingHandler(GuidingService guiding) {
      this.guiding = guiding;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<AccountEvent> envelope) {
      AccountEvent event = envelope.event();
      if (event instanceof SubscriptionActivated activated) {
        return all(GuidingJournal.toClaims(activated.claims()), guiding::claim, envelope);
      }
      if (event instanceof SubscriptionChanged changed) {
        return all(GuidingJournal.toReleases(changed.releases()), guiding::release, envelope);
      }
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    /**
     * Whether the index refused the update for good (a conflict with what it holds), as opposed to
     * a failure of the moment (a timeout, an unavailable or overloaded part of the cluster).
     */
    static boolean isRefusal(Throwable failure) {
      Throwable cause =
          failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      return cause instanceof RefusedException refused && !refused.refusal().kind().isTransient();
    }

    /**
     * Sends every update; a refusal by the index is a fact to report (two subscriptions claimed one
     * identifier), not a reason to stop the projection; anything else (timeouts) fails the
     * envelope, which is then retried.
     */
    private <T> CompletionStage<Done> all(
        List<T> updates,
        Function<T, CompletionStage<?>> send,
        EventEnvelope<AccountEvent> envelope) {
      CompletableFuture<?>[] sent =
          updates.stream()
              .map(
                  update ->
                      send.apply(update)
                          .exceptionally(
                              failure -> {
                                if (isRefusal(failure)) {
                                  log.error(
                                      "guiding index refused {} from {} seq {}: {}",
                                      Masking.text(String.valueOf(update)),
                                      envelope.persistenceId(),
                                      envelope.sequenceNr(),
                                      Masking.text(failure.getMessage()));
                                  return null;
                                }
                                throw new java.util.concurrent.CompletionException(failure);
                              })
                          .toCompletableFuture())
              .toArray(CompletableFuture[]::new);
      return CompletableFuture.allOf(sent).thenApply(done -> Done.getInstance());
    }
  }
}
