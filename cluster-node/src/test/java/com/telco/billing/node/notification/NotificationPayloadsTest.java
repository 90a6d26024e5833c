package com.telco.billing.node.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notifications of the account events, and what their JSON shows (and never shows). */
class NotificationPayloadsTest {
  private static final String PID = "Account|acc-7";
  private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TOKEN = "tok_visa_4242SECRET";
  private static final String IBAN = "DE89370400440532013000";
  private static final String MANDATE = "MANDATE-77";

  private static JsonNode json(Notification n) throws Exception {
    return JSON.readTree(n.body());
  }

  private static AccountEvent receivables(ReceivableFact... facts) {
    return new AccountEvent.ReceivablesChanged(List.of(facts), AT, Origin.BILL_CYCLE);
  }

  private static AccountEvent dunning(DunningFact... facts) {
    return new AccountEvent.DunningChanged(List.of(facts), AT, Origin.BILL_CYCLE);
  }

  @Test
  void anIssuedInvoice() throws Exception {
    var entry =
        new InvoiceEntry(
            "INV-ACME-2026-000042",
            "acc-7",
            LocalDate.of(2026, 11, 5),
            LocalDate.of(2026, 12, 5),
            "EUR",
            new BigDecimal("119.00"),
            41);
    List<Notification> all =
        NotificationPayloads.of(PID, 42, new AccountEvent.InvoiceRegistered(entry, AT), null);

    assertEquals(1, all.size());
    Notification n = all.get(0);
    assertEquals(NotificationType.INVOICE_ISSUED, n.type());
    assertEquals(NotificationPayloads.notificationId(PID, 42, 0), n.id());
    assertEquals(
        "{\"id\":\""
            + n.id()
            + "\",\"type\":\"invoice.issued\",\"createdAt\":\"2026-12-07T08:00:00Z\","
            + "\"accountId\":\"acc-7\",\"data\":{\"invoiceNumber\":\"INV-ACME-2026-000042\","
            + "\"href\":\"/invoices/INV-ACME-2026-000042\",\"periodStart\":\"2026-11-05\","
            + "\"issueDate\":\"2026-12-05\",\"total\":{\"unit\":\"EUR\",\"value\":119.00}}}",
        n.body());
  }

  @Test
  void idsAreStableAndDistinctPerEventAndFact() {
    String id = NotificationPayloads.notificationId(PID, 42, 0);

    assertTrue(id.matches("evt_[0-9a-f]{32}"), id);
    assertEquals(id, NotificationPayloads.notificationId(PID, 42, 0));
    assertNotEquals(id, NotificationPayloads.notificationId(PID, 42, 1));
    assertNotEquals(id, NotificationPayloads.notificationId(PID, 43, 0));
    assertNotEquals(id, NotificationPayloads.notificationId("Account|acc-8", 42, 0));
  }

  @Test
  void aReplayedEventGivesTheSameNotificationsCharacterForCharacter() {
    AccountEvent event = receivables(payment("PAY-1", "12.5"), declined());

    assertEquals(
        NotificationPayloads.of(PID, 9, event, "EUR"),
        NotificationPayloads.of(PID, 9, event, "EUR"));
  }

  private static ReceivableFact.PaymentReceived payment(String id, String amount) {
    return new ReceivableFact.PaymentReceived(
        id,
        "card",
        "REF-9",
        "fp-" + TOKEN,
        "pi_SECRETINTENT",
        "INV-1",
        TODAY,
        new BigDecimal(amount));
  }

  private static ReceivableFact.AttemptAnswered declined() {
    return new ReceivableFact.AttemptAnswered(
        "INV-1",
        "PAY-2",
        "DECLINED",
        "pi_SECRETINTENT",
        "card_declined",
        TODAY,
        TODAY.plusDays(3),
        false);
  }

  @Test
  void paymentsSucceededAndFailedEachWithTheIndexOfTheirFact() throws Exception {
    List<Notification> all =
        NotificationPayloads.of(
            PID,
            9,
            receivables(
                new ReceivableFact.AttemptAnswered(
                    "INV-1", "PAY-1", "SUCCEEDED", "pi_1", null, TODAY, null, false),
                payment("PAY-1", "12.5"),
                new ReceivableFact.AttemptAnswered(
                    "INV-1", "PAY-3", "PROCESSING", "pi_3", null, TODAY, null, false),
                declined()),
            "EUR");

    assertEquals(2, all.size());
    Notification paid = all.get(0);
    assertEquals(NotificationType.PAYMENT_SUCCEEDED, paid.type());
    assertEquals(NotificationPayloads.notificationId(PID, 9, 1), paid.id());
    JsonNode data = json(paid).get("data");
    assertEquals("PAY-1", data.get("paymentId").asText());
    assertEquals("card", data.get("method").asText());
    assertEquals("INV-1", data.get("invoiceNumber").asText());
    assertEquals("2026-12-07", data.get("date").asText());
    assertEquals("EUR", data.get("amount").get("unit").asText());
    assertTrue(
        paid.body().contains("\"value\":12.50"), "the currency's minor units: " + paid.body());

    Notification failed = all.get(1);
    assertEquals(NotificationType.PAYMENT_FAILED, failed.type());
    assertEquals(NotificationPayloads.notificationId(PID, 9, 3), failed.id());
    JsonNode f = json(failed).get("data");
    assertEquals("PAY-2", f.get("paymentId").asText());
    assertEquals("card_declined", f.get("code").asText());
    assertEquals("2026-12-10", f.get("nextAttemptOn").asText());
    assertFalse(f.get("finalAttempt").asBoolean());
  }

  @Test
  void noPaymentMethodSecretIsEverWritten() {
    AccountEvent event =
        receivables(
            new ReceivableFact.MethodSet(
                "direct_debit", TOKEN, IBAN, "COBADEFFXXX", MANDATE, TODAY, "Jane Doe"),
            new ReceivableFact.AttemptStarted(
                "INV-1", 1, "PAY-1", "idem-SECRETKEY", new BigDecimal("10.00"), TOKEN, TODAY),
            payment("PAY-1", "10.00"),
            new ReceivableFact.DirectDebitScheduled(
                "INV-1",
                "PAY-1",
                "E2E-1",
                TODAY,
                new BigDecimal("10.00"),
                MANDATE,
                "FRST",
                IBAN,
                "COBADEFFXXX",
                TODAY,
                "Jane Doe"),
            declined());

    List<Notification> all = NotificationPayloads.of(PID, 3, event, "EUR");

    assertEquals(2, all.size(), "a payment and a decline; methods and attempts notify nothing");
    for (Notification n : all) {
      for (String secret :
          List.of(
              TOKEN, IBAN, MANDATE, "COBADEFFXXX", "idem-SECRETKEY", "pi_SECRETINTENT", "Jane")) {
        assertFalse(n.body().contains(secret), n.type() + " shows " + secret + ": " + n.body());
      }
    }
  }

  @Test
  void aStepFiredWithItsOverdueAmount() throws Exception {
    List<Notification> all =
        NotificationPayloads.of(
            PID,
            20,
            dunning(
                new DunningFact.EpisodeStarted(
                    1, TODAY, "STANDARD", 2, "INV-1", new BigDecimal("50.00")),
                new DunningFact.StepFired(
                    1,
                    1,
                    "second reminder",
                    10,
                    List.of("reminder", "late_fee"),
                    TODAY,
                    "INV-1",
                    10,
                    new BigDecimal("50")),
                new DunningFact.NextEvaluation(TODAY.plusDays(11))),
            "JPY");

    assertEquals(1, all.size());
    Notification step = all.get(0);
    assertEquals(NotificationType.DUNNING_STEP, step.type());
    assertEquals(NotificationPayloads.notificationId(PID, 20, 1), step.id());
    JsonNode data = json(step).get("data");
    assertEquals(1, data.get("episode").asInt());
    assertEquals(1, data.get("stepIndex").asInt());
    assertEquals("second reminder", data.get("stepName").asText());
    assertEquals(10, data.get("day").asInt());
    assertEquals("[\"reminder\",\"late_fee\"]", data.get("actions").toString());
    assertEquals("INV-1", data.get("oldestInvoice").asText());
    assertEquals(10, data.get("daysPastDue").asLong());
    assertTrue(step.body().contains("\"overdue\":{\"unit\":\"JPY\",\"value\":50}"), step.body());
  }

  @Test
  void serviceBarredAndUnbarred() throws Exception {
    List<Notification> all =
        NotificationPayloads.of(
            PID,
            30,
            dunning(
                new DunningFact.ServiceBarred(2, TODAY, List.of("sub-1", "sub-2")),
                new DunningFact.HoldPlaced("h-1", TODAY, TODAY.plusDays(5), "dispute", "ops@x"),
                new DunningFact.ServiceUnbarred(2, TODAY.plusDays(1), List.of("sub-1"), "paid"),
                new DunningFact.EpisodeEnded(2, TODAY.plusDays(1), "paid")),
            "EUR");

    assertEquals(
        List.of(NotificationType.SERVICE_BARRED, NotificationType.SERVICE_UNBARRED),
        all.stream().map(Notification::type).toList());
    JsonNode barred = json(all.get(0));
    assertEquals("service.barred", barred.get("type").asText());
    assertEquals("acc-7", barred.get("accountId").asText());
    assertEquals("2026-12-07T08:00:00Z", barred.get("createdAt").asText());
    assertEquals("[\"sub-1\",\"sub-2\"]", barred.get("data").get("subscriptionIds").toString());
    assertEquals(2, barred.get("data").get("episode").asInt());
    JsonNode unbarred = json(all.get(1)).get("data");
    assertEquals("paid", unbarred.get("reason").asText());
    assertEquals("2026-12-08", unbarred.get("date").asText());
    assertEquals(NotificationPayloads.notificationId(PID, 30, 2), all.get(1).id());
  }

  @Test
  void otherEventsNotifyNothing() {
    assertEquals(
        List.of(),
        NotificationPayloads.of(
            PID,
            1,
            new AccountEvent.CollectionScheduled("INV-1", TODAY, AT, Origin.BILL_CYCLE),
            null));
  }

  @Test
  void anAmountWithoutAKnownCurrencyHasNoUnit() {
    Notification n =
        NotificationPayloads.of(PID, 9, receivables(payment("PAY-1", "12.5")), null).get(0);

    assertTrue(n.body().contains("\"amount\":{\"value\":12.5}"), n.body());
  }
}
