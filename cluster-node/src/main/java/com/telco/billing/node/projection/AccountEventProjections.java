package com.telco.billing.node.projection;

import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.sharding.ShardingInit;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.Offset;
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

  /**
   * Starts the projection {@code name} on this node.
   *
   * @param handler a new handler per slice instance
   */
  public static void init(
      ActorSystem<?> system, String name, Supplier<Handler<EventEnvelope<AccountEvent>>> handler) {
    ShardingInit.initAccountProjection(
        system,
        ProjectionBehavior.Command.class,
        name,
        tag -> ProjectionBehavior.create(projection(system, name, tag, handler)),
        ProjectionBehavior.stopMessage());
  }

  private static org.apache.pekko.projection.Projection<EventEnvelope<AccountEvent>> projection(
      ActorSystem<?> system,
      String name,
      String tag,
      Supplier<Handler<EventEnvelope<AccountEvent>>> handler) {
    SourceProvider<Offset, EventEnvelope<AccountEvent>> source =
        EventSourcedProvider.eventsByTag(system, CassandraReadJournal.Identifier(), tag);
    return CassandraProjection.atLeastOnce(ProjectionId.of(name, tag), source, handler::get);
  }
}
