package com.telco.billing.node.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.SandboxSettings;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications end to end, through HTTP against the real Cassandra, the payment sandbox and two
 * subscribers of this class (JDK HTTP servers on 127.0.0.1): an account invoiced by a bill run and
 * collected by card makes {@code invoice.issued} and {@code payment.succeeded}, which the
 * subscriber that answers 200 receives signed as documented; the subscriber that answers 500 is
 * tried by the (short) backoff, then its delivery is listed as failed, and redelivered once it
 * answers again.
 */
class NotificationsIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("notifications");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final LocalDate CYCLE = cycleDate();
  private static final String ACCOUNT = "ntf-visa";
  private static final String OK_SECRET = "whsec_ok_0123456789abcdef";
  private static final String FAILING_SECRET = "whsec_failing_0123456789";

  /** What a subscriber received: headers and the body as sent. */
  record Received(String signature, String eventId, String eventType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static final List<Received> okReceived = new CopyOnWriteArrayList<>();
  private static final List<Received> failingReceived = new CopyOnWriteArrayList<>();

  /** What the failing subscriber answers. */
  private static final AtomicInteger failingAnswers = new AtomicInteger(500);

  private static HttpServer subscribers;
  private static PaymentSandbox sandbox;
  private static EmbeddedNode node;
  private static HttpJson http;
  private static String okSubscription;
  private static String failingSubscription;
  private static String invoiceNumber;

  @BeforeAll
  static void start() throws IOException {
    subscribers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    subscribers.createContext("/ok", exchange -> receive(exchange, okReceived, 200));
    subscribers.createContext(
        "/failing", exchange -> receive(exchange, failingReceived, failingAnswers.get()));
    subscribers.start();
    String base = "http://127.0.0.1:" + subscribers.getAddress().getPort();

    String webhookSecret = PaymentSandbox.newWebhookSecret();
    sandbox = PaymentSandbox.start(SandboxSettings.defaults());
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                    """
                    billing.payments.collection.interval = 1s
                    billing.notifications.poll-interval = 200ms
                    billing.notifications.backoff = [1s, 2s]
                    billing.notifications.request-timeout = 5s
                    datastax-java-driver.basic.request.timeout = 10s
                    """)
                .withFallback(
                    EmbeddedNode.gatewayConfig(
                        sandbox.baseUrl(), sandbox.secretKey(), webhookSecret)));
    sandbox.addWebhookEndpoint(node.gatewayWebhookUrl(), webhookSecret);
    http = new HttpJson(node.httpUrl());

    // subscribers registered before anything happens get what is written from then on
    okSubscription =
        subscribe(base + "/ok", "[\"invoice.issued\", \"payment.succeeded\"]", OK_SECRET);
    failingSubscription = subscribe(base + "/failing", "[\"invoice.issued\"]", FAILING_SECRET);

    int published = post("/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    Response opened =
        post(
            "/accounts",
            """
            {"id": "%s", "name": "Customer", "currency": "EUR", "billCycleDay": %d,
             "timeZone": "UTC", "taxJurisdiction": "DE"}"""
                .formatted(ACCOUNT, CYCLE.getDayOfMonth()));
    assertTrue(opened.status() == 201 || opened.status() == 200, opened.body());
    Response activated =
        post(
            "/accounts/" + ACCOUNT + "/subscriptions",
            """
            {"subscriptionId": "sub-ntf", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "+4915188800001"}],
             "activationDate": "%s"}"""
                .formatted(CYCLE.minusDays(10)));
    assertTrue(activated.status() == 201 || activated.status() == 200, activated.body());
    Response method =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(node.httpUrl() + "/accounts/" + ACCOUNT + "/payment-method"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\": \"token\", \"token\": \"tok_visa\"}")));
    assertEquals(200, method.status(), method.body());
    awaitAccountInReadSide();

    Response started = post("/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    await(
        () -> "COMPLETED".equals(http.get("/bill-runs/" + runId).text("status")),
        "bill run " + runId);
    JsonNode invoices = http.get("/accounts/" + ACCOUNT + "/invoices").json().get("invoices");
    assertEquals(1, invoices.size(), invoices.toString());
    invoiceNumber = invoices.get(0).get("billNo").asText();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (subscribers != null) {
      subscribers.stop(0);
    }
  }

  private static void receive(HttpExchange exchange, List<Received> into, int status)
      throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      var headers = exchange.getRequestHeaders();
      into.add(
          new Received(
              headers.getFirst("Billing-Signature"),
              headers.getFirst("Billing-Event-Id"),
              headers.getFirst("Billing-Event-Type"),
              body));
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static String subscribe(String url, String types, String secret) {
    Response created =
        post(
            "/notification-subscriptions",
            "{\"url\": \"%s\", \"eventTypes\": %s, \"secret\": \"%s\"}"
                .formatted(url, types, secret));
    assertEquals(201, created.status(), created.body());
    assertFalse(created.body().contains(secret), "the secret is never shown");
    String id = created.text("id");
    assertTrue(id.matches("nsub_[0-9a-f]{32}"), id);
    assertEquals(
        "/notification-subscriptions/" + id,
        created.raw().headers().firstValue("Location").orElse(""));
    return id;
  }

  // ------------------------------------------------------------------ scenarios

  @Test
  void theSubscriberGetsTheIssuedInvoiceSigned() {
    Received issued =
        awaitReceived(
            okReceived, "invoice.issued", r -> invoiceNumber.equals(data(r, "invoiceNumber")));
    JsonNode n = issued.json();
    assertEquals(ACCOUNT, n.get("accountId").asText());
    assertEquals(n.get("id").asText(), issued.eventId());
    assertTrue(n.get("id").asText().matches("evt_[0-9a-f]{32}"), issued.body());
    assertEquals("EUR", n.get("data").get("total").get("unit").asText(), issued.body());
    assertVerifies(issued, OK_SECRET);
    assertFalse(
        NotificationSignature.verify(
            FAILING_SECRET, issued.signature(), issued.body(), now(), 300));
  }

  @Test
  void theSubscriberGetsThePaymentOfTheCollectedInvoice() {
    Received paid =
        awaitReceived(
            okReceived, "payment.succeeded", r -> invoiceNumber.equals(data(r, "invoiceNumber")));
    JsonNode data = paid.json().get("data");
    assertEquals("card", data.get("method").asText());
    assertEquals("EUR", data.get("amount").get("unit").asText());
    assertTrue(data.get("amount").get("value").decimalValue().signum() > 0, paid.body());
    assertFalse(paid.body().contains("tok_visa"), paid.body());
    assertVerifies(paid, OK_SECRET);
  }

  @Test
  void aFailingSubscriberIsRetriedThenListedAsFailedAndRedelivered() {
    Optional<JsonNode> failed = Optional.empty();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (failed.isEmpty() && System.nanoTime() < deadline) {
      failed = failedDeliveryOf(failingSubscription);
      if (failed.isEmpty()) {
        pause();
      }
    }
    assertTrue(failed.isPresent(), "the failing subscriber's delivery is listed as failed");
    JsonNode delivery = failed.get();
    assertEquals("failed", delivery.get("status").asText());
    assertEquals("invoice.issued", delivery.get("eventType").asText());
    assertEquals(
        3, delivery.get("attempts").asInt(), "the first try and one per wait: " + delivery);
    assertEquals(500, delivery.get("lastStatusCode").asInt());
    String eventId = delivery.get("notificationId").asText();
    assertEquals(
        3,
        failingReceived.stream().filter(r -> r.eventId().equals(eventId)).count(),
        "three tries reached the subscriber");
    failingReceived.stream()
        .filter(r -> r.eventId().equals(eventId))
        .forEach(r -> assertVerifiesSomeTime(r, FAILING_SECRET));

    // not an ops or admin caller: no redelivery
    Response forbidden =
        HttpJson.withRoles(node.httpUrl(), "finance")
            .post("/notifications/deliveries/" + delivery.get("id").asText() + "/redeliver", "");
    assertEquals(403, forbidden.status(), forbidden.body());

    failingAnswers.set(204);
    Response again =
        post("/notifications/deliveries/" + delivery.get("id").asText() + "/redeliver", "");
    assertEquals(200, again.status(), again.body());
    assertEquals("pending", again.text("status"));
    await(
        () -> failingReceived.stream().filter(r -> r.eventId().equals(eventId)).count() == 4,
        "the redelivery");
    await(() -> failedDeliveryOf(failingSubscription).isEmpty(), "the delivery leaves the list");
    assertEquals(
        404, post("/notifications/deliveries/dlv_" + "0".repeat(32) + "/redeliver", "").status());
  }

  @Test
  void subscriptionsAreListedWithoutSecretsAndRemovedByAdmins() {
    Response list = http.get("/notification-subscriptions");
    assertEquals(200, list.status(), list.body());
    assertFalse(list.body().contains(OK_SECRET) || list.body().contains(FAILING_SECRET));
    assertTrue(list.body().contains(okSubscription) && list.body().contains(failingSubscription));

    Response invalid =
        post(
            "/notification-subscriptions",
            "{\"url\": \"ftp://x\", \"eventTypes\": [\"nope\"], \"secret\": \"short\"}");
    assertEquals(400, invalid.status(), invalid.body());
    assertEquals("validation_failed", invalid.text("code"));
    assertFalse(invalid.body().contains("short\""), invalid.body());

    Response notAdmin =
        HttpJson.withRoles(node.httpUrl(), "ops")
            .post(
                "/notification-subscriptions",
                "{\"url\": \"https://x.example\", \"eventTypes\": [\"*\"], \"secret\": \""
                    + OK_SECRET
                    + "\"}");
    assertEquals(403, notAdmin.status(), notAdmin.body());

    String extra = subscribe("http://127.0.0.1:9/hook", "[\"*\"]", "whsec_unused_0123456789");
    assertEquals(200, delete("/notification-subscriptions/" + extra).status());
    assertEquals(404, delete("/notification-subscriptions/" + extra).status());
    assertFalse(http.get("/notification-subscriptions").body().contains(extra));
  }

  // ------------------------------------------------------------------ helpers

  private static Optional<JsonNode> failedDeliveryOf(String subscription) {
    Response page = http.get("/notifications/deliveries?status=failed&limit=100");
    assertEquals(200, page.status(), page.body());
    for (JsonNode d : page.json().get("deliveries")) {
      if (d.get("subscriptionId").asText().equals(subscription)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static String data(Received r, String field) {
    JsonNode value = r.json().path("data").path(field);
    return value.isMissingNode() ? null : value.asText();
  }

  private static Received awaitReceived(
      List<Received> received, String type, java.util.function.Predicate<Received> which) {
    await(
        () -> received.stream().anyMatch(r -> type.equals(r.eventType()) && which.test(r)),
        type + " at the subscriber");
    return received.stream()
        .filter(r -> type.equals(r.eventType()) && which.test(r))
        .findFirst()
        .orElseThrow();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static void assertVerifies(Received r, String secret) {
    assertTrue(
        NotificationSignature.verify(secret, r.signature(), r.body(), now(), 300),
        r.signature() + " " + r.body());
  }

  private static void assertVerifiesSomeTime(Received r, String secret) {
    assertTrue(
        NotificationSignature.verify(secret, r.signature(), r.body(), now(), 3600),
        r.signature() + " " + r.body());
  }

  private static Response post(String path, String body) {
    return http.post(path, body);
  }

  private static Response delete(String path) {
    return http.send(HttpRequest.newBuilder(URI.create(node.httpUrl() + path)).DELETE());
  }

  private static LocalDate cycleDate() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }

  private static void awaitAccountInReadSide() {
    String[] hostPort = CASSANDRA.split(":");
    try (var session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      var count =
          session.prepare(
              "SELECT COUNT(*) FROM " + KEYSPACE + ".accounts_by_cycle_day WHERE cycle_day = ?");
      await(
          () -> session.execute(count.bind(CYCLE.getDayOfMonth())).one().getLong(0) == 1,
          "the account in the cycle-day read side");
    }
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
