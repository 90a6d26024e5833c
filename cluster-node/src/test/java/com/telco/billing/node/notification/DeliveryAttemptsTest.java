package com.telco.billing.node.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.notification.NotificationStore.QueueRow;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What one try makes of a delivery, and what it sends. */
class DeliveryAttemptsTest {
  private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
  private static final Notification N =
      new Notification(
          "evt_" + "a".repeat(32),
          NotificationType.INVOICE_ISSUED,
          "acc-7",
          AT,
          "{\"id\":\"evt_x\",\"type\":\"invoice.issued\"}");

  private final DeliveryAttempts attempts =
      new DeliveryAttempts(
          null,
          (url, headers, body) -> null,
          new Backoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))),
          Clock.fixed(AT, ZoneOffset.UTC));

  private static Delivery fresh() {
    return Delivery.pending(N, "nsub_1", AT);
  }

  @Test
  void aTwoHundredDelivers() {
    Delivery d = attempts.outcome(fresh(), 204, null);

    assertEquals(Delivery.Status.DELIVERED, d.status());
    assertEquals(1, d.attempts());
    assertEquals(204, d.lastStatusCode());
    assertNull(d.lastError());
  }

  @Test
  void aFailureIsTriedAgainByTheScheduleThenFails() {
    Delivery first = attempts.outcome(fresh(), 500, null);
    assertEquals(Delivery.Status.PENDING, first.status());
    assertEquals(AT.plusSeconds(1), first.nextAttemptAt());
    assertEquals("status_500", first.lastError());

    Delivery second =
        attempts.outcome(first, null, new CompletionException(new HttpTimeoutException("slow")));
    assertEquals(Delivery.Status.PENDING, second.status());
    assertEquals(AT.plusSeconds(2), second.nextAttemptAt());
    assertEquals("timeout", second.lastError());
    assertNull(second.lastStatusCode());

    Delivery third = attempts.outcome(second, null, new ConnectException("refused"));
    assertEquals(Delivery.Status.FAILED, third.status());
    assertEquals(3, third.attempts());
    assertEquals("connect_failed", third.lastError());
  }

  @Test
  void aRedirectIsNoDelivery() {
    assertEquals(Delivery.Status.PENDING, attempts.outcome(fresh(), 302, null).status());
  }

  @Test
  void theHeadersCarryAVerifiableSignatureTheIdAndTheType() {
    Map<String, String> headers = DeliveryAttempts.headers(N, "s3cret-s3cret-s3cret", 1765065600L);

    assertEquals(N.id(), headers.get("Billing-Event-Id"));
    assertEquals("invoice.issued", headers.get("Billing-Event-Type"));
    assertEquals("application/json", headers.get("Content-Type"));
    String signature = headers.get("Billing-Signature");
    assertTrue(signature.startsWith("t=1765065600,v1="), signature);
    assertTrue(
        NotificationSignature.verify("s3cret-s3cret-s3cret", signature, N.body(), 1765065600L, 5));
    assertFalse(headers.values().stream().anyMatch(v -> v.contains("s3cret")));
  }

  @Test
  void aQueueRowBeforeTheNextTryOrOfADeliveryNoLongerPendingIsNotDue() {
    Delivery pending = fresh();
    QueueRow row = new QueueRow(NotificationStore.minuteOf(AT), AT, pending.id(), "nsub_1");

    assertTrue(DeliveryAttempts.isDue(pending, row));
    Delivery later = attempts.outcome(pending, 500, null);
    assertFalse(DeliveryAttempts.isDue(later, row), "superseded by the retry's row");
    assertFalse(DeliveryAttempts.isDue(attempts.outcome(pending, 200, null), row));
  }

  @Test
  void deliveryIdsAreStablePerNotificationAndSubscription() {
    assertEquals(Delivery.idOf(N.id(), "nsub_1"), fresh().id());
    assertTrue(fresh().id().matches("dlv_[0-9a-f]{32}"));
    assertFalse(Delivery.idOf(N.id(), "nsub_2").equals(fresh().id()));
  }
}
