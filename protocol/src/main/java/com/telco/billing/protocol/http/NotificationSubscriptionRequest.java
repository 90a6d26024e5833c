package com.telco.billing.protocol.http;

import java.util.List;

/**
 * Body of {@code POST /notification-subscriptions}: a subscriber, before validation.
 *
 * @param url where notifications are posted: an absolute {@code http} or {@code https} URL
 * @param eventTypes the notification types it takes ({@code invoice.issued}, ...), or {@code ["*"]}
 * @param secret what the notifications are signed with (16..256 characters); kept, never shown
 */
public record NotificationSubscriptionRequest(String url, List<String> eventTypes, String secret) {
  @Override
  public String toString() {
    return "NotificationSubscriptionRequest[" + url + " " + eventTypes + "]";
  }
}
