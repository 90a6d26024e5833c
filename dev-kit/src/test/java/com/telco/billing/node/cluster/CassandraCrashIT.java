package com.telco.billing.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.DevCassandra;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.devkit.Readiness;
import com.telco.billing.node.catalog.SampleCatalog;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile operator's test: the node's Cassandra is killed with SIGKILL while usage is being
 * acknowledged, and started again on the same data directory and port. The node is not restarted:
 * it must answer again by itself. Then every acknowledged account exists, every record acknowledged
 * by {@code POST /usage} (200) and every batch acknowledged by {@code POST /usage/batches} (202) is
 * charged exactly once, and the keyspace and its tables are all there, as seen by a second node
 * that recovers every entity from the journal (the first node's entities could answer from memory).
 *
 * <p>It runs its own {@link DevCassandra} (never {@link TestCassandra#shared()}, which it would
 * kill) on free ports in {@code target/cassandra-crash-it/}, deleted when the test passes and kept
 * for its {@code cassandra.log} when it fails.
 */
class CassandraCrashIT {
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("cassandra_crash");
  private static final Instant WHEN = Instant.now().minus(1, ChronoUnit.HOURS);
  private static final Config SETTINGS =
      ConfigFactory.parseString(
          """
          billing.usage.intake.write-timeout = 3s
          billing.usage.intake.settle-delay = 3500ms
          billing.usage.intake.poll-interval = 200ms
          """);
  private static final int SYNC_CLIENTS = 3;
  private static final int INTAKE_CLIENTS = 2;
  private static final int ACCOUNTS_PER_CLIENT = 3;
  private static final int RECORDS_PER_BATCH = 6;
  private static final Duration BEFORE_KILL = Duration.ofSeconds(6);
  private static final Duration DOWN_FOR = Duration.ofSeconds(3);
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

  private Path dataDir;
  private DevCassandra cassandra;
  private EmbeddedNode node;
  private boolean passed;

  /** A usage record the clients sent: its id, the account it belongs to and its service id. */
  record Sent(String id, String account, String msisdn) {}

  /** What the clients were told, filled concurrently. */
  static final class Ledger {
    /** Records answered ACCEPTED or DUPLICATE by a 200 of {@code POST /usage}. */
    final Set<Sent> acknowledged = ConcurrentHashMap.newKeySet();

    /** Records of requests that got no 200: their outcome is unknown until they are sent again. */
    final ConcurrentLinkedQueue<Sent> unknown = new ConcurrentLinkedQueue<>();

    /** Batches answered 202 by {@code POST /usage/batches}, by batch id. */
    final Map<String, List<Sent>> receivedBatches = new ConcurrentHashMap<>();

    /** Batches that got no 202: the client sends them again. */
    final ConcurrentLinkedQueue<List<Sent>> refusedBatches = new ConcurrentLinkedQueue<>();

    /** Accounts answered 201 (or 200 for a repeated open). */
    final Set<String> openedAccounts = ConcurrentHashMap.newKeySet();

    /** Price of one record as answered in ACCEPTED outcomes (every record is the same SMS). */
    final Set<BigDecimal> prices = ConcurrentHashMap.newKeySet();

    /** Answers that are never right, whatever Cassandra does. */
    final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();

    /** Count of answers per HTTP status (0: no answer), per phase. */
    final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

    void count(String phase, int status) {
      statuses.computeIfAbsent(phase + " " + status, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (node != null) {
      node.close();
    }
    if (cassandra != null) {
      cassandra.stop();
      if (passed) {
        deleteRecursively(dataDir);
      } else {
        System.out.println("CassandraCrashIT: Cassandra's files kept in " + dataDir);
      }
    }
  }

  @Test
  void acknowledgedUsageAndAccountsSurviveASigkilledCassandraAndTheNodeRecoversByItself()
      throws Exception {
    Path base = Path.of("target", "cassandra-crash-it").toAbsolutePath();
    Files.createDirectories(base);
    dataDir = Files.createTempDirectory(base, "cassandra-");
    cassandra =
        DevCassandra.builder().dataDir(dataDir).cqlPort(0).storagePort(0).heapMb(512).build();
    cassandra.start();
    String hostPort = cassandra.endpoint().hostAndPort();
    long nodeStart = System.nanoTime();
    node = EmbeddedNode.start(hostPort, KEYSPACE, SETTINGS);
    System.out.printf(
        "CassandraCrashIT: node ready (schema created) in %d ms%n",
        millis(System.nanoTime() - nodeStart));
    HttpJson http = new HttpJson(node.httpUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    setUp(http, "acc-probe", "+4915300000000");
    for (int c = 0; c < SYNC_CLIENTS + INTAKE_CLIENTS; c++) {
      for (int a = 0; a < ACCOUNTS_PER_CLIENT; a++) {
        setUp(http, account(c, a), msisdn(c, a));
      }
    }
    Set<String> tablesBefore = tables(hostPort);
    assertTrue(tablesBefore.contains("messages"), tablesBefore.toString());

    Ledger ledger = new Ledger();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean down = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < SYNC_CLIENTS; c++) {
      int client = c;
      clients.add(start("sync-" + c, () -> syncClient(http, client, ledger, running, down)));
    }
    for (int c = SYNC_CLIENTS; c < SYNC_CLIENTS + INTAKE_CLIENTS; c++) {
      int client = c;
      clients.add(start("intake-" + c, () -> intakeClient(http, client, ledger, running, down)));
    }
    clients.add(start("opener", () -> opener(http, ledger, running, down)));

    Thread.sleep(BEFORE_KILL.toMillis());
    int acknowledgedBeforeKill = ledger.acknowledged.size();
    int batchesBeforeKill = ledger.receivedBatches.size();
    int accountsBeforeKill = ledger.openedAccounts.size();
    down.set(true);
    long pid = cassandra.pid().orElseThrow();
    long killedAt = System.nanoTime();
    cassandra.killForcibly();
    System.out.printf(
        "CassandraCrashIT: SIGKILL to Cassandra (pid %d) after %d records, %d batches and %d"
            + " accounts acknowledged%n",
        pid, acknowledgedBeforeKill, batchesBeforeKill, accountsBeforeKill);
    assertTrue(acknowledgedBeforeKill > 0 && batchesBeforeKill > 0 && accountsBeforeKill > 0);

    Thread.sleep(DOWN_FOR.toMillis());
    cassandra.start();
    long cassandraBackAt = System.nanoTime();
    down.set(false);
    assertEquals(hostPort, cassandra.endpoint().hostAndPort());
    long answeredAt = awaitUsageAnswered(http);
    Readiness.await(node.managementUrl(), RECOVERY_LIMIT, () -> null);
    long readyAt = System.nanoTime();
    System.out.printf(
        "CassandraCrashIT: Cassandra down %d ms (kill to CQL answering again); the node rated"
            + " usage again %d ms and was ready %d ms after that%n",
        millis(cassandraBackAt - killedAt),
        millis(answeredAt - cassandraBackAt),
        millis(readyAt - cassandraBackAt));

    // the clients keep going on the recovered node for a moment, then stop
    Thread.sleep(3_000);
    running.set(false);
    for (Thread client : clients) {
      client.join(60_000);
      assertFalse(client.isAlive(), client.getName() + " did not stop");
    }
    System.out.println("CassandraCrashIT: answers " + new TreeMap<>(ledger.statuses));
    assertEquals(List.of(), List.copyOf(ledger.wrong), "answers that are never right");
    assertTrue(
        ledger.statuses.keySet().stream()
            .anyMatch(k -> k.startsWith("down ") && !k.endsWith("200")),
        "the clients met the dead Cassandra: " + ledger.statuses);

    long verifyStart = System.nanoTime();
    // What a client does with the requests that got no 2xx: send them again until they do.
    List<Sent> retried = new ArrayList<>(ledger.unknown);
    for (int from = 0; from < retried.size(); from += 50) {
      List<Sent> page = retried.subList(from, Math.min(retried.size(), from + 50));
      Map<String, String> outcomes = sendUntilAnswered(http, page);
      for (Sent sent : page) {
        String outcome = outcomes.get(sent.id());
        assertTrue(Set.of("ACCEPTED", "DUPLICATE").contains(outcome), sent + ": " + outcome);
      }
      ledger.acknowledged.addAll(page);
    }
    for (List<Sent> batch : ledger.refusedBatches) {
      Response again = awaitStatus(() -> http.post("/usage/batches", body(batch)), 202);
      ledger.receivedBatches.put(again.text("batchId"), batch);
    }
    for (Map.Entry<String, List<Sent>> batch : ledger.receivedBatches.entrySet()) {
      Response rated = awaitRated(http, batch.getKey());
      for (JsonNode outcome : rated.json().get("records")) {
        String status = outcome.get("status").asText();
        assertTrue(
            Set.of("ACCEPTED", "DUPLICATE").contains(status),
            "batch " + batch.getKey() + ": " + rated.body());
      }
    }
    node.close();
    node = null;

    // A node that knows nothing but what Cassandra kept: it recovers every entity from the journal.
    Set<String> tablesAfter = tables(hostPort);
    assertEquals(tablesBefore, tablesAfter, "tables of " + KEYSPACE);
    node = EmbeddedNode.start(hostPort, KEYSPACE, SETTINGS);
    HttpJson fresh = new HttpJson(node.httpUrl());
    for (String account : ledger.openedAccounts) {
      Response r = fresh.get("/accounts/" + account);
      assertEquals(200, r.status(), account + ": " + r.body());
    }
    for (String batchId : ledger.receivedBatches.keySet()) {
      Response r = fresh.get("/usage/batches/" + batchId);
      assertEquals("rated", r.text("status"), batchId + ": " + r.body());
    }
    List<Sent> everyRecord = new ArrayList<>(ledger.acknowledged);
    ledger.receivedBatches.values().forEach(everyRecord::addAll);
    for (int from = 0; from < everyRecord.size(); from += 200) {
      List<Sent> page = everyRecord.subList(from, Math.min(everyRecord.size(), from + 200));
      Response again = fresh.post("/usage", body(page));
      assertEquals(200, again.status(), again.body());
      for (JsonNode outcome : again.json().get("records")) {
        assertEquals(
            "DUPLICATE",
            outcome.get("status").asText(),
            "an acknowledged record is not in the journal: " + outcome);
      }
    }
    assertEquals(1, ledger.prices.size(), "every record is the same SMS: " + ledger.prices);
    BigDecimal price = ledger.prices.iterator().next();
    Map<String, Integer> recordsPerAccount = new HashMap<>();
    for (Sent sent : everyRecord) {
      recordsPerAccount.merge(sent.account(), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> account : recordsPerAccount.entrySet()) {
      Response current = fresh.get("/accounts/" + account.getKey() + "/usage/current");
      assertEquals(200, current.status(), current.body());
      BigDecimal total = new BigDecimal(current.json().get("total").asText());
      assertEquals(
          0,
          price.multiply(BigDecimal.valueOf(account.getValue())).compareTo(total),
          account + " records charged " + total + " at " + price);
    }
    System.out.printf(
        "CassandraCrashIT: verified %d records (%d resent after the outage), %d batches, %d"
            + " opened accounts, %d tables in %d ms%n",
        everyRecord.size(),
        retried.size(),
        ledger.receivedBatches.size(),
        ledger.openedAccounts.size(),
        tablesAfter.size(),
        millis(System.nanoTime() - verifyStart));
    passed = true;
  }

  private static String account(int client, int index) {
    return "acc-c" + client + "-" + index;
  }

  private static String msisdn(int client, int index) {
    return "+49153%02d%05d".formatted(client + 1, index);
  }

  private static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, "crash-it-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static String phase(AtomicBoolean down) {
    return down.get() ? "down" : "up";
  }

  /** The records {@code first..first + RECORDS_PER_BATCH - 1} of a client, over its accounts. */
  private static List<Sent> nextBatch(String prefix, int client, int first) {
    List<Sent> batch = new ArrayList<>();
    for (int seq = first; seq < first + RECORDS_PER_BATCH; seq++) {
      int index = seq % ACCOUNTS_PER_CLIENT;
      batch.add(
          new Sent(prefix + client + "-" + seq, account(client, index), msisdn(client, index)));
    }
    return batch;
  }

  /** Batches of {@code POST /usage}; a 200 acknowledges every record it lists. */
  private static void syncClient(
      HttpJson http, int client, Ledger ledger, AtomicBoolean running, AtomicBoolean down) {
    int seq = 0;
    while (running.get()) {
      List<Sent> batch = nextBatch("s", client, seq);
      seq += RECORDS_PER_BATCH;
      String phase = phase(down);
      Response r = post(http, "/usage", body(batch));
      ledger.count(phase, r == null ? 0 : r.status());
      if (r != null && r.status() == 200) {
        Map<String, String> outcomes = outcomes(r, ledger);
        for (Sent sent : batch) {
          String outcome = outcomes.get(sent.id());
          if ("ACCEPTED".equals(outcome) || "DUPLICATE".equals(outcome)) {
            ledger.acknowledged.add(sent);
          } else {
            ledger.wrong.add("200 with " + outcome + " for " + sent + ": " + r.body());
          }
        }
      } else if (r != null && r.status() / 100 == 2) {
        ledger.wrong.add("POST /usage answered " + r.status() + ": " + r.body());
      } else {
        ledger.unknown.addAll(batch);
        pause(r);
      }
    }
  }

  /** Batches of {@code POST /usage/batches}; a 202 promises that the batch will be rated. */
  private static void intakeClient(
      HttpJson http, int client, Ledger ledger, AtomicBoolean running, AtomicBoolean down) {
    int seq = 0;
    while (running.get()) {
      List<Sent> batch = nextBatch("b", client, seq);
      seq += RECORDS_PER_BATCH;
      String phase = phase(down);
      Response r = post(http, "/usage/batches", body(batch));
      ledger.count(phase, r == null ? 0 : r.status());
      if (r != null && r.status() == 202) {
        ledger.receivedBatches.put(r.text("batchId"), batch);
      } else if (r != null && r.status() / 100 == 2) {
        ledger.wrong.add("POST /usage/batches answered " + r.status() + ": " + r.body());
      } else {
        ledger.refusedBatches.add(batch);
        pause(r);
      }
    }
  }

  /** Opens one account after the other; a 201 acknowledges it. */
  private static void opener(
      HttpJson http, Ledger ledger, AtomicBoolean running, AtomicBoolean down) {
    int seq = 0;
    while (running.get()) {
      String id = "acc-new-" + seq++;
      String phase = phase(down);
      Response r = post(http, "/accounts", openBody(id));
      ledger.count(phase, r == null ? 0 : r.status());
      if (r != null && (r.status() == 201 || r.status() == 200)) {
        ledger.openedAccounts.add(id);
      } else if (r != null && r.status() / 100 == 2) {
        ledger.wrong.add("POST /accounts answered " + r.status() + ": " + r.body());
      } else {
        pause(r);
      }
    }
  }

  /** The records' outcomes by id; notes the price of the accepted ones. */
  private static Map<String, String> outcomes(Response r, Ledger ledger) {
    Map<String, String> outcomes = new HashMap<>();
    for (JsonNode outcome : r.json().get("records")) {
      String status = outcome.get("status").asText();
      outcomes.put(outcome.get("id").asText(), status);
      if (status.equals("ACCEPTED") && ledger != null) {
        ledger.prices.add(new BigDecimal(outcome.get("amount").asText()).stripTrailingZeros());
      }
    }
    return outcomes;
  }

  /** A request that got no answer counts as status 0 (null). */
  private static Response post(HttpJson http, String path, String body) {
    try {
      return http.post(path, body);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** As a well-behaved client: wait the Retry-After (capped) or a moment before the next try. */
  private static void pause(Response r) {
    long millis = 200;
    if (r != null) {
      millis =
          r.raw()
              .headers()
              .firstValue("Retry-After")
              .map(seconds -> Math.min(1_000, Long.parseLong(seconds) * 1_000))
              .orElse(200L);
    }
    sleep(millis);
  }

  private static Map<String, String> sendUntilAnswered(HttpJson http, List<Sent> batch) {
    Response r = awaitStatus(() -> http.post("/usage", body(batch)), 200);
    return outcomes(r, null);
  }

  private static Response awaitStatus(Supplier<Response> request, int status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = request.get();
      if (last.status() == status) {
        return last;
      }
      sleep(500);
    }
    return fail("no " + status + " within 60 s, last: " + last.status() + " " + last.body());
  }

  /** Sends a probe record until the node rates usage again; returns when (nanoTime). */
  private static long awaitUsageAnswered(HttpJson http) {
    long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
    int probe = 0;
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      Sent sent = new Sent("probe-" + probe++, "acc-probe", "+4915300000000");
      Response r = post(http, "/usage", body(List.of(sent)));
      if (r != null && r.status() == 200) {
        return System.nanoTime();
      }
      last = r == null ? "no answer" : r.status() + " " + r.body();
      sleep(200);
    }
    return fail(
        "the node did not rate usage within "
            + RECOVERY_LIMIT
            + " of Cassandra's restart,"
            + " last answer: "
            + last);
  }

  private static Response awaitRated(HttpJson http, String batchId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = http.get("/usage/batches/" + batchId);
      assertEquals(200, last.status(), batchId + ": " + last.body());
      if ("rated".equals(last.text("status"))) {
        return last;
      }
      sleep(250);
    }
    return fail("batch " + batchId + " was not rated within 60 s: " + last.body());
  }

  private static void setUp(HttpJson http, String account, String msisdn) {
    Response opened = http.post("/accounts", openBody(account));
    assertTrue(opened.status() == 201 || opened.status() == 200, opened.body());
    Response activated =
        http.post(
            "/accounts/" + account + "/subscriptions",
            """
            {"subscriptionId": "sub-%s", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}
            """
                .formatted(account, msisdn, LocalDate.now(ZoneOffset.UTC).minusDays(20)));
    assertEquals(201, activated.status(), activated.body());
  }

  private static String openBody(String id) {
    return """
        {"id": "%s", "name": "Crash", "currency": "EUR", "billCycleDay": 1,
         "timeZone": "UTC", "taxJurisdiction": "DE"}
        """
        .formatted(id);
  }

  private static String body(List<Sent> records) {
    IntFunction<String> record =
        i ->
            """
            {"id": "%s", "source": "msc-crash", "serviceId": "%s", "usageType": "SMS",
             "usageDate": "%s", "quantity": 1, "unit": "event", "attributes": {"zone": "NATIONAL"}}"""
                .formatted(records.get(i).id(), records.get(i).msisdn(), WHEN);
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < records.size(); i++) {
      body.append(i == 0 ? "" : ",").append(record.apply(i));
    }
    return body.append("]").toString();
  }

  /** The keyspace's tables, straight from Cassandra's schema; checks durable writes on the way. */
  private static Set<String> tables(String hostPort) {
    String[] parts = hostPort.split(":");
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      Row keyspace =
          session
              .execute(
                  "SELECT durable_writes FROM system_schema.keyspaces WHERE keyspace_name = ?",
                  KEYSPACE)
              .one();
      assertTrue(keyspace != null, KEYSPACE + " is gone");
      assertTrue(keyspace.getBoolean("durable_writes"), KEYSPACE + " has durable_writes off");
      return session
          .execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", KEYSPACE)
          .all()
          .stream()
          .map(row -> row.getString("table_name"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
