package com.telco.billing.node.dunning.policy;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.node.dunning.DunningPolicySource;
import com.telco.billing.protocol.dunning.DunningPolicyEvent.PolicyPublished;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dunning policies as this node knows them: every node follows the policy store's events
 * ({@code DunningPolicy|policies}) from the Cassandra journal and keeps the resulting immutable
 * {@link DunningPolicyState} in memory, so that the account entities read their policy without a
 * remote call ({@link DunningPolicySource}).
 *
 * <p>As the catalog's replica: at start it reads every stored event ({@link #caughtUp()}), then
 * polls the journal every {@code pekko.persistence.cassandra.query.refresh-interval}; a failed
 * query is restarted with backoff from the last event applied. One per actor system ({@link #get});
 * it stops with the node (CoordinatedShutdown, service-stop phase).
 */
public final class DunningPolicyReplica implements Extension, DunningPolicySource {
  private static final Logger log = LoggerFactory.getLogger(DunningPolicyReplica.class);

  /** Backoff of the journal query after a failure (Cassandra unreachable, a timeout). */
  static final RestartSettings RESTART =
      RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

  private static final ExtensionId<DunningPolicyReplica> ID =
      new ExtensionId<>() {
        @Override
        public DunningPolicyReplica createExtension(ActorSystem<?> system) {
          CassandraReadJournal journal =
              PersistenceQuery.get(system)
                  .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
          return new DunningPolicyReplica(system, journal, RESTART);
        }
      };

  /** What the replica holds, replaced as a whole on every event. */
  private record Replicated(DunningPolicyState state, long sequenceNr) {}

  /** Someone waiting for a version to arrive. */
  private record Waiter(String policyId, int version, CompletableFuture<Boolean> arrived) {}

  private final String persistenceId = DunningPolicyEntity.PERSISTENCE_ID.id();
  private final CurrentEventsByPersistenceIdQuery currentQuery;
  private final EventsByPersistenceIdQuery liveQuery;
  private final AtomicReference<Replicated> replicated =
      new AtomicReference<>(new Replicated(DunningPolicyState.EMPTY, 0L));
  private final CompletableFuture<Done> caughtUp = new CompletableFuture<>();
  private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

  /** The replica of this node, started on first use. */
  public static DunningPolicyReplica get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Starts following the policy store's events in {@code journal}. */
  <J extends ReadJournal & CurrentEventsByPersistenceIdQuery & EventsByPersistenceIdQuery>
      DunningPolicyReplica(ActorSystem<?> system, J journal, RestartSettings restart) {
    this.currentQuery = journal;
    this.liveQuery = journal;
    UniqueKillSwitch killSwitch =
        RestartSource.withBackoff(restart, this::followJournal)
            .viaMat(KillSwitches.single(), Keep.right())
            .to(Sink.ignore())
            .run(system);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseServiceStop(),
            "stop-dunning-policy-replica",
            () -> {
              killSwitch.shutdown();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
  }

  /** The published versions; never blocks, never asks another node. */
  public DunningPolicyState state() {
    return replicated.get().state();
  }

  @Override
  public Optional<DunningPolicy> policyFor(String legalEntity, String segment) {
    return state().policyFor(legalEntity, segment);
  }

  @Override
  public Optional<DunningPolicy> version(String policyId, int version) {
    return state().version(policyId, version);
  }

  /**
   * Completes once the replica has applied every event that was stored when it started reading the
   * journal.
   */
  public CompletionStage<Done> caughtUp() {
    return caughtUp;
  }

  /** Whether {@link #caughtUp()} has completed. */
  public boolean hasCaughtUp() {
    return caughtUp.isDone();
  }

  @Override
  public boolean isReady() {
    return hasCaughtUp();
  }

  /**
   * Completes with {@code true} as soon as this node's replica has the version, or with {@code
   * false} after {@code timeout}.
   */
  public CompletionStage<Boolean> awaitVersion(String policyId, int version, Duration timeout) {
    CompletableFuture<Boolean> arrived = new CompletableFuture<>();
    Waiter waiter = new Waiter(policyId, version, arrived);
    waiters.add(waiter);
    arrived.whenComplete((result, failure) -> waiters.remove(waiter));
    if (version(policyId, version).isPresent()) {
      arrived.complete(true);
    }
    return arrived.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Source<EventEnvelope, NotUsed> followJournal() {
    long from = replicated.get().sequenceNr() + 1;
    return currentQuery
        .currentEventsByPersistenceId(persistenceId, from, Long.MAX_VALUE)
        .map(this::apply)
        .concatLazy(Source.lazySource(this::followLive))
        .mapMaterializedValue(notUsed -> NotUsed.getInstance());
  }

  private Source<EventEnvelope, NotUsed> followLive() {
    if (caughtUp.complete(Done.getInstance())) {
      log.info(
          "Dunning policy replica caught up with the journal: {} version(s)",
          state().published().size());
    }
    long from = replicated.get().sequenceNr() + 1;
    return liveQuery.eventsByPersistenceId(persistenceId, from, Long.MAX_VALUE).map(this::apply);
  }

  /** Applies an event once; only the stream's single thread at a time calls this. */
  private EventEnvelope apply(EventEnvelope envelope) {
    Replicated before = replicated.get();
    if (envelope.sequenceNr() <= before.sequenceNr()) {
      return envelope;
    }
    if (!(envelope.event() instanceof PolicyPublished published)) {
      throw new IllegalStateException(
          "unexpected event in " + persistenceId + ": " + envelope.event().getClass().getName());
    }
    DunningPolicy policy = DunningPolicyJournal.toPolicy(published);
    replicated.set(new Replicated(before.state().with(policy), envelope.sequenceNr()));
    log.info("Dunning policy {} version {} is on this node", policy.policyId(), policy.version());
    for (Waiter waiter : waiters) {
      if (waiter.policyId().equals(policy.policyId()) && waiter.version() == policy.version()) {
        waiter.arrived().complete(true);
      }
    }
    return envelope;
  }
}
