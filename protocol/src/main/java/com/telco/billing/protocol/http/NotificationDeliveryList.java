package com.telco.billing.protocol.http;

import java.util.List;

/**
 * Body of {@code GET /notifications/deliveries}: one page of deliveries of a status, by id.
 *
 * @param count the deliveries on this page
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 */
public record NotificationDeliveryList(
    int count, List<NotificationDeliveryResponse> deliveries, String nextCursor) {

  public static NotificationDeliveryList of(
      List<NotificationDeliveryResponse> deliveries, String nextCursor) {
    return new NotificationDeliveryList(deliveries.size(), List.copyOf(deliveries), nextCursor);
  }
}
