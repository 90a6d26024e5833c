package com.telco.billing.node.projection;

import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.sharding.EntityKeys;
import com.telco.billing.sharding.ShardingInit;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.cassandra.javadsl.CassandraProjection;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.Handler;
import org.apache.pekko.projection.javadsl.SourceProvider;

/**
 * Projections over the tagged account events: one instance per tag slice, spread over the cluster
 * as a sharded daemon process, at-least-once with the offsets in Cassandra (an offset moves only
 * after the handler's writes are done, so handlers must be idempotent).
 */
public final class AccountEventProjections {
  private AccountEventProjections() {}

  /** Events handed to a grouped handler at most at once. */
  static final int GROUP_SIZE = 200;

  /** Longest wait for a group to fill. */
  static final Duration GROUP_WAIT = Duration.ofMillis(300);

  /**
   * Starts the projection {@code name} over the tag stream {@code tags} on this node, one event at
   * a time.
   *
   * @param tags {@link com.telco.billing.sharding.AccountTags#ALL} or {@code INVOICES}
   * @param handler a new handler per slice instance
   */
  public static void init(
      ActorSystem<?> system,
      String name,
      List<String> tags,
      Supplier<Handler<EventEnvelope<AccountEvent>>> handler) {
    start(
        system,
        name,
        tags,
        tag ->
            CassandraProjection.atLeastOnce(
                ProjectionId.of(name, tag), source(system, tag), handler::get));
  }

  /**
   * Starts the projection {@code name} over the tag stream {@code tags} on this node, handing the
   * events in groups (up to {@value #GROUP_SIZE}, or what arrived within {@link #GROUP_WAIT}) so
   * the handler can write them concurrently; the offset moves after each group.
   */
  public static void initGrouped(
      ActorSystem<?> system,
      String name,
      List<String> tags,
      Supplier<Handler<List<EventEnvelope<AccountEvent>>>> handler) {
    start(
        system,
        name,
        tags,
        tag ->
            CassandraProjection.groupedWithin(
                    ProjectionId.of(name, tag), source(system, tag), handler::get)
                .withGroup(GROUP_SIZE, GROUP_WAIT));
  }

  private static void start(
      ActorSystem<?> system,
      String name,
      List<String> tags,
      Function<String, Projection<EventEnvelope<AccountEvent>>> projection) {
    ShardingInit.initAccountProjection(
        system,
        ProjectionBehavior.Command.class,
        name,
        tags,
        tag ->
            ProjectionBehavior.create(
                projection
                    .apply(tag)
                    .withStatusObserver(BillingMetrics.get(system).projections().observer())),
        ProjectionBehavior.stopMessage());
  }

  private static SourceProvider<Offset, EventEnvelope<AccountEvent>> source(
      ActorSystem<?> system, String tag) {
    return EventSourcedProvider.eventsByTag(system, CassandraReadJournal.Identifier(), tag);
  }

  /**
   * The entity id of an account's persistence id: what follows the entity type's name and its
   * separator, whole.
   */
  public static String accountIdOf(String persistenceId) {
    String prefix = EntityKeys.ACCOUNT.name() + PersistenceId.DefaultSeparator();
    if (!persistenceId.startsWith(prefix)) {
      throw new IllegalArgumentException("not an account's persistence id: " + persistenceId);
    }
    return persistenceId.substring(prefix.length());
  }
}
