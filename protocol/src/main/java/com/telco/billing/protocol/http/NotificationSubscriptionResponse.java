package com.telco.billing.protocol.http;

import java.time.Instant;
import java.util.List;

/**
 * A subscriber as the API shows it: never its secret.
 *
 * @param id {@code nsub_} and 32 hex digits
 * @param eventTypes the notification types it takes, sorted, or {@code ["*"]}
 * @param createdBy the subject of the caller who registered it
 */
public record NotificationSubscriptionResponse(
    String id,
    String href,
    String url,
    List<String> eventTypes,
    Instant createdAt,
    String createdBy) {

  public static String href(String id) {
    return "/notification-subscriptions/" + id;
  }
}
