package com.telco.billing.node.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The delivery of one notification to one subscription: where it stands and its last try.
 *
 * @param id {@code dlv_} and 32 hex digits, derived from the notification and subscription ids
 * @param attempts tries made so far
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatusCode the HTTP status of the last try's answer, or {@code null} (none yet, or
 *     none came: a timeout, a refused connection)
 * @param lastError why the last try failed, or {@code null}
 */
public record Delivery(
    String id,
    String notificationId,
    String subscriptionId,
    String eventType,
    String accountId,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  /** Where a delivery stands. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code wireName}, or {@code null}. */
    public static Status fromWire(String wireName) {
      for (Status status : values()) {
        if (status.wireName().equals(wireName)) {
          return status;
        }
      }
      return null;
    }
  }

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
  }

  /** The id of the delivery of {@code notificationId} to {@code subscriptionId}. */
  public static String idOf(String notificationId, String subscriptionId) {
    return "dlv_" + NotificationPayloads.digest(notificationId + "|" + subscriptionId);
  }

  /** A new delivery, to be tried first at {@code at}. */
  public static Delivery pending(Notification notification, String subscriptionId, Instant at) {
    return new Delivery(
        idOf(notification.id(), subscriptionId),
        notification.id(),
        subscriptionId,
        notification.type().wireName(),
        notification.accountId(),
        Status.PENDING,
        0,
        at,
        null,
        null,
        at,
        at);
  }

  /** This delivery after a try answered {@code statusCode} (or none) at {@code at}. */
  public Delivery tried(
      Status newStatus, Instant nextAttempt, Integer statusCode, String error, Instant at) {
    return new Delivery(
        id,
        notificationId,
        subscriptionId,
        eventType,
        accountId,
        newStatus,
        attempts + 1,
        nextAttempt,
        statusCode,
        error,
        createdAt,
        at);
  }

  /** This delivery put back to pending, to be tried at {@code at} with a fresh schedule. */
  public Delivery redelivered(Instant at) {
    return new Delivery(
        id,
        notificationId,
        subscriptionId,
        eventType,
        accountId,
        Status.PENDING,
        0,
        at,
        lastStatusCode,
        lastError,
        createdAt,
        at);
  }
}
