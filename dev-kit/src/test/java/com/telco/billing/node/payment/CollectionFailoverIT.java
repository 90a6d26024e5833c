package com.telco.billing.node.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.devkit.NodeProcess;
import com.telco.billing.devkit.Ports;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.sandbox.Capture;
import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.TestSandbox;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two node JVMs against the real Cassandra, both collecting through one payment sandbox in this
 * JVM. A bill run issues an invoice to each of {@value #ACCOUNTS} accounts paying by card ({@code
 * tok_visa}); while the collection driver captures them, the node running the driver singleton (the
 * oldest, which also hosts half the accounts, some with gateway calls in flight) is killed with
 * {@code kill -9}. The driver resumes on the survivor, and in the end every invoice is settled by
 * exactly one payment, and the sandbox's own record holds exactly one capture per invoice, of
 * exactly the invoice's amount.
 */
class CollectionFailoverIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("collection_failover");
  private static final int ACCOUNTS = 120;
  private static final String SECRET = TestSandbox.WEBHOOK_SECRET;

  private static final PaymentSandbox sandbox = PaymentSandbox.start(TestSandbox.SETTINGS);
  private static final List<NodeProcess> nodes = new ArrayList<>();

  @AfterAll
  static void stop() {
    nodes.forEach(NodeProcess::kill);
    sandbox.close();
  }

  private static NodeProcess start(String name, int remotePort, List<Integer> seeds) {
    Map<String, String> env = NodeProcess.env(CASSANDRA, KEYSPACE);
    env.put("BILLING_BILL_RUN_AUTO_START", "false");
    env.put(
        "BILLING_EVENTS_BY_TAG_FIRST_BUCKET",
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "T00:00");
    env.put("BILLING_GATEWAY_BASE_URL", sandbox.baseUrl());
    env.put("BILLING_GATEWAY_SECRET_KEY", sandbox.secretKey());
    env.put("BILLING_GATEWAY_WEBHOOK_SECRET", SECRET);
    env.put("BILLING_GATEWAY_READ_TIMEOUT", "2s");
    env.put("BILLING_COLLECTION_INTERVAL", "1s");
    // few asks in flight: the collection lasts long enough to be interrupted
    env.put("BILLING_COLLECTION_PARALLELISM", "2");
    NodeProcess node =
        NodeProcess.start(
            new NodeProcess.Spec(
                name,
                remotePort,
                Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort(),
                seeds,
                env,
                List.of("-Xms256m", "-Xmx512m", "-XX:TieredStopAtLevel=1"),
                Path.of("target", "collection-failover", KEYSPACE, name + ".log")));
    nodes.add(node);
    return node;
  }

  private static String account(int i) {
    return String.format("cf-%03d", i);
  }

  /** Yesterday (so the period has ended everywhere), or the 28th when yesterday is 29..31. */
  private static LocalDate cycleDate() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }

  @Test
  void everyInvoiceIsCapturedOnceWhenTheDriversNodeDies() throws Exception {
    LocalDate cycle = cycleDate();
    // With two nodes, keep-majority keeps the half with the lowest address: node 1 (the oldest,
    // which runs the singleton and is killed) gets the higher remoting port
    int a = Ports.freeLoopbackPort();
    int b = Ports.freeLoopbackPort();
    int port1 = Math.max(a, b);
    int port2 = Math.min(a, b);
    NodeProcess node1 = start("node-1", port1, List.of(port1, port2));
    node1.awaitReady(Duration.ofSeconds(180));
    NodeProcess node2 = start("node-2", port2, List.of(port1, port2));
    node2.awaitReady(Duration.ofSeconds(180));
    for (NodeProcess node : nodes) {
      sandbox.addWebhookEndpoint(node.httpUrl() + "/webhooks/payment-gateway", SECRET);
    }
    HttpJson http1 = new HttpJson(node1.httpUrl());
    HttpJson http2 = new HttpJson(node2.httpUrl());

    int published = post(http1, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    // accounts opened through both nodes, a few at a time
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        HttpJson http = i % 2 == 0 ? http1 : http2;
        int n = i;
        opened.add(clients.submit(() -> openWithSubscription(http, n, cycle)));
      }
      for (Future<?> f : opened) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
    awaitAccountsInReadSide(cycle);

    // the driver singleton runs on the oldest member
    String oldest = new HttpJson(node2.managementUrl()).get("/cluster/members").text("oldest");
    NodeProcess driverNode = oldest.equals(node1.clusterAddress()) ? node1 : node2;
    NodeProcess survivor = driverNode == node1 ? node2 : node1;
    assertEquals(node1.clusterAddress(), oldest, "the first node is the oldest");
    HttpJson survivorHttp = new HttpJson(survivor.httpUrl());

    Response started = http2.post("/bill-runs", "{\"cycleDate\": \"" + cycle + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");

    await(
        () -> sandbox.captures().size() >= ACCOUNTS / 5,
        Duration.ofSeconds(120),
        "the collection to be under way",
        10);
    // the counters show which node runs the driver: only the singleton asks accounts
    double askedByDriverNode = metric(driverNode, "billing_collection_asks_total");
    double askedBySurvivor = metric(survivor, "billing_collection_asks_total");
    int capturedBeforeKill = sandbox.captures().size();
    Instant killedAt = Instant.now();
    driverNode.kill();
    assertTrue(askedByDriverNode > 0, "asks on " + driverNode.name() + ": " + askedByDriverNode);
    assertEquals(0.0, askedBySurvivor, "asks on " + survivor.name());
    assertTrue(
        capturedBeforeKill < ACCOUNTS, "the collection must still be going: " + capturedBeforeKill);

    JsonNode[] run = new JsonNode[1];
    await(
        () -> {
          Response r = survivorHttp.get("/bill-runs/" + runId);
          if (r.status() != 200) {
            return false; // 503 while the singleton moves
          }
          run[0] = r.json();
          return r.text("status").equals("COMPLETED");
        },
        Duration.ofSeconds(120),
        "the bill run to complete",
        200);
    assertEquals(ACCOUNTS, run[0].get("invoiced").asLong(), run[0].toString());

    Map<String, String> accountOfInvoice = new TreeMap<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      Response list = survivorHttp.get("/accounts/" + account(i) + "/invoices");
      assertEquals(200, list.status(), list.body());
      JsonNode invoices = list.json().get("invoices");
      assertEquals(1, invoices.size(), account(i) + ": " + list.body());
      accountOfInvoice.put(invoices.get(0).get("billNo").asText(), account(i));
    }

    // every invoice settled, as the survivor serves it
    Map<String, JsonNode> settled = new HashMap<>();
    await(
        () -> {
          for (String number : accountOfInvoice.keySet()) {
            if (!settled.containsKey(number)) {
              Response r = survivorHttp.get("/invoices/" + number);
              if (r.status() == 200 && "settled".equals(r.text("state"))) {
                settled.put(number, r.json());
              }
            }
          }
          return settled.size() == accountOfInvoice.size();
        },
        Duration.ofSeconds(120),
        "every invoice settled",
        500);
    // two more rounds of the driver on the survivor: nothing left that could capture again
    double rounds = metric(survivor, "billing_collection_rounds_total");
    await(
        () -> metric(survivor, "billing_collection_rounds_total") >= rounds + 2,
        Duration.ofSeconds(60),
        "two more collection rounds",
        200);
    assertEquals(0.0, metric(survivor, "billing_collection_backlog"), "due rows left");

    // the sandbox's record: exactly one capture per invoice, of the invoice's amount
    List<Capture> captures = sandbox.captures();
    Map<String, List<Capture>> byInvoice =
        captures.stream()
            .collect(Collectors.groupingBy(c -> String.valueOf(c.metadata().get("invoice"))));
    List<String> twice =
        byInvoice.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " " + e.getValue())
            .toList();
    assertEquals(List.of(), twice, "invoices captured more than once");
    assertEquals(new TreeSet<>(accountOfInvoice.keySet()), new TreeSet<>(byInvoice.keySet()));
    assertEquals(ACCOUNTS, captures.size());

    long capturedMinor = 0;
    long invoicedMinor = 0;
    for (Map.Entry<String, JsonNode> e : settled.entrySet()) {
      String number = e.getKey();
      JsonNode invoice = e.getValue();
      Capture capture = byInvoice.get(number).get(0);
      long total = minorUnits(invoice.get("taxIncludedAmount"));
      assertEquals(0, minorUnits(invoice.get("creditApplied")), number);
      assertEquals(total, minorUnits(invoice.get("amountDue")), number);
      assertEquals(0, minorUnits(invoice.get("remainingAmount")), number);
      assertTrue(total > 0, number + " total " + total);
      assertEquals(total, capture.amount(), number + ": " + capture);
      assertEquals("eur", capture.currency(), number);
      assertEquals(accountOfInvoice.get(number), capture.metadata().get("account_id"), number);
      // settled once: by one payment, the one the gateway captured
      JsonNode applied = invoice.get("appliedPayment");
      assertEquals(1, applied.size(), number + ": " + applied);
      assertEquals(
          capture.metadata().get("payment_id"),
          applied.get(0).get("payment").get("id").asText(),
          number);
      assertEquals(total, minorUnits(applied.get(0).get("appliedAmount")), number);
      capturedMinor += capture.amount();
      invoicedMinor += total;
    }
    assertEquals(invoicedMinor, capturedMinor, "captured = invoiced, in cents");
    Instant lastCapture = captures.get(captures.size() - 1).capturedAt();
    System.out.printf(
        "CollectionFailoverIT: %d invoices, %d captured before %s was killed, %d after (the last"
            + " %d ms after the kill); %d cents captured, %d cents invoiced%n",
        ACCOUNTS,
        capturedBeforeKill,
        driverNode.name(),
        captures.stream().filter(c -> c.capturedAt().isAfter(killedAt)).count(),
        Duration.between(killedAt, lastCapture).toMillis(),
        capturedMinor,
        invoicedMinor);
  }

  /** An EUR account paying by card ({@code tok_visa}) with a subscription active in the period. */
  private static void openWithSubscription(HttpJson http, int i, LocalDate cycle) {
    Response opened =
        post(
            http,
            "/accounts",
            """
            {"id": "%s", "name": "Customer %s", "currency": "EUR", "billCycleDay": %d,
             "timeZone": "UTC", "taxJurisdiction": "DE", "paymentMethodRef": "tok_visa"}
            """
                .formatted(account(i), account(i), cycle.getDayOfMonth()));
    assertTrue(opened.status() == 201 || opened.status() == 200, opened.body());
    Response activated =
        post(
            http,
            "/accounts/" + account(i) + "/subscriptions",
            """
            {"subscriptionId": "sub-%d", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "+49151%08d"}], "activationDate": "%s"}
            """
                .formatted(i, 8_000_000 + i, cycle.minusDays(10 + i % 7)));
    assertTrue(activated.status() == 201 || activated.status() == 200, activated.body());
  }

  /** A TMF Money's value in euro cents, exactly (the JSON is read with BigDecimal numbers). */
  private static long minorUnits(JsonNode money) {
    assertEquals("EUR", money.get("unit").asText(), money.toString());
    BigDecimal value = money.get("value").decimalValue();
    return value.movePointRight(2).longValueExact();
  }

  /** The sum of a metric's samples on a node's {@code GET /metrics} (0 when absent). */
  private static double metric(NodeProcess node, String name) {
    Response r = new HttpJson(node.managementUrl()).get("/metrics");
    assertEquals(200, r.status(), r.body());
    double sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** POSTs again after a 503 or 429 (a freshly started node), for up to a minute. */
  private static Response post(HttpJson http, String path, String body) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Response r = http.post(path, body);
      if ((r.status() != 503 && r.status() != 429) || System.nanoTime() > deadline) {
        return r;
      }
      pause(1000);
    }
  }

  /**
   * Waits until the cycle-day read side lists every account, so that a run started now sees them.
   */
  private static void awaitAccountsInReadSide(LocalDate cycle) {
    String[] hostPort = CASSANDRA.split(":");
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      var count =
          session.prepare(
              "SELECT COUNT(*) FROM " + KEYSPACE + ".accounts_by_cycle_day WHERE cycle_day = ?");
      await(
          () -> session.execute(count.bind(cycle.getDayOfMonth())).one().getLong(0) == ACCOUNTS,
          Duration.ofSeconds(90),
          "accounts in the cycle-day read side",
          200);
    }
  }

  private static void await(
      BooleanSupplier condition, Duration timeout, String what, long pollMillis) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      pause(pollMillis);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
