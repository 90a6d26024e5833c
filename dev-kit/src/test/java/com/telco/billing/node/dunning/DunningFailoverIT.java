package com.telco.billing.node.dunning;

import static com.telco.billing.node.billrun.BillingFixtures.await;
import static com.telco.billing.node.billrun.BillingFixtures.awaitAccountsInReadSide;
import static com.telco.billing.node.billrun.BillingFixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.devkit.NodeProcess;
import com.telco.billing.devkit.Ports;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.time.ShiftedClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Three node JVMs against the real Cassandra share one TEST-ONLY clock file. A bill run invoices
 * {@value #ACCOUNTS} accounts with payment terms of 0 days; the clock moves to day 3 past due and,
 * while the dunning driver sweeps, the node running it (the oldest) is killed with {@code kill -9}.
 * The driver resumes on a survivor: every account fires its day-3 step, and a notification
 * subscriber sees each step of each account under exactly one notification id; day 10 then fires
 * the second step, once.
 */
class DunningFailoverIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("dunning_failover");
  private static final int ACCOUNTS = 150;
  private static final Duration WAIT = Duration.ofSeconds(150);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<NodeProcess> nodes = new ArrayList<>();
  private static HttpServer subscriber;

  /** Notification ids of each dunning step, by account, episode and step index. */
  private static final Map<String, Set<String>> stepIds = new ConcurrentHashMap<>();

  @AfterAll
  static void stop() {
    nodes.forEach(NodeProcess::kill);
    if (subscriber != null) {
      subscriber.stop(0);
    }
  }

  private static NodeProcess start(String name, int remotePort, List<Integer> seeds, Path clock) {
    Map<String, String> env = NodeProcess.env(CASSANDRA, KEYSPACE);
    env.put("BILLING_BILL_RUN_AUTO_START", "false");
    env.put(
        "BILLING_EVENTS_BY_TAG_FIRST_BUCKET",
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "T00:00");
    env.put("BILLING_TEST_CLOCK_OFFSET_FILE", clock.toString());
    env.put("BILLING_DUNNING_INTERVAL", "1s");
    // one ask in flight: the sweep lasts long enough to be interrupted
    env.put("BILLING_DUNNING_PARALLELISM", "1");
    env.put("BILLING_NOTIFICATIONS_POLL_INTERVAL", "500ms");
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
                Path.of("target", "dunning-failover", KEYSPACE, name + ".log")));
    nodes.add(node);
    return node;
  }

  private static String account(int i) {
    return String.format("df-%03d", i);
  }

  @Test
  void everyStepFiresOnceWhenTheDriversNodeDies() throws Exception {
    LocalDate cycle = cycleDate();
    Path clock = Files.createTempDirectory("dunning-failover-clock").resolve("offset");
    subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    subscriber.createContext("/hooks", exchange -> receive(exchange));
    subscriber.start();

    // keep-majority keeps the two survivors; node 1 (the oldest) runs the singletons
    List<Integer> ports =
        List.of(Ports.freeLoopbackPort(), Ports.freeLoopbackPort(), Ports.freeLoopbackPort());
    NodeProcess node1 = start("node-1", ports.get(0), ports, clock);
    node1.awaitReady(Duration.ofSeconds(180));
    NodeProcess node2 = start("node-2", ports.get(1), ports, clock);
    NodeProcess node3 = start("node-3", ports.get(2), ports, clock);
    node2.awaitReady(Duration.ofSeconds(180));
    node3.awaitReady(Duration.ofSeconds(180));
    HttpJson http1 = new HttpJson(node1.httpUrl());
    HttpJson http2 = new HttpJson(node2.httpUrl());

    Response subscribed =
        post(
            http2,
            "/notification-subscriptions",
            ("{\"url\": \"http://127.0.0.1:%d/hooks\", \"eventTypes\": [\"dunning.step\"],"
                    + " \"secret\": \"whsec_failover_0123456789\"}")
                .formatted(subscriber.getAddress().getPort()));
    assertEquals(201, subscribed.status(), subscribed.body());
    int published = post(http1, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog: " + published);
    Response policy =
        post(
            http1,
            "/dunning-policies",
            Files.readString(Path.of("..", "samples", "dunning-policy.json")));
    assertTrue(policy.status() == 201 || policy.status() == 200, policy.body());

    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        HttpJson http = i % 2 == 0 ? http1 : http2;
        int n = i;
        opened.add(clients.submit(() -> open(http, n, cycle)));
      }
      for (Future<?> f : opened) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
    awaitAccountsInReadSide(CASSANDRA, KEYSPACE, cycle, ACCOUNTS);
    Response started = post(http2, "/bill-runs", "{\"cycleDate\": \"" + cycle + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    await(
        () -> "COMPLETED".equals(http2.get("/bill-runs/" + runId).text("status")),
        WAIT,
        "the bill run");

    String oldest = new HttpJson(node2.managementUrl()).get("/cluster/members").text("oldest");
    assertEquals(node1.clusterAddress(), oldest, "the first node is the oldest");
    HttpJson survivor = http2;

    // day 3 past due: the driver sweeps every account; its node dies during the sweep
    moveTo(clock, cycle.plusDays(3));
    await(() -> metric(node1, "billing_dunning_asks_total") >= 10, WAIT, "the sweep under way");
    double askedBeforeKill = metric(node1, "billing_dunning_asks_total");
    node1.kill();
    System.out.printf(
        "DunningFailoverIT: %s killed after %.0f of %d asks%n",
        node1.name(), askedBeforeKill, ACCOUNTS);

    for (int i = 0; i < ACCOUNTS; i++) {
      String id = account(i);
      await(() -> steps(survivor, id).equals(List.of("reminder-1")), WAIT, id + " reminder-1");
    }
    await(() -> notified(0) == ACCOUNTS, WAIT, "every day-3 step notified");

    // day 10: the second step, once
    moveTo(clock, cycle.plusDays(10));
    for (int i = 0; i < ACCOUNTS; i++) {
      String id = account(i);
      await(
          () -> steps(survivor, id).equals(List.of("reminder-1", "reminder-2")),
          WAIT,
          id + " reminder-2");
    }
    await(() -> notified(1) == ACCOUNTS, WAIT, "every day-10 step notified");
    // a few more rounds: nothing fires again
    double rounds =
        metric(node2, "billing_dunning_rounds_total")
            + metric(node3, "billing_dunning_rounds_total");
    await(
        () ->
            metric(node2, "billing_dunning_rounds_total")
                    + metric(node3, "billing_dunning_rounds_total")
                >= rounds + 3,
        WAIT,
        "three more driver rounds");
    Thread.sleep(3000);
    Map<String, Set<String>> twice = new TreeMap<>();
    stepIds.forEach(
        (step, ids) -> {
          if (ids.size() != 1) {
            twice.put(step, ids);
          }
        });
    assertEquals(Map.of(), twice, "steps notified under more than one id");
    assertEquals(2 * ACCOUNTS, stepIds.size(), "every step of every account notified");
  }

  private static void receive(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      JsonNode json = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      JsonNode data = json.get("data");
      String key =
          json.get("accountId").asText()
              + "#"
              + data.get("episode").asInt()
              + "#"
              + data.get("stepIndex").asInt();
      stepIds.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(json.get("id").asText());
    }
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  private static long notified(int stepIndex) {
    return stepIds.keySet().stream().filter(k -> k.endsWith("#" + stepIndex)).count();
  }

  private static void moveTo(Path clock, LocalDate day) throws InterruptedException {
    long offset = day.toEpochDay() - LocalDate.now(ZoneOffset.UTC).toEpochDay();
    ShiftedClock.writeOffset(clock, Duration.ofDays(Math.max(0, offset)));
    Thread.sleep(400);
  }

  private static List<String> steps(HttpJson http, String account) {
    Response r = http.get("/accounts/" + account + "/dunning");
    if (r.status() != 200) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    r.json().get("stepsFired").forEach(s -> names.add(s.get("name").asText()));
    return names;
  }

  private static void open(HttpJson http, int i, LocalDate cycle) {
    Response opened =
        post(
            http,
            "/accounts",
            """
            {"id": "%s", "name": "Customer %s", "currency": "EUR", "billCycleDay": %d,
             "timeZone": "UTC", "taxJurisdiction": "DE", "paymentTermsDays": 0}
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
                .formatted(i, 6_000_000 + i, cycle.minusDays(10)));
    assertTrue(activated.status() == 201 || activated.status() == 200, activated.body());
  }

  /** The sum of a metric's samples on a node's {@code GET /metrics} (0 when absent or down). */
  private static double metric(NodeProcess node, String name) {
    if (!node.isAlive()) {
      return 0;
    }
    Response r = new HttpJson(node.managementUrl()).get("/metrics");
    if (r.status() != 200) {
      return 0;
    }
    double sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private static LocalDate cycleDate() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }
}
