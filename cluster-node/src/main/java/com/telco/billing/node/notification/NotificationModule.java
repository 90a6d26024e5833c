package com.telco.billing.node.notification;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Notifications on a node (docs/notifications.md): the {@link OutboxProjection} that writes the
 * outbox and its deliveries from the account events, the {@link DeliveryWorker} singleton (one in
 * the cluster, here a proxy to it) that posts them to the subscribers, and the service the routes
 * use.
 *
 * @param service subscriptions and deliveries, for the routes
 * @param worker a proxy to the delivery worker singleton
 */
public record NotificationModule(
    NotificationService service, ActorRef<DeliveryWorker.Command> worker) {

  /** The delivery worker singleton's name in the cluster. */
  public static final String WORKER_SINGLETON = "notification-delivery";

  /**
   * Starts the projection and starts (or joins) the worker singleton. Call it after the account
   * entities are started.
   */
  public static NotificationModule init(
      ActorSystem<?> system, BillingSettings settings, Clock clock) {
    NotificationSettings notifications = settings.notifications();
    NotificationStore store = new NotificationStore(system, settings.cassandra().keyspace());
    OutboxProjection.init(system, store, clock);
    DeliveryAttempts attempts =
        new DeliveryAttempts(
            store,
            WebhookPost.jdk(notifications.connectTimeout(), notifications.requestTimeout()),
            new Backoff(notifications.backoff()),
            clock);
    var worker =
        ShardingInit.initSingleton(
            system,
            WORKER_SINGLETON,
            DeliveryWorker.create(store, attempts::attempt, notifications, clock));
    return new NotificationModule(new NotificationService(store, notifications, clock), worker);
  }
}
