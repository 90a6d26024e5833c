package com.telco.billing.node.payment.collection;

import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.CollectionScheduled;
import com.telco.billing.sharding.AccountTags;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps {@code collections_due} from the account events: every {@link CollectionScheduled} becomes
 * one row (an upsert, so a replay writes the same row again), over the account tags, one instance
 * per tag slice, at-least-once, a group of events at a time.
 *
 * <p>A row is never written for a date that has passed: an invoice to be collected on a past date
 * is due today (the date the account asked for is kept in {@code requested_on}). So the driver,
 * whose watermark never passes yesterday, never misses a row however late this projection writes
 * it. The price: an event replayed on a later day (e.g. after the offsets were reset) writes a row
 * for that day, and the account answers its {@code CollectDue} with what it knows.
 */
public final class CollectionProjection {

  /** The projection's name; with the tag it is the offset's key. */
  public static final String NAME = "payment-collections";

  private CollectionProjection() {}

  public static void init(ActorSystem<?> system, DueRows rows, Clock clock) {
    AccountEventProjections.initGrouped(
        system, NAME, AccountTags.ALL, () -> new ScheduledHandler(rows, clock));
  }

  /**
   * Writes the due rows of the {@link CollectionScheduled} events of a group, all at once (a bill
   * run schedules thousands of collections a second).
   */
  static final class ScheduledHandler extends Handler<List<EventEnvelope<AccountEvent>>> {
    private final DueRows rows;
    private final Clock clock;

    ScheduledHandler(DueRows rows, Clock clock) {
      this.rows = rows;
      this.clock = clock;
    }

    @Override
    public CompletionStage<Done> process(List<EventEnvelope<AccountEvent>> envelopes) {
      LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      List<CompletableFuture<Done>> writes = new ArrayList<>();
      for (EventEnvelope<AccountEvent> envelope : envelopes) {
        rowOf(envelope, today).ifPresent(row -> writes.add(write(row, envelope)));
      }
      return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
          .thenApply(all -> Done.getInstance());
    }

    private CompletableFuture<Done> write(DueRow row, EventEnvelope<AccountEvent> envelope) {
      CollectionScheduled scheduled = (CollectionScheduled) envelope.event();
      return rows.schedule(row, scheduled.collectOn(), scheduled.recordedAt())
          .toCompletableFuture();
    }
  }

  /**
   * The due row a {@link CollectionScheduled} makes on {@code today}: for its account (the entity
   * id of the event's persistence id) and invoice, on its date or today, whichever is later.
   */
  static Optional<DueRow> rowOf(EventEnvelope<AccountEvent> envelope, LocalDate today) {
    if (!(envelope.event() instanceof CollectionScheduled scheduled)) {
      return Optional.empty();
    }
    LocalDate on = scheduled.collectOn().isBefore(today) ? today : scheduled.collectOn();
    return Optional.of(
        new DueRow(
            on,
            AccountEventProjections.accountIdOf(envelope.persistenceId()),
            scheduled.invoiceNumber()));
  }
}
