package com.telco.billing.node.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A subscriber: where notifications of the types it names go, and the secret they are signed with
 * (kept, never shown).
 *
 * @param id {@code nsub_} and 32 hex digits
 * @param eventTypes wire names of {@link NotificationType}, or {@link NotificationType#ALL}
 * @param createdBy the subject of the caller who registered it
 */
public record Subscription(
    String id,
    String url,
    Set<String> eventTypes,
    String secret,
    Instant createdAt,
    String createdBy) {

  public Subscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    eventTypes = Set.copyOf(eventTypes);
    Objects.requireNonNull(secret, "secret");
  }

  /** Whether notifications of {@code type} go to this subscriber. */
  public boolean accepts(NotificationType type) {
    return eventTypes.contains(NotificationType.ALL) || eventTypes.contains(type.wireName());
  }

  @Override
  public String toString() {
    return "Subscription[" + id + " " + url + " " + eventTypes + "]";
  }
}
