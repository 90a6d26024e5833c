package com.telco.billing.protocol.http;

import java.time.Instant;

/**
 * The delivery of one notification to one subscriber.
 *
 * @param id {@code dlv_} and 32 hex digits
 * @param notificationId the notification's id (its {@code Billing-Event-Id})
 * @param status {@code pending}, {@code delivered} or {@code failed}
 * @param attempts tries since it was created or last redelivered
 * @param nextAttemptAt when a pending delivery is tried next; null otherwise
 * @param lastStatusCode the HTTP status the subscriber last answered; null when none came
 * @param lastError why the last try failed ({@code status_500}, {@code timeout}, {@code
 *     connect_failed}, {@code subscription_removed}, ...); null after a success
 */
public record NotificationDeliveryResponse(
    String id,
    String notificationId,
    String subscriptionId,
    String eventType,
    String accountId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {}
