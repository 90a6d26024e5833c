package com.telco.billing.protocol.http;

import java.util.List;

/**
 * Body of {@code GET /notification-subscriptions}: every subscriber, by id.
 *
 * @param count the subscriptions listed
 */
public record NotificationSubscriptionList(
    int count, List<NotificationSubscriptionResponse> subscriptions) {

  public static NotificationSubscriptionList of(
      List<NotificationSubscriptionResponse> subscriptions) {
    return new NotificationSubscriptionList(subscriptions.size(), List.copyOf(subscriptions));
  }
}
