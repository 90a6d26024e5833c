package com.telco.billing.node.notification;

import com.telco.billing.node.notification.NotificationStore.QueueRow;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * One try of a queued delivery (docs/notifications.md, "Delivery"): the notification's body signed
 * with the subscription's secret, posted; a 2xx answer delivers it; any other answer, or none,
 * schedules the next try by the {@link Backoff}, or fails the delivery after the last. The try is
 * recorded on the delivery before its queue row is deleted, so a row left behind by a crash is
 * recognised (its time is before the delivery's next try, or the delivery is no longer pending) and
 * dropped.
 */
public final class DeliveryAttempts {
  /** The headers sent besides the signature. */
  public static final String EVENT_ID = "Billing-Event-Id";

  public static final String EVENT_TYPE = "Billing-Event-Type";

  private final NotificationStore store;
  private final WebhookPost post;
  private final Backoff backoff;
  private final Clock clock;

  public DeliveryAttempts(NotificationStore store, WebhookPost post, Backoff backoff, Clock clock) {
    this.store = store;
    this.post = post;
    this.backoff = backoff;
    this.clock = clock;
  }

  /** Tries the delivery of {@code row} if it is still due; completes once recorded. */
  public CompletionStage<Done> attempt(QueueRow row) {
    return store
        .delivery(row.deliveryId())
        .thenCompose(
            found -> {
              if (found.isEmpty() || !isDue(found.get(), row)) {
                return store.dequeue(row);
              }
              Delivery delivery = found.get();
              return store
                  .notification(delivery.notificationId())
                  .thenCombine(store.subscription(delivery.subscriptionId()), Pair::new)
                  .thenCompose(
                      pair -> attempt(row, delivery, pair.notification, pair.subscription));
            });
  }

  private record Pair(Optional<Notification> notification, Optional<Subscription> subscription) {}

  /** A row whose time is before the delivery's next try was superseded by a later one. */
  static boolean isDue(Delivery delivery, QueueRow row) {
    return delivery.status() == Delivery.Status.PENDING
        && (delivery.nextAttemptAt() == null || !row.dueAt().isBefore(delivery.nextAttemptAt()));
  }

  private CompletionStage<Done> attempt(
      QueueRow row,
      Delivery delivery,
      Optional<Notification> notification,
      Optional<Subscription> subscription) {
    if (notification.isEmpty() || subscription.isEmpty()) {
      // nothing to send, or nobody to send it to: no try can succeed
      String why = notification.isEmpty() ? "notification_missing" : "subscription_removed";
      Delivery failed = delivery.tried(Delivery.Status.FAILED, null, null, why, clock.instant());
      return store
          .saveDelivery(failed)
          .thenCompose(saved -> store.markFailed(failed.id()))
          .thenCompose(marked -> store.dequeue(row));
    }
    Notification n = notification.get();
    long t = clock.instant().getEpochSecond();
    Map<String, String> headers = headers(n, subscription.get().secret(), t);
    CompletionStage<Integer> answer;
    try {
      answer = post.post(subscription.get().url(), headers, n.body());
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer
        .handle((status, failure) -> outcome(delivery, status, failure))
        .thenCompose(tried -> record(row, tried));
  }

  /** The headers of a try of {@code n} signed at {@code t}. */
  static Map<String, String> headers(Notification n, String secret, long t) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(NotificationSignature.HEADER, NotificationSignature.header(secret, t, n.body()));
    headers.put(EVENT_ID, n.id());
    headers.put(EVENT_TYPE, n.type().wireName());
    return headers;
  }

  /** The delivery after a try answered {@code status} or failed with {@code failure}. */
  Delivery outcome(Delivery delivery, Integer status, Throwable failure) {
    Instant at = clock.instant();
    if (failure == null && status != null && status >= 200 && status < 300) {
      return delivery.tried(Delivery.Status.DELIVERED, null, status, null, at);
    }
    String error = failure == null ? "status_" + status : describe(failure);
    Optional<Instant> next = backoff.nextAttempt(delivery.attempts() + 1, at);
    return next.isPresent()
        ? delivery.tried(Delivery.Status.PENDING, next.get(), status, error, at)
        : delivery.tried(Delivery.Status.FAILED, null, status, error, at);
  }

  private CompletionStage<Done> record(QueueRow row, Delivery tried) {
    CompletionStage<Done> saved = store.saveDelivery(tried);
    CompletionStage<Done> then =
        switch (tried.status()) {
          case PENDING -> saved.thenCompose(done -> store.enqueue(tried));
          case FAILED -> saved.thenCompose(done -> store.markFailed(tried.id()));
          case DELIVERED -> saved;
        };
    return then.thenCompose(done -> store.dequeue(row));
  }

  /** What went wrong with a try that got no answer, without any secret or body. */
  static String describe(Throwable failure) {
    Throwable t =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (t instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (t instanceof ConnectException) {
      return "connect_failed";
    }
    if (t instanceof IllegalArgumentException) {
      return "invalid_url";
    }
    return "io_error";
  }
}
