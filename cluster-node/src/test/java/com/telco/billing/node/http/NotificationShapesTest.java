package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.notification.Notification;
import com.telco.billing.node.notification.NotificationPayloads;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.http.NotificationDeliveryList;
import com.telco.billing.protocol.http.NotificationDeliveryResponse;
import com.telco.billing.protocol.http.NotificationSubscriptionList;
import com.telco.billing.protocol.http.NotificationSubscriptionResponse;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The notifications as the outbox writes them, and the subscription and delivery answers as the
 * routes write them, are what openapi.json says (its {@code webhooks} and its schemas).
 */
class NotificationShapesTest {
  private static final OpenApiSchemas SCHEMAS = new OpenApiSchemas(OpenApiSchemas.document());
  private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  private static void assertValid(String schema, JsonNode body) {
    assertEquals(List.of(), SCHEMAS.problemsAgainst(schema, body), schema + ": " + body);
  }

  private static JsonNode written(Object body) {
    return OpenApiSchemas.MAPPER.valueToTree(StrictJson.MAPPER.valueToTree(body));
  }

  @Test
  void everyNotificationTypeAsTheOutboxWritesIt() throws Exception {
    List<Notification> all = new ArrayList<>();
    all.addAll(
        NotificationPayloads.of(
            "Account|acc-1",
            4,
            new AccountEvent.InvoiceRegistered(
                new InvoiceEntry(
                    "INV-1", "acc-1", DAY.minusMonths(1), DAY, "EUR", new BigDecimal("35.58"), 3),
                AT),
            null));
    all.addAll(
        NotificationPayloads.of(
            "Account|acc-1",
            5,
            new AccountEvent.ReceivablesChanged(
                List.of(
                    new ReceivableFact.PaymentReceived(
                        "PAY-1", "card", null, null, "pi_1", "INV-1", DAY, new BigDecimal("35.58")),
                    new ReceivableFact.AttemptAnswered(
                        "INV-1", "PAY-2", "DECLINED", "pi_2", "card_declined", DAY, null, true)),
                AT,
                Origin.BILL_CYCLE),
            "EUR"));
    all.addAll(
        NotificationPayloads.of(
            "Account|acc-1",
            6,
            new AccountEvent.DunningChanged(
                List.of(
                    new DunningFact.StepFired(
                        1, 0, "reminder", 3, List.of("reminder"), DAY, "INV-1", 3, BigDecimal.TEN),
                    new DunningFact.ServiceBarred(1, DAY, List.of("sub-1")),
                    new DunningFact.ServiceUnbarred(1, DAY, List.of("sub-1"), "paid")),
                AT,
                Origin.BILL_CYCLE),
            "EUR"));

    assertEquals(6, all.size());
    for (Notification n : all) {
      assertValid("Notification", OpenApiSchemas.MAPPER.readTree(n.body()));
    }
  }

  @Test
  void subscriptionsAndDeliveriesAsTheRoutesWriteThem() {
    var subscription =
        new NotificationSubscriptionResponse(
            "nsub_" + "0".repeat(32),
            NotificationSubscriptionResponse.href("nsub_" + "0".repeat(32)),
            "https://erp.example/hooks",
            List.of("*"),
            AT,
            "admin");
    assertValid("NotificationSubscription", written(subscription));
    assertValid(
        "NotificationSubscriptionList",
        written(NotificationSubscriptionList.of(List.of(subscription))));
    assertFalse(written(subscription).has("secret"));

    var pending =
        new NotificationDeliveryResponse(
            "dlv_" + "1".repeat(32),
            "evt_" + "2".repeat(32),
            subscription.id(),
            "invoice.issued",
            "acc-1",
            "pending",
            0,
            AT,
            null,
            null,
            AT,
            AT);
    var failed =
        new NotificationDeliveryResponse(
            "dlv_" + "3".repeat(32),
            "evt_" + "2".repeat(32),
            subscription.id(),
            "invoice.issued",
            "acc-1",
            "failed",
            7,
            null,
            500,
            "status_500",
            AT,
            AT);
    assertValid("NotificationDelivery", written(pending));
    assertValid(
        "NotificationDeliveryPage",
        written(NotificationDeliveryList.of(List.of(pending, failed), "cursor")));
    assertValid("NotificationDeliveryPage", written(NotificationDeliveryList.of(List.of(), null)));
  }
}
