package com.telco.billing.node.catalog;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.protocol.catalog.CatalogEvent.CatalogVersionPublished;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.time.Duration;
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
 * The product catalog as this node knows it: every node follows the Catalog entity's events ({@code
 * Catalog|catalog}) from the Cassandra journal and keeps the resulting immutable {@link Catalog} in
 * memory, so rating reads it without a remote call ({@link #current()}).
 *
 * <p>At start the replica reads every stored event (a node that starts later has the whole catalog
 * once {@link #caughtUp()} completes), then polls the journal for new events every {@code
 * pekko.persistence.cassandra.query.refresh-interval}: a version published anywhere in the cluster
 * reaches every node within about that interval. A failed query is restarted with backoff from the
 * last event applied; nothing is applied twice.
 *
 * <p>One per actor system ({@link #get}); it stops with the node (CoordinatedShutdown, service-stop
 * phase).
 */
public final class CatalogReplica implements Extension {
  private static final Logger log = LoggerFactory.getLogger(CatalogReplica.class);

  /** Backoff of the journal query after a failure (Cassandra unreachable, a timeout). */
  static final RestartSettings RESTART =
      RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

  private static final ExtensionId<CatalogReplica> ID =
      new ExtensionId<>() {
        @Override
        public CatalogReplica createExtension(ActorSystem<?> system) {
          CassandraReadJournal journal =
              PersistenceQuery.get(system)
                  .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
          return new CatalogReplica(system, journal, RESTART);
        }
      };

  /** What the replica holds, replaced as a whole on every event. */
  private record Replicated(CatalogState state, Catalog catalog, long sequenceNr) {}

  /** Someone waiting for a version to arrive. */
  private record Waiter(String versionId, CompletableFuture<Boolean> arrived) {}

  private final String persistenceId = CatalogEntity.PERSISTENCE_ID.id();
  private final CurrentEventsByPersistenceIdQuery currentQuery;
  private final EventsByPersistenceIdQuery liveQuery;
  private final AtomicReference<Replicated> replicated =
      new AtomicReference<>(new Replicated(CatalogState.EMPTY, Catalog.EMPTY, 0L));
  private final CompletableFuture<Done> caughtUp = new CompletableFuture<>();
  private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
  private final UniqueKillSwitch killSwitch;

  /** The replica of this node, started on first use. */
  public static CatalogReplica get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Starts following the catalog's events in {@code journal}. */
  <J extends ReadJournal & CurrentEventsByPersistenceIdQuery & EventsByPersistenceIdQuery>
      CatalogReplica(ActorSystem<?> system, J journal, RestartSettings restart) {
    this.currentQuery = journal;
    this.liveQuery = journal;
    this.killSwitch =
        RestartSource.withBackoff(restart, this::followJournal)
            .viaMat(KillSwitches.single(), Keep.right())
            .to(Sink.ignore())
            .run(system);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseServiceStop(),
            "stop-catalog-replica",
            () -> {
              killSwitch.shutdown();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
  }

  /** The catalog for rating and invoicing; never blocks, never asks another node. */
  public Catalog current() {
    return replicated.get().catalog();
  }

  /** The published versions with their documents, for reading them back. */
  public CatalogState state() {
    return replicated.get().state();
  }

  /**
   * Completes once the replica has applied every event that was stored when it started reading the
   * journal: from then on it lags new publications by at most the refresh interval.
   */
  public CompletionStage<Done> caughtUp() {
    return caughtUp;
  }

  /** Whether {@link #caughtUp()} has completed. */
  public boolean hasCaughtUp() {
    return caughtUp.isDone();
  }

  /**
   * Completes with {@code true} as soon as this node's replica has the version, or with {@code
   * false} after {@code timeout}.
   */
  public CompletionStage<Boolean> awaitVersion(String versionId, Duration timeout) {
    CompletableFuture<Boolean> arrived = new CompletableFuture<>();
    Waiter waiter = new Waiter(versionId, arrived);
    waiters.add(waiter);
    arrived.whenComplete((result, failure) -> waiters.remove(waiter));
    if (state().lookupVersion(versionId).isPresent()) {
      arrived.complete(true);
    }
    return arrived.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The stored events after the last one applied, then the live ones; called again by the restart
   * logic after a failure.
   */
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
          "Catalog replica caught up with the journal: {} version(s)", state().published().size());
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
    if (!(envelope.event() instanceof CatalogVersionPublished published)) {
      throw new IllegalStateException(
          "unexpected event in " + persistenceId + ": " + envelope.event().getClass().getName());
    }
    PublishedVersion version = CatalogJournal.toPublished(published);
    replicated.set(
        new Replicated(
            before.state().with(version),
            before.catalog().withVersion(version.version()),
            envelope.sequenceNr()));
    log.info(
        "Catalog version {} (effective from {}) is on this node",
        version.version().version(),
        version.version().effectiveFrom());
    CatalogState state = state();
    for (Waiter waiter : waiters) {
      if (state.lookupVersion(waiter.versionId()).isPresent()) {
        waiter.arrived().complete(true);
      }
    }
    return envelope;
  }
}
