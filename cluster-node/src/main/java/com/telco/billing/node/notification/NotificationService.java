package com.telco.billing.node.notification;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.NotificationDeliveryResponse;
import com.telco.billing.protocol.http.NotificationSubscriptionList;
import com.telco.billing.protocol.http.NotificationSubscriptionRequest;
import com.telco.billing.protocol.http.NotificationSubscriptionResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The subscribers and the deliveries, as the routes ask for them (docs/notifications.md): register,
 * list and remove subscriptions; list failed deliveries; put a delivery back to pending.
 */
public final class NotificationService {
  /** Bounds of a subscription's fields. */
  static final int MAX_URL_LENGTH = 2048;

  static final int MIN_SECRET_LENGTH = 16;
  static final int MAX_SECRET_LENGTH = 256;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final NotificationStore store;
  private final NotificationSettings settings;
  private final Clock clock;

  public NotificationService(NotificationStore store, NotificationSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  public NotificationSettings settings() {
    return settings;
  }

  /**
   * Registers a subscriber: it gets the notifications written from now on.
   *
   * @param createdBy the caller's subject
   * @throws com.telco.billing.protocol.RefusedException 400 listing every invalid field
   */
  public CompletionStage<NotificationSubscriptionResponse> create(
      NotificationSubscriptionRequest request, String createdBy) {
    Set<String> types = validTypes(request);
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    Subscription s =
        new Subscription(
            "nsub_" + HexFormat.of().formatHex(random),
            request.url(),
            types,
            request.secret(),
            clock.instant(),
            createdBy);
    return store.saveSubscription(s).thenApply(done -> view(s));
  }

  /** Every check of a request, each problem listed; the types it names when it is valid. */
  static Set<String> validTypes(NotificationSubscriptionRequest request) {
    List<FieldError> problems = new ArrayList<>();
    String url = request.url();
    if (url == null || url.isBlank()) {
      problems.add(new FieldError("required", "url", "url is required"));
    } else if (!isHttpUrl(url)) {
      problems.add(
          new FieldError(
              "invalid_format",
              "url",
              "url must be an absolute http or https URL with a host, at most "
                  + MAX_URL_LENGTH
                  + " characters"));
    }
    Set<String> types = new TreeSet<>();
    if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
      problems.add(new FieldError("required", "eventTypes", "eventTypes is required"));
    } else {
      for (String type : request.eventTypes()) {
        if (type == null
            || !(type.equals(NotificationType.ALL)
                || NotificationType.fromWire(type).isPresent())) {
          problems.add(
              new FieldError(
                  "invalid_value",
                  "eventTypes",
                  "eventTypes must name " + String.join(", ", wireNames()) + " or \"*\""));
          break;
        }
        types.add(type);
      }
    }
    String secret = request.secret();
    if (secret == null || secret.isEmpty()) {
      problems.add(new FieldError("required", "secret", "secret is required"));
    } else if (secret.length() < MIN_SECRET_LENGTH
        || secret.length() > MAX_SECRET_LENGTH
        || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      problems.add(
          new FieldError(
              "invalid_format",
              "secret",
              "secret must be "
                  + MIN_SECRET_LENGTH
                  + " to "
                  + MAX_SECRET_LENGTH
                  + " printable ASCII characters without spaces"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems).toException();
    }
    return types;
  }

  private static List<String> wireNames() {
    List<String> names = new ArrayList<>();
    for (NotificationType type : NotificationType.values()) {
      names.add(type.wireName());
    }
    return names;
  }

  static boolean isHttpUrl(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Every subscriber, by id, without secrets. */
  public CompletionStage<NotificationSubscriptionList> list() {
    return store
        .subscriptions()
        .thenApply(
            all ->
                NotificationSubscriptionList.of(
                    all.stream()
                        .sorted(java.util.Comparator.comparing(Subscription::id))
                        .map(NotificationService::view)
                        .toList()));
  }

  /**
   * Removes a subscriber: nothing more is written for it; its pending deliveries fail ({@code
   * subscription_removed}) at their next try.
   *
   * @return the subscriber as it was; 404 {@code notification_subscription_not_found}
   */
  public CompletionStage<NotificationSubscriptionResponse> remove(String id) {
    return store
        .subscription(id)
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                throw Refusal.of(
                        RefusalCode.NOTIFICATION_SUBSCRIPTION_NOT_FOUND,
                        "id",
                        "no notification subscription with this id")
                    .toException();
              }
              return store.removeSubscription(id).thenApply(done -> view(found.get()));
            });
  }

  /** A page of failed deliveries. */
  public record DeliveryPage(List<NotificationDeliveryResponse> deliveries, String last) {}

  /**
   * Up to {@code limit} failed deliveries with ids after {@code after} ({@code ""}: from the
   * first), by id; {@code last} is the id to continue after, or {@code null} on the last page.
   */
  public CompletionStage<DeliveryPage> failed(String after, int limit) {
    return store
        .failedIds(after, limit + 1)
        .thenCompose(
            ids -> {
              List<String> page = ids.size() > limit ? ids.subList(0, limit) : ids;
              List<CompletableFuture<java.util.Optional<Delivery>>> reads = new ArrayList<>();
              for (String id : page) {
                reads.add(store.delivery(id).toCompletableFuture());
              }
              return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                  .thenApply(
                      all -> {
                        List<NotificationDeliveryResponse> views = new ArrayList<>();
                        for (var read : reads) {
                          read.join().ifPresent(d -> views.add(view(d)));
                        }
                        String last = ids.size() > limit ? page.get(page.size() - 1) : null;
                        return new DeliveryPage(views, last);
                      });
            });
  }

  /**
   * Puts a delivery back to pending, tried at once with a fresh schedule (a pending one is left as
   * it is).
   *
   * @return the delivery; 404 {@code notification_delivery_not_found}
   */
  public CompletionStage<NotificationDeliveryResponse> redeliver(String id) {
    return store
        .delivery(id)
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                throw Refusal.of(
                        RefusalCode.NOTIFICATION_DELIVERY_NOT_FOUND,
                        "id",
                        "no notification delivery with this id")
                    .toException();
              }
              Delivery d = found.get();
              if (d.status() == Delivery.Status.PENDING) {
                return CompletableFuture.completedFuture(view(d));
              }
              Delivery again = d.redelivered(clock.instant());
              return store
                  .saveDelivery(again)
                  .thenCompose(saved -> store.enqueue(again))
                  .thenCompose(queued -> store.unmarkFailed(again.id()))
                  .thenApply(done -> view(again));
            });
  }

  static NotificationSubscriptionResponse view(Subscription s) {
    return new NotificationSubscriptionResponse(
        s.id(),
        NotificationSubscriptionResponse.href(s.id()),
        s.url(),
        List.copyOf(new TreeSet<>(s.eventTypes())),
        s.createdAt(),
        s.createdBy());
  }

  static NotificationDeliveryResponse view(Delivery d) {
    return new NotificationDeliveryResponse(
        d.id(),
        d.notificationId(),
        d.subscriptionId(),
        d.eventType(),
        d.accountId(),
        d.status().wireName(),
        d.attempts(),
        d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null,
        d.lastStatusCode(),
        d.lastError(),
        d.createdAt(),
        d.updatedAt());
  }
}
