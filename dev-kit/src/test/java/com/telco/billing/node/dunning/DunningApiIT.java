package com.telco.billing.node.dunning;

import static com.telco.billing.node.billrun.BillingFixtures.activate;
import static com.telco.billing.node.billrun.BillingFixtures.await;
import static com.telco.billing.node.billrun.BillingFixtures.awaitAccountsInReadSide;
import static com.telco.billing.node.billrun.BillingFixtures.msisdn;
import static com.telco.billing.node.billrun.BillingFixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.devkit.TestSmtp;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.notification.NotificationSignature;
import com.telco.billing.node.time.ShiftedClock;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Dunning end to end, through HTTP against the real Cassandra, the SMTP server and a notification
 * subscriber of this class, with a clock the test moves day by day (the node's TEST-ONLY offset
 * file). Invoices issued by a bill run with payment terms of 0 days fall due on the cycle date; the
 * sample policy's steps (day 3 reminder; day 10 reminder and late fee; day 21 suspend; day 45
 * terminate and collections) fire once each, also after a node restart; a partial payment on day 12
 * skips no step; a full payment on day 22 unbars at once; a hold pauses steps; the late fee is
 * billed on the next invoice; every notification's signature verifies; the reminder mail carries
 * its PDF.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DunningApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("dunning_api");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "whsec_dunning_0123456789abcdef";
  private static final String MAIL_DOMAIN = "dunning-it.example";

  /** Yesterday (or the 28th): the invoices are due on it, so today is day 1 past due. */
  private static final LocalDate CYCLE = cycleDate();

  private static final String STEPS = "dun-steps";
  private static final String PARTIAL = "dun-partial";
  private static final String FULL = "dun-full";
  private static final String HOLD = "dun-hold";
  private static final List<String> ACCOUNTS = List.of(STEPS, PARTIAL, FULL, HOLD);

  /** A notification as the subscriber received it. */
  record Received(String signature, String id, String type, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static final List<Received> received = new CopyOnWriteArrayList<>();
  private static Path offsetFile;
  private static HttpServer subscriber;
  private static EmbeddedNode node;
  private static HttpJson http;
  private static final Map<String, String> firstInvoice = new HashMap<>();

  /** The date the cluster's clock shows (in UTC, the accounts' zone). */
  private static LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeAll
  static void start() throws IOException {
    offsetFile = Files.createTempDirectory("dunning-api-clock").resolve("offset");
    subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    subscriber.createContext(
        "/hooks",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            var headers = exchange.getRequestHeaders();
            received.add(
                new Received(
                    headers.getFirst("Billing-Signature"),
                    headers.getFirst("Billing-Event-Id"),
                    headers.getFirst("Billing-Event-Type"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    subscriber.start();
    startNode();

    Response subscribed =
        http.post(
            "/notification-subscriptions",
            "{\"url\": \"http://127.0.0.1:%d/hooks\", \"eventTypes\": [\"*\"], \"secret\": \"%s\"}"
                .formatted(subscriber.getAddress().getPort(), SECRET));
    assertEquals(201, subscribed.status(), subscribed.body());
    int published = post(http, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    Response policy =
        post(
            http,
            "/dunning-policies",
            Files.readString(Path.of("..", "samples", "dunning-policy.json")));
    assertTrue(policy.status() == 201 || policy.status() == 200, policy.body());

    for (int i = 0; i < ACCOUNTS.size(); i++) {
      String id = ACCOUNTS.get(i);
      Response opened =
          post(
              http,
              "/accounts",
              """
              {"id": "%s", "name": "Customer %s", "currency": "EUR", "billCycleDay": %d,
               "timeZone": "UTC", "taxJurisdiction": "DE", "paymentTermsDays": 0,
               "email": "%s@%s"}"""
                  .formatted(id, id, CYCLE.getDayOfMonth(), id, MAIL_DOMAIN));
      assertTrue(opened.status() == 201 || opened.status() == 200, opened.body());
      activate(http, id, "sub-" + id, msisdn(900 + i), "MOBILE_S", CYCLE);
    }
    awaitAccountsInReadSide(CASSANDRA, KEYSPACE, CYCLE, ACCOUNTS.size());
    billRun(CYCLE);
    for (String id : ACCOUNTS) {
      JsonNode invoices = http.get("/accounts/" + id + "/invoices").json().get("invoices");
      assertEquals(1, invoices.size(), id + ": " + invoices);
      firstInvoice.put(id, invoices.get(0).get("billNo").asText());
    }
  }

  private static void startNode() {
    GreenMail smtp = TestSmtp.shared();
    Config config =
        ConfigFactory.parseString(
                """
                billing.clock.offset-file = "%s"
                billing.dunning.driver.interval = 1s
                billing.notifications.poll-interval = 200ms
                billing.bill-run.auto-start = off
                datastax-java-driver.basic.request.timeout = 10s
                """
                    .formatted(offsetFile.toString().replace("\\", "/")))
            .withFallback(EmbeddedNode.mailConfig(TestSmtp.HOST, smtp.getSmtp().getPort()));
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE, config);
    http = new HttpJson(node.httpUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (subscriber != null) {
      subscriber.stop(0);
    }
  }

  // ------------------------------------------------------------------ the days

  @Test
  @Order(1)
  void aHoldPlacedOnDayOnePausesTheSteps() {
    Response held =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(node.httpUrl() + "/accounts/" + HOLD + "/dunning/hold"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "hold-1")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"until\": \"%s\", \"reason\": \"promised to pay\"}"
                            .formatted(dayPastDue(11)))));
    assertEquals(201, held.status(), held.body());
    assertEquals("held", held.text("status"));
    assertEquals(1, held.json().get("holds").size());

    Response reader =
        HttpJson.withRoles(node.httpUrl(), "ops")
            .post(
                "/accounts/" + HOLD + "/dunning/hold",
                "{\"until\": \"%s\", \"reason\": \"x\"}".formatted(dayPastDue(11)));
    assertEquals(403, reader.status(), "only collections places holds: " + reader.body());
    Response past =
        http.post(
            "/accounts/" + HOLD + "/dunning/hold",
            "{\"until\": \"%s\", \"reason\": \"too late\"}".formatted(CYCLE.minusDays(5)));
    assertEquals(400, past.status(), past.body());
    assertEquals("until", past.text("field"));
  }

  @Test
  @Order(2)
  void dayThreeSendsTheFirstReminderByMailWithItsLetter() throws Exception {
    moveTo(3);
    for (String id : List.of(STEPS, PARTIAL, FULL)) {
      awaitSteps(id, List.of("reminder-1"));
    }
    assertEquals(List.of(), steps(HOLD), "held");

    MimeMessage mail = awaitMail(STEPS + "@" + MAIL_DOMAIN, "reminder");
    assertTrue(hasPdf(mail), "the reminder letter is attached as a PDF");
    JsonNode step = awaitNotification("dunning.step", STEPS, 0);
    assertEquals(STEPS, step.get("accountId").asText());
  }

  @Test
  @Order(3)
  void dayTenChargesTheLateFeeOnceAndARestartFiresNothingAgain() {
    moveTo(10);
    for (String id : List.of(STEPS, PARTIAL, FULL)) {
      awaitSteps(id, List.of("reminder-1", "reminder-2"));
    }
    JsonNode dunning = http.get("/accounts/" + STEPS + "/dunning").json();
    assertEquals(1, dunning.get("pendingLateFees").size(), dunning.toString());
    assertEquals(
        0,
        new BigDecimal("5.00")
            .compareTo(
                dunning.get("pendingLateFees").get(0).get("amount").get("value").decimalValue()));

    node.close();
    startNode();
    // the driver asks again for today after the restart: nothing fires twice
    pauseFor(Duration.ofSeconds(5));
    for (String id : List.of(STEPS, PARTIAL, FULL)) {
      assertEquals(List.of("reminder-1", "reminder-2"), steps(id), id);
    }
  }

  @Test
  @Order(4)
  void dayTwelveAPartialPaymentSkipsNoStepAndTheHoldEnds() {
    moveTo(12);
    awaitSteps(HOLD, List.of("reminder-1", "reminder-2"));
    BigDecimal total = invoiceTotal(PARTIAL);
    Response paid = pay(PARTIAL, "partial-1", total.subtract(new BigDecimal("6.00")));
    assertEquals(201, paid.status(), paid.body());
    JsonNode dunning = http.get("/accounts/" + PARTIAL + "/dunning").json();
    assertEquals("in_dunning", dunning.get("status").asText(), dunning.toString());
    assertEquals(12, dunning.get("daysPastDue").asInt());
    assertEquals("suspend", dunning.get("nextStep").get("name").asText());
    assertEquals(dayPastDue(21).toString(), dunning.get("nextStep").get("date").asText());
  }

  @Test
  @Order(5)
  void dayTwentyOneBarsAndTellsProvisioning() {
    moveTo(21);
    for (String id : List.of(STEPS, PARTIAL, FULL, HOLD)) {
      awaitSteps(id, List.of("reminder-1", "reminder-2", "suspend"));
    }
    JsonNode barred = awaitNotification("service.barred", STEPS, -1);
    assertEquals(List.of("sub-" + STEPS), strings(barred.get("data").get("subscriptionIds")));
    assertEquals(
        List.of("sub-" + STEPS),
        strings(http.get("/accounts/" + STEPS + "/dunning").json().get("barredSubscriptions")));
    assertTrue(
        http.get("/accounts/" + STEPS).json().get("subscriptions").get(0).get("barred").asBoolean(),
        "the subscription is marked barred");
  }

  @Test
  @Order(6)
  void dayTwentyTwoAFullPaymentUnbarsAtOnce() {
    moveTo(22);
    Response paid = pay(FULL, "full-1", invoiceTotal(FULL));
    assertEquals(201, paid.status(), paid.body());
    JsonNode dunning = http.get("/accounts/" + FULL + "/dunning").json();
    assertEquals("normal", dunning.get("status").asText(), dunning.toString());
    assertEquals(0, dunning.get("barredSubscriptions").size());
    assertFalse(
        http.get("/accounts/" + FULL).json().get("subscriptions").get(0).get("barred").asBoolean());
    JsonNode unbarred = awaitNotification("service.unbarred", FULL, -1);
    assertEquals(List.of("sub-" + FULL), strings(unbarred.get("data").get("subscriptionIds")));
  }

  @Test
  @Order(7)
  void theNextInvoiceBillsTheLateFee() {
    LocalDate next = CYCLE.plusMonths(1);
    moveTo((int) (next.toEpochDay() - CYCLE.toEpochDay()) + 1);
    billRun(next);
    JsonNode invoices = http.get("/accounts/" + STEPS + "/invoices").json().get("invoices");
    assertEquals(2, invoices.size(), invoices.toString());
    String path = "/invoices/" + invoices.get(1).get("billNo").asText();
    // the invoice register is a read side: the invoice is served once it has it
    await(() -> http.get(path).status() == 200, WAIT, path);
    JsonNode second = http.get(path).json();
    int feeLines = 0;
    for (JsonNode line : second.get("appliedCustomerBillingRate")) {
      if (line.toString().contains("Late payment fee")) {
        feeLines++;
      }
    }
    assertEquals(1, feeLines, second.toString());
    assertEquals(
        0, http.get("/accounts/" + STEPS + "/dunning").json().get("pendingLateFees").size());
  }

  @Test
  @Order(8)
  void dayFortyFiveTerminatesHandsToCollectionsAndEveryStepFiredOnce() {
    moveTo(45);
    awaitSteps(STEPS, List.of("reminder-1", "reminder-2", "suspend", "terminate"));
    JsonNode account = http.get("/accounts/" + STEPS).json();
    assertEquals(
        "TERMINATED",
        account.get("subscriptions").get(0).get("status").asText(),
        account.toString());
    String export = "/dunning/collections-export?from=" + CYCLE + "&to=" + dayPastDue(46);
    await(
        () -> http.get(export).body().contains(STEPS), WAIT, STEPS + " in the collections export");
    assertEquals(200, http.get(export).status());

    // each step of each account reached the subscriber under one notification id
    Map<String, List<String>> idsByStep = new HashMap<>();
    for (Received r : received) {
      assertTrue(
          NotificationSignature.verify(
              SECRET, r.signature(), r.body(), System.currentTimeMillis() / 1000, 3600),
          r.signature());
      if ("dunning.step".equals(r.type())) {
        JsonNode json = r.json();
        String key =
            json.get("accountId").asText()
                + "#"
                + json.get("data").get("episode")
                + "#"
                + json.get("data").get("stepIndex");
        List<String> ids = idsByStep.computeIfAbsent(key, k -> new ArrayList<>());
        if (!ids.contains(r.id())) {
          ids.add(r.id());
        }
      }
    }
    idsByStep.forEach((step, ids) -> assertEquals(1, ids.size(), step + " " + ids));
  }

  // ------------------------------------------------------------------ helpers

  /** Moves the cluster's clock to {@code days} past the due date (the cycle date). */
  private static void moveTo(int days) {
    LocalDate target = dayPastDue(days);
    long offset = target.toEpochDay() - LocalDate.now(ZoneOffset.UTC).toEpochDay();
    ShiftedClock.writeOffset(offsetFile, Duration.ofDays(offset));
    today = target;
    // the node reads the file again every 100 ms
    pauseFor(Duration.ofMillis(400));
  }

  private static LocalDate dayPastDue(int days) {
    return CYCLE.plusDays(days);
  }

  private static void billRun(LocalDate cycle) {
    Response started = post(http, "/bill-runs", "{\"cycleDate\": \"" + cycle + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    await(
        () -> "COMPLETED".equals(http.get("/bill-runs/" + runId).text("status")),
        WAIT,
        "bill run " + runId);
  }

  private static BigDecimal invoiceTotal(String account) {
    JsonNode invoice = http.get("/invoices/" + firstInvoice.get(account)).json();
    return invoice.get("amountDue").get("value").decimalValue();
  }

  private static Response pay(String account, String key, BigDecimal amount) {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.httpUrl() + "/accounts/" + account + "/payments"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    ("{\"amount\": {\"unit\": \"EUR\", \"value\": %s},"
                            + " \"method\": \"bank_transfer\", \"receivedDate\": \"%s\"}")
                        .formatted(amount.toPlainString(), today))));
  }

  private static List<String> steps(String account) {
    Response r = http.get("/accounts/" + account + "/dunning");
    assertEquals(200, r.status(), r.body());
    List<String> names = new ArrayList<>();
    for (JsonNode step : r.json().get("stepsFired")) {
      names.add(step.get("name").asText());
    }
    return names;
  }

  private static void awaitSteps(String account, List<String> expected) {
    await(() -> steps(account).equals(expected), WAIT, account + " to have fired " + expected);
    assertEquals(expected, steps(account));
  }

  private static JsonNode awaitNotification(String type, String account, int stepIndex) {
    await(
        () -> find(type, account, stepIndex) != null, WAIT, type + " of " + account + " notified");
    return find(type, account, stepIndex);
  }

  private static JsonNode find(String type, String account, int stepIndex) {
    for (Received r : received) {
      if (type.equals(r.type())) {
        JsonNode json = r.json();
        if (json.get("accountId").asText().equals(account)
            && (stepIndex < 0 || json.get("data").path("stepIndex").asInt(-1) == stepIndex)) {
          return json;
        }
      }
    }
    return null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> all = new ArrayList<>();
    array.forEach(n -> all.add(n.asText()));
    return all;
  }

  private static MimeMessage awaitMail(String to, String subjectPart) throws Exception {
    GreenMail smtp = TestSmtp.shared();
    MimeMessage[] found = new MimeMessage[1];
    await(
        () -> {
          for (MimeMessage m : smtp.getReceivedMessagesForDomain(MAIL_DOMAIN)) {
            try {
              if (m.getAllRecipients()[0].toString().equals(to)
                  && m.getSubject().toLowerCase().contains(subjectPart)) {
                found[0] = m;
                return true;
              }
            } catch (jakarta.mail.MessagingException e) {
              throw new AssertionError(e);
            }
          }
          return false;
        },
        WAIT,
        "a " + subjectPart + " mail to " + to);
    return found[0];
  }

  private static boolean hasPdf(MimeMessage mail) throws Exception {
    if (!(mail.getContent() instanceof Multipart multipart)) {
      return false;
    }
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (part.isMimeType("application/pdf")) {
        byte[] bytes = part.getInputStream().readAllBytes();
        return bytes.length > 4
            && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("%PDF");
      }
    }
    return false;
  }

  private static void pauseFor(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static LocalDate cycleDate() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }
}
