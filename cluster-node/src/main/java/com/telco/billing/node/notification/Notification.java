package com.telco.billing.node.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification of the outbox: the same id, type and body however often the event it comes from
 * is read again.
 *
 * @param id {@code evt_} and 32 hex digits, derived from the event's persistence id, sequence
 *     number and the fact's index in it (subscribers dedupe by it)
 * @param createdAt when the event was recorded
 * @param body the JSON document sent, exactly these characters (they are what is signed)
 */
public record Notification(
    String id, NotificationType type, String accountId, Instant createdAt, String body) {

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(body, "body");
  }
}
