package com.telco.billing.node.notification;

import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.sharding.AccountTags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Writes the outbox from the account events (docs/notifications.md, "Outbox"): over both account
 * tag streams (the lifecycle stream has the receivables and dunning events, the invoice stream the
 * invoice register entries), one instance per slice of each, at-least-once, a group at a time.
 *
 * <p>Each notification is written under its stable id, and fanned out to the subscriptions that
 * exist when it is written and take its type: one delivery per subscription, created only if its id
 * is new (a lightweight transaction), so a replayed event neither resets a delivery made nor adds
 * one for a subscription registered since. A replayed event whose delivery is still pending queues
 * it again at once (its first queue row may be the write that was lost); the worker tries it once.
 */
public final class OutboxProjection {

  /** The projection's name; with the tag it is the offset's key. */
  public static final String NAME = "notification-outbox";

  /** The tags read: every slice of the lifecycle stream, then of the invoice stream. */
  static final List<String> TAGS = tags();

  private OutboxProjection() {}

  private static List<String> tags() {
    List<String> tags = new ArrayList<>(AccountTags.ALL);
    tags.addAll(AccountTags.INVOICES);
    return List.copyOf(tags);
  }

  public static void init(ActorSystem<?> system, NotificationStore store, Clock clock) {
    AccountEventProjections.initGrouped(system, NAME, TAGS, () -> new OutboxHandler(store, clock));
  }

  /** Writes the notifications of a group of events, and their deliveries. */
  static final class OutboxHandler extends Handler<List<EventEnvelope<AccountEvent>>> {
    private final NotificationStore store;
    private final Clock clock;

    OutboxHandler(NotificationStore store, Clock clock) {
      this.store = store;
      this.clock = clock;
    }

    @Override
    public CompletionStage<Done> process(List<EventEnvelope<AccountEvent>> envelopes) {
      // accounts opened in this group: their currency, before their payments look it up
      Map<String, String> opened = new HashMap<>();
      List<CompletableFuture<Done>> writes = new ArrayList<>();
      for (EventEnvelope<AccountEvent> envelope : envelopes) {
        if (envelope.event() instanceof AccountOpened o && o.profile().currency() != null) {
          String accountId = NotificationPayloads.accountIdOf(envelope.persistenceId());
          opened.put(accountId, o.profile().currency());
          writes.add(store.saveCurrency(accountId, o.profile().currency()).toCompletableFuture());
        }
      }
      boolean anyNotified = envelopes.stream().anyMatch(e -> OutboxHandler.mayNotify(e.event()));
      if (!anyNotified) {
        return allOf(writes);
      }
      CompletionStage<Done> done =
          store
              .subscriptions()
              .thenCompose(
                  subscriptions -> {
                    List<CompletableFuture<Done>> all = new ArrayList<>(writes);
                    for (EventEnvelope<AccountEvent> envelope : envelopes) {
                      if (mayNotify(envelope.event())) {
                        all.add(write(envelope, opened, subscriptions).toCompletableFuture());
                      }
                    }
                    return allOf(all);
                  });
      return done;
    }

    static boolean mayNotify(AccountEvent event) {
      return event instanceof AccountEvent.InvoiceRegistered
          || NotificationPayloads.needsCurrency(event);
    }

    private CompletionStage<Done> write(
        EventEnvelope<AccountEvent> envelope,
        Map<String, String> opened,
        List<Subscription> subscriptions) {
      AccountEvent event = envelope.event();
      String accountId = NotificationPayloads.accountIdOf(envelope.persistenceId());
      CompletionStage<Optional<String>> currency =
          !NotificationPayloads.needsCurrency(event)
              ? CompletableFuture.completedFuture(Optional.empty())
              : opened.containsKey(accountId)
                  ? CompletableFuture.completedFuture(Optional.of(opened.get(accountId)))
                  : store.currency(accountId);
      return currency.thenCompose(
          unit -> {
            List<Notification> notifications =
                NotificationPayloads.of(
                    envelope.persistenceId(), envelope.sequenceNr(), event, unit.orElse(null));
            List<CompletableFuture<Done>> all = new ArrayList<>();
            for (Notification n : notifications) {
              all.add(save(n, subscriptions).toCompletableFuture());
            }
            return allOf(all);
          });
    }

    /** The notification, then a delivery per subscription that takes it. */
    private CompletionStage<Done> save(Notification n, List<Subscription> subscriptions) {
      return store
          .saveNotification(n)
          .thenCompose(
              saved -> {
                Instant now = clock.instant();
                List<CompletableFuture<Done>> all = new ArrayList<>();
                for (Subscription s : subscriptions) {
                  if (s.accepts(n.type())) {
                    all.add(deliver(Delivery.pending(n, s.id(), now), now).toCompletableFuture());
                  }
                }
                return allOf(all);
              });
    }

    private CompletionStage<Done> deliver(Delivery delivery, Instant now) {
      return store
          .createDelivery(delivery)
          .thenCompose(
              stored -> {
                if (stored.status() != Delivery.Status.PENDING) {
                  return CompletableFuture.completedFuture(Done.getInstance());
                }
                return store.enqueue(stored.id(), stored.subscriptionId(), now);
              });
    }
  }

  static CompletableFuture<Done> allOf(List<CompletableFuture<Done>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(all -> Done.getInstance());
  }
}
