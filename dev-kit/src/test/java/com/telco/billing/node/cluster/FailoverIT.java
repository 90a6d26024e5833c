package com.telco.billing.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.CassandraEndpoint;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.DevKeys;
import com.telco.billing.devkit.NodeProcess;
import com.telco.billing.devkit.Ports;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.sharding.ShardIds;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failover without loss: three node JVMs (separate processes, seed-node join, the real Cassandra),
 * usage ingested continuously through all three, one node killed with {@code kill -9} mid-stream.
 * Clients resend every batch that was not answered 200 (connection errors, 5xx, 429), the same
 * batch, which deduplication makes safe, to the next node.
 *
 * <p>At the end every record the clients saw acknowledged (ACCEPTED, or DUPLICATE when the first
 * answer was lost) is rated exactly once: per account, the record count and total of {@code GET
 * /accounts/{id}/usage/current} equal the clients' ledger. The records are national SMS, priced
 * flat at 0.09 EUR with no allowance, so a record whose ACCEPTED answer was lost costs the same
 * known amount. And no persistence id had two writers at once: in the journal, every persistence
 * id's sequence numbers are exactly 1..n, and once a new incarnation (writer uuid) has written, the
 * previous one never writes again.
 *
 * <p>It also measures the failover time: from the kill until every sampled account whose shard
 * lived on the dead node answers {@code GET /accounts/{id}} again through a surviving node.
 */
class FailoverIT {
  private static final CassandraEndpoint CASSANDRA = TestCassandra.shared();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("failover");
  private static final int NODES = 3;
  private static final int ACCOUNTS = 30;
  private static final int CLIENTS = 6;
  private static final int BATCH = 10;
  private static final BigDecimal SMS_PRICE = new BigDecimal("0.09");
  private static final Duration STREAM_BEFORE_KILL = Duration.ofSeconds(15);
  private static final Duration STREAM_AFTER_RECOVERY = Duration.ofSeconds(10);

  private static final List<NodeProcess> nodes = new ArrayList<>();
  private static final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @BeforeAll
  static void startCluster() {
    int[] remote = new int[NODES];
    for (int i = 0; i < NODES; i++) {
      remote[i] = Ports.freeLoopbackPort();
    }
    String firstBucket =
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "T00:00";
    for (int i = 0; i < NODES; i++) {
      Map<String, String> env = NodeProcess.env(CASSANDRA.hostAndPort(), KEYSPACE);
      env.put("BILLING_EVENTS_BY_TAG_FIRST_BUCKET", firstBucket);
      env.put("BILLING_CASSANDRA_DATACENTER", CASSANDRA.localDatacenter());
      nodes.add(
          NodeProcess.start(
              new NodeProcess.Spec(
                  "node-" + (i + 1),
                  remote[i],
                  Ports.freeLoopbackPort(),
                  Ports.freeLoopbackPort(),
                  List.of(remote[0]),
                  env,
                  List.of("-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1"),
                  Path.of("target", "failover-it", KEYSPACE, "node-" + (i + 1) + ".log"))));
      if (i == 0) {
        // the first node creates the schema; nodes that create it concurrently can stall
        nodes.get(0).awaitReady(Duration.ofSeconds(180));
      }
    }
    for (NodeProcess node : nodes) {
      node.awaitReady(Duration.ofSeconds(180));
    }
  }

  @AfterAll
  static void stopCluster() {
    NodeProcess.stopAll(nodes, Duration.ofSeconds(20));
  }

  /** What the clients saw acknowledged: record id to amount (null: DUPLICATE, amount unseen). */
  private final Map<String, BigDecimal> acknowledged = new ConcurrentHashMap<>();

  private final Map<String, String> accountOfRecord = new ConcurrentHashMap<>();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  private final AtomicLong resends = new AtomicLong();
  private final AtomicBoolean streaming = new AtomicBoolean(true);
  private final Set<NodeProcess> dead = ConcurrentHashMap.newKeySet();

  @Test
  void aKilledNodeLosesNothingAndItsAccountsAnswerAgain() throws Exception {
    long testStart = System.nanoTime();
    NodeProcess first = nodes.get(0);
    awaitMembersUp(first, NODES);
    setUp(first);

    // where do the accounts live? pick the node (not the seed) that hosts most of them
    JsonNode shards = getJson(first, "/cluster/shards");
    Map<String, String> shardOwner = accountShardOwners(shards);
    Map<String, List<String>> accountsByOwner = new HashMap<>();
    for (int i = 1; i <= ACCOUNTS; i++) {
      String owner = shardOwner.get(ShardIds.shardId(account(i), 100));
      accountsByOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(account(i));
    }
    NodeProcess victim = nodes.get(1);
    for (NodeProcess candidate : nodes.subList(1, NODES)) {
      if (accountsByOwner.getOrDefault(candidate.clusterAddress(), List.of()).size()
          > accountsByOwner.getOrDefault(victim.clusterAddress(), List.of()).size()) {
        victim = candidate;
      }
    }
    List<String> victimAccounts = accountsByOwner.getOrDefault(victim.clusterAddress(), List.of());
    System.out.printf(
        "FailoverIT: accounts per node %s; killing %s with %d of %d accounts%n",
        summary(accountsByOwner), victim.name(), victimAccounts.size(), ACCOUNTS);
    assertTrue(!victimAccounts.isEmpty(), "the victim hosts accounts: " + accountsByOwner);

    Instant usageDate = usageDate();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int clientIndex = c;
      Thread t = new Thread(() -> runClient(clientIndex, usageDate), "usage-client-" + c);
      t.start();
      clients.add(t);
    }
    Thread.sleep(STREAM_BEFORE_KILL.toMillis());
    long ackedBeforeKill = acknowledged.size();

    final NodeProcess killed = victim;
    long killedAt = System.nanoTime();
    dead.add(killed);
    killed.kill();
    List<NodeProcess> survivors = nodes.stream().filter(n -> n != killed).toList();

    // poll the dead node's accounts through the survivors until each answers again
    Map<String, Long> answeredAfterMillis = new ConcurrentHashMap<>();
    List<Thread> pollers = new ArrayList<>();
    for (int p = 0; p < victimAccounts.size(); p++) {
      String accountId = victimAccounts.get(p);
      NodeProcess via = survivors.get(p % survivors.size());
      Thread t =
          new Thread(
              () -> {
                long deadline = killedAt + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline) {
                  int status = status(via, "/accounts/" + accountId);
                  if (status == 200) {
                    answeredAfterMillis.put(accountId, (System.nanoTime() - killedAt) / 1_000_000);
                    return;
                  }
                  sleep(100);
                }
              },
              "poll-" + accountId);
      t.start();
      pollers.add(t);
    }
    for (Thread t : pollers) {
      t.join();
    }
    long recoveryMillis =
        answeredAfterMillis.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    long firstMillis =
        answeredAfterMillis.values().stream().mapToLong(Long::longValue).min().orElse(-1);
    System.out.printf(
        "FailoverIT: FAILOVER TIME %.1f s until all %d accounts of the killed node answered"
            + " again (first after %.1f s; target 15 s)%n",
        recoveryMillis / 1000.0, victimAccounts.size(), firstMillis / 1000.0);

    Thread.sleep(STREAM_AFTER_RECOVERY.toMillis());
    streaming.set(false);
    for (Thread t : clients) {
      t.join(Duration.ofSeconds(120).toMillis());
      assertTrue(!t.isAlive(), t.getName() + " did not finish its last batch");
    }
    System.out.printf(
        "FailoverIT: %d records acknowledged (%d before the kill), %d batches resent%n",
        acknowledged.size(), ackedBeforeKill, resends.get());

    assertEquals(List.of(), unexpected, "outcomes other than ACCEPTED/DUPLICATE");
    assertEquals(
        victimAccounts.size(),
        answeredAfterMillis.size(),
        "accounts of the killed node answering again: " + answeredAfterMillis);
    assertTrue(
        recoveryMillis < 60_000, "the killed node's accounts answered after " + recoveryMillis);
    assertTrue(acknowledged.size() > ackedBeforeKill, "ingestion went on after the kill");

    verifyLedger(survivors.get(0));
    verifyJournal();
    System.out.printf("FailoverIT: done in %.0f s%n", (System.nanoTime() - testStart) / 1e9);
  }

  // ---- setup ------------------------------------------------------------------------------

  private static String account(int i) {
    return "fo-acc-" + i;
  }

  private static String msisdn(int i) {
    return "+4917300%05d".formatted(i);
  }

  private void setUp(NodeProcess node) {
    assertEquals(201, post(node, "/catalog/versions", SampleCatalog.json()).statusCode());
    LocalDate activation = LocalDate.now(ZoneOffset.UTC).minusDays(20);
    for (int i = 1; i <= ACCOUNTS; i++) {
      // spread the setup over the nodes: any node takes any request
      NodeProcess via = nodes.get(i % NODES);
      HttpResponse<String> opened =
          post(
              via,
              "/accounts",
              """
              {"id": "%s", "name": "Failover %d", "currency": "EUR", "billCycleDay": 1,
               "timeZone": "UTC", "taxJurisdiction": "DE"}"""
                  .formatted(account(i), i));
      assertTrue(opened.statusCode() == 201, opened.body());
      HttpResponse<String> activated =
          post(
              via,
              "/accounts/" + account(i) + "/subscriptions",
              """
              {"subscriptionId": "fo-sub-%d", "offeringId": "MOBILE_S",
               "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}"""
                  .formatted(i, msisdn(i), activation));
      assertEquals(201, activated.statusCode(), activated.body());
    }
  }

  /** A minute ago, but never before the start of the open bill period (the 1st, UTC). */
  private static Instant usageDate() {
    Instant now = Instant.now();
    Instant periodStart =
        ZonedDateTime.now(ZoneOffset.UTC)
            .withDayOfMonth(1)
            .truncatedTo(ChronoUnit.DAYS)
            .toInstant();
    Instant minuteAgo = now.minusSeconds(60);
    return minuteAgo.isBefore(periodStart) ? periodStart.plusSeconds(1) : minuteAgo;
  }

  // ---- clients ----------------------------------------------------------------------------

  private void runClient(int clientIndex, Instant usageDate) {
    int nodeIndex = clientIndex % NODES;
    long seq = 0;
    while (streaming.get()) {
      List<String> ids = new ArrayList<>();
      StringBuilder body = new StringBuilder("[");
      for (int r = 0; r < BATCH; r++) {
        int a = ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1);
        String id = "c" + clientIndex + "-" + (++seq);
        ids.add(id);
        accountOfRecord.put(id, account(a));
        body.append(r == 0 ? "" : ",")
            .append(
                """
                {"id": "%s", "source": "failover-it", "serviceId": "%s", "usageType": "SMS",
                 "usageDate": "%s", "quantity": 1, "unit": "event",
                 "attributes": {"zone": "NATIONAL"}}"""
                    .formatted(id, msisdn(a), usageDate));
      }
      body.append("]");
      // the same batch until it is answered 200, moving on to the next node when one fails
      while (true) {
        NodeProcess node = nodes.get(nodeIndex);
        if (dead.contains(node)) {
          nodeIndex = (nodeIndex + 1) % NODES;
          continue;
        }
        HttpResponse<String> response = postOrNull(node, "/usage", body.toString());
        if (response != null && response.statusCode() == 200) {
          record(response.body());
          break;
        }
        resends.incrementAndGet();
        if (response == null) {
          nodeIndex = (nodeIndex + 1) % NODES;
        }
        sleep(200);
      }
      sleep(50);
    }
  }

  private void record(String body) {
    try {
      for (JsonNode outcome : StrictJson.MAPPER.readTree(body).get("records")) {
        String id = outcome.get("id").asText();
        String status = outcome.get("status").asText();
        switch (status) {
          case "ACCEPTED" -> {
            BigDecimal amount = new BigDecimal(outcome.get("amount").asText());
            BigDecimal before = acknowledged.put(id, amount);
            if (before != null) {
              unexpected.add(id + " ACCEPTED twice");
            }
          }
          case "DUPLICATE" -> acknowledged.putIfAbsent(id, UNSEEN);
          default -> unexpected.add(id + " " + status + " " + outcome);
        }
      }
    } catch (IOException e) {
      unexpected.add("unreadable answer " + body);
    }
  }

  /** Marks a record answered only DUPLICATE: its ACCEPTED answer was lost with its node. */
  private static final BigDecimal UNSEEN = new BigDecimal("-1");

  // ---- checks -----------------------------------------------------------------------------

  private void verifyLedger(NodeProcess via) {
    Map<String, Long> records = new HashMap<>();
    Map<String, BigDecimal> amounts = new HashMap<>();
    long unseen = 0;
    for (Map.Entry<String, BigDecimal> e : acknowledged.entrySet()) {
      String accountId = accountOfRecord.get(e.getKey());
      records.merge(accountId, 1L, Long::sum);
      BigDecimal amount = e.getValue();
      if (amount == UNSEEN) {
        unseen++;
        amount = SMS_PRICE;
      } else {
        assertEquals(0, SMS_PRICE.compareTo(amount), e.getKey() + " rated " + amount);
      }
      amounts.merge(accountId, amount, BigDecimal::add);
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 1; i <= ACCOUNTS; i++) {
      String accountId = account(i);
      JsonNode usage = getJson(via, "/accounts/" + accountId + "/usage/current");
      long clusterRecords = 0;
      for (JsonNode line : usage.get("lines")) {
        clusterRecords += line.get("records").asLong();
      }
      BigDecimal clusterTotal = new BigDecimal(usage.get("total").asText());
      long ledgerRecords = records.getOrDefault(accountId, 0L);
      BigDecimal ledgerTotal = amounts.getOrDefault(accountId, BigDecimal.ZERO);
      if (clusterRecords != ledgerRecords || clusterTotal.compareTo(ledgerTotal) != 0) {
        mismatches.add(
            "%s: cluster %d records %s, ledger %d records %s"
                .formatted(accountId, clusterRecords, clusterTotal, ledgerRecords, ledgerTotal));
      }
    }
    System.out.printf(
        "FailoverIT: ledger of %d acknowledged records (%d answered only DUPLICATE after a lost"
            + " answer) checked against %d accounts: %d mismatches%n",
        acknowledged.size(), unseen, ACCOUNTS, mismatches.size());
    assertEquals(List.of(), mismatches, "every acknowledged record rated exactly once");
  }

  /**
   * Every persistence id's events are sequence numbers 1..n, each once; writers (incarnations)
   * follow each other and never interleave.
   */
  private static void verifyJournal() {
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(CASSANDRA.host(), CASSANDRA.port()))
            .withLocalDatacenter(CASSANDRA.localDatacenter())
            .withKeyspace(KEYSPACE)
            .build()) {
      List<String> problems = new ArrayList<>();
      PreparedStatement events =
          session.prepare(
              "SELECT sequence_nr, writer_uuid FROM messages"
                  + " WHERE persistence_id = ? AND partition_nr = ?");
      int ids = 0;
      int handedOver = 0;
      long eventCount = 0;
      for (Row row :
          session.execute("SELECT DISTINCT persistence_id, partition_nr FROM messages")) {
        String pid = row.getString("persistence_id");
        long partition = row.getLong("partition_nr");
        if (partition != 0) {
          problems.add(pid + " has partition " + partition + " (test data too large?)");
          continue;
        }
        ids++;
        long expected = 1;
        List<String> writers = new ArrayList<>();
        Set<String> finished = new HashSet<>();
        for (Row event : session.execute(events.bind(pid, partition))) {
          long seq = event.getLong("sequence_nr");
          if (seq != expected) {
            problems.add(pid + ": sequence number " + seq + " where " + expected + " was due");
          }
          expected = seq + 1;
          eventCount++;
          String writer = event.getString("writer_uuid");
          if (writers.isEmpty() || !writers.get(writers.size() - 1).equals(writer)) {
            if (!writers.isEmpty()) {
              finished.add(writers.get(writers.size() - 1));
            }
            if (finished.contains(writer)) {
              problems.add(
                  pid + ": writer " + writer + " wrote again after another (seq " + seq + ")");
            }
            writers.add(writer);
          }
        }
        if (writers.size() > 1) {
          handedOver++;
        }
      }
      System.out.printf(
          "FailoverIT: journal: %d persistence ids, %d events, %d ids written by more than one"
              + " incarnation (one after the other), %d problems%n",
          ids, eventCount, handedOver, problems.size());
      assertTrue(ids > ACCOUNTS, "journal read: " + ids + " persistence ids");
      assertEquals(List.of(), problems, "no persistence id had two writers");
    }
  }

  // ---- HTTP -------------------------------------------------------------------------------

  private static Map<String, String> accountShardOwners(JsonNode shards) {
    Map<String, String> owner = new HashMap<>();
    for (JsonNode member : shards.get("members")) {
      member
          .get("entityTypes")
          .get("Account")
          .get("shards")
          .fieldNames()
          .forEachRemaining(shard -> owner.put(shard, member.get("address").asText()));
    }
    return owner;
  }

  private static String summary(Map<String, List<String>> byOwner) {
    Map<String, Integer> counts = new HashMap<>();
    byOwner.forEach((k, v) -> counts.put(k, v.size()));
    return counts.toString();
  }

  private static void awaitMembersUp(NodeProcess node, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = getOrNull(node, "/cluster/shards");
      if (r != null && r.statusCode() == 200) {
        last = r.body();
        int up = 0;
        for (JsonNode member : read(r.body()).get("members")) {
          up += member.get("status").asText().equals("Up") ? 1 : 0;
        }
        if (up == count) {
          return;
        }
      }
      sleep(500);
    }
    throw new AssertionError("not " + count + " members Up: " + last);
  }

  private static JsonNode getJson(NodeProcess node, String path) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = getOrNull(node, path);
      if (r != null && r.statusCode() == 200) {
        return read(r.body());
      }
      if (attempt == 10) {
        throw new AssertionError(
            "GET " + path + ": " + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
      }
      sleep(1000);
    }
  }

  private static JsonNode read(String body) {
    try {
      return StrictJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static int status(NodeProcess node, String path) {
    HttpResponse<String> r = getOrNull(node, path);
    return r == null ? -1 : r.statusCode();
  }

  private static HttpResponse<String> getOrNull(NodeProcess node, String path) {
    return sendOrNull(HttpRequest.newBuilder(URI.create(node.httpUrl() + path)).GET());
  }

  private static HttpResponse<String> post(NodeProcess node, String path, String json) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = postOrNull(node, path, json);
      if (r != null && r.statusCode() < 500) {
        return r;
      }
      if (attempt == 5) {
        throw new AssertionError(
            "POST " + path + ": " + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
      }
      sleep(1000);
    }
  }

  private static HttpResponse<String> postOrNull(NodeProcess node, String path, String json) {
    return sendOrNull(
        HttpRequest.newBuilder(URI.create(node.httpUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpResponse<String> sendOrNull(HttpRequest.Builder request) {
    try {
      return client.send(
          request
              .header("Authorization", "Bearer " + DevKeys.ephemeral().allRolesToken())
              .timeout(Duration.ofSeconds(20))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
