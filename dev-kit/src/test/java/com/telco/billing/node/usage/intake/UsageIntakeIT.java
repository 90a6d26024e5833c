package com.telco.billing.node.usage.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The durable intake log end to end through HTTP against the real Cassandra: a mixed batch is
 * received (202) and then rated with exact outcomes; the same batch again is all duplicates with
 * the bill unchanged; a batch received by a node that stops before rating it is rated exactly once
 * by the next node; refused bodies write nothing; unknown ids are 404.
 */
public class UsageIntakeIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("usage_intake");
  private static final Config SETTINGS =
      ConfigFactory.parseString(
          """
          billing.usage.max-records = 20
          billing.usage.max-body-bytes = 16k
          billing.usage.intake.write-timeout = 3s
          billing.usage.intake.settle-delay = 3500ms
          billing.usage.intake.poll-interval = 200ms
          billing.usage.retention = 100 days
          """);
  private static final Instant WHEN = Instant.now().minus(1, ChronoUnit.HOURS);

  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void start() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE, SETTINGS);
    http = new HttpJson(node.httpUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    setUp(http, "acc-i1", "sub-i1", "+4915200001001");
    setUp(http, "acc-i2", "sub-i2", "+4915200001002");
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static void setUp(HttpJson http, String account, String sub, String msisdn) {
    Response opened =
        http.post(
            "/accounts",
            """
            {"id": "%s", "name": "Intake", "currency": "EUR", "billCycleDay": 1,
             "timeZone": "UTC", "taxJurisdiction": "DE"}
            """
                .formatted(account));
    assertTrue(opened.status() == 201 || opened.status() == 200, opened.body());
    Response activated =
        http.post(
            "/accounts/" + account + "/subscriptions",
            """
            {"subscriptionId": "%s", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}
            """
                .formatted(sub, msisdn, LocalDate.now(ZoneOffset.UTC).minusDays(20)));
    assertEquals(201, activated.status(), activated.body());
  }

  static String record(String id, String msisdn, String type, String quantity, String zone) {
    return """
        {"id": "%s", "source": "msc-9", "serviceId": "%s", "usageType": "%s", "usageDate": "%s",
         "quantity": %s, "unit": "event", "attributes": {"zone": "%s"}}"""
        .formatted(id, msisdn, type, WHEN, quantity, zone);
  }

  /** Polls the batch until it is rated (at most 60 s). */
  public static Response awaitRated(HttpJson http, String batchId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Response r = http.get("/usage/batches/" + batchId);
      assertEquals(200, r.status(), r.body());
      if (r.text("status").equals("rated")) {
        return r;
      }
      assertEquals("received", r.text("status"), r.body());
      sleep(200);
    }
    return fail("batch " + batchId + " was not rated within 60 s");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<String> statuses(Response r) {
    List<String> statuses = new ArrayList<>();
    r.json().get("records").forEach(rec -> statuses.add(rec.get("status").asText()));
    return statuses;
  }

  static BigDecimal acceptedAmount(Response r) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode rec : r.json().get("records")) {
      if (rec.get("status").asText().equals("ACCEPTED")) {
        sum = sum.add(new BigDecimal(rec.get("amount").asText()));
      }
    }
    return sum;
  }

  static BigDecimal total(HttpJson http, String account) {
    Response current = http.get("/accounts/" + account + "/usage/current");
    assertEquals(200, current.status(), current.body());
    return new BigDecimal(current.json().get("total").asText());
  }

  @Test
  void aMixedBatchIsReceivedThenRatedWithExactOutcomesAndNeverChargedTwice() {
    String batch =
        "["
            + String.join(
                ",",
                record("sms-1", "+4915200001001", "SMS", "1", "NATIONAL"),
                record("sms-2", "+4915200001001", "SMS", "1", "WORLD"),
                record("sms-1", "+4915200001001", "SMS", "1", "NATIONAL"),
                record("neg-1", "+4915200001001", "SMS", "-1", "NATIONAL"),
                record("fax-1", "+4915200001001", "FAX", "1", "NATIONAL"),
                record("ung-1", "+4915200009999", "SMS", "1", "NATIONAL"))
            + "]";
    Response received = http.post("/usage/batches", batch);
    assertEquals(202, received.status(), received.body());
    String batchId = received.text("batchId");
    assertEquals(
        "/usage/batches/" + batchId, received.raw().headers().firstValue("Location").orElseThrow());
    assertEquals("received", received.text("status"));
    assertEquals(6, received.json().get("received").asInt());
    assertEquals(1, received.json().get("rejected").asInt());
    assertEquals(5, received.json().get("pending").asInt());
    JsonNode rejection = received.json().get("rejections").get(0);
    assertEquals(3, rejection.get("index").asInt(), received.body());
    assertEquals("neg-1", rejection.get("id").asText());
    assertEquals("quantity", rejection.get("field").asText(), received.body());

    Response rated = awaitRated(http, batchId);
    assertEquals(
        List.of("ACCEPTED", "ACCEPTED", "DUPLICATE", "REJECTED", "REJECTED", "SUSPENDED"),
        statuses(rated),
        rated.body());
    JsonNode records = rated.json().get("records");
    assertEquals(
        0, new BigDecimal("0.09").compareTo(new BigDecimal(records.get(0).get("amount").asText())));
    assertEquals(
        0, new BigDecimal("0.29").compareTo(new BigDecimal(records.get(1).get("amount").asText())));
    assertEquals("unknown_usage_type", records.get(4).get("reason").asText());
    assertEquals("unguided", records.get(5).get("reason").asText());
    assertEquals(2, rated.json().get("accepted").asInt());
    assertEquals(1, rated.json().get("duplicate").asInt());
    assertEquals(2, rated.json().get("rejected").asInt());
    assertEquals(1, rated.json().get("suspended").asInt());
    assertEquals(0, rated.json().get("pending").asInt());
    assertNotNull(rated.text("ratedAt"));
    BigDecimal charged = total(http, "acc-i1");
    assertEquals(0, acceptedAmount(rated).compareTo(charged), rated.body());

    // usage detail expires after billing.usage.retention (docs/operations.md, "Data retention")
    assertExpiresWithinRetention("usage_intake", "body");
    assertExpiresWithinRetention("usage_batch_status", "outcomes");
    assertExpiresWithinRetention("suspense_by_day", "record");
    assertExpiresWithinRetention("suspense_by_service", "record");

    // the same batch again: a new batch, every record the account has is a duplicate
    Response again = http.post("/usage/batches", batch);
    assertEquals(202, again.status(), again.body());
    Response ratedAgain = awaitRated(http, again.text("batchId"));
    assertEquals(
        List.of("DUPLICATE", "DUPLICATE", "DUPLICATE", "REJECTED", "REJECTED", "SUSPENDED"),
        statuses(ratedAgain),
        ratedAgain.body());
    assertEquals(0, charged.compareTo(total(http, "acc-i1")));
    // the first batch's outcomes are kept as they were
    assertEquals(rated.body(), http.get("/usage/batches/" + batchId).body());
  }

  @Test
  void ndjsonBatchesAreTakenLineByLine() {
    String body =
        record("nd-1", "+4915200001002", "SMS", "1", "EU").replace("\n", " ")
            + "\n\n"
            + record("nd-2", "+4915200001002", "SMS", "1", "EU").replace("\n", " ")
            + "\n";
    Response received = http.post("/usage/batches", "application/x-ndjson", body);
    assertEquals(202, received.status(), received.body());
    assertEquals(2, received.json().get("pending").asInt());
    Response rated = awaitRated(http, received.text("batchId"));
    assertEquals(List.of("ACCEPTED", "ACCEPTED"), statuses(rated), rated.body());
  }

  @Test
  void refusedBodiesGetOneClearErrorAndWriteNothing() {
    long before = intakeRows(KEYSPACE);
    Response malformed = http.post("/usage/batches", "[{\"id\": ");
    assertEquals(400, malformed.status());
    assertEquals("malformed_json", malformed.text("code"));
    Response notArray = http.post("/usage/batches", "{\"id\": \"x\"}");
    assertEquals(400, notArray.status());
    assertEquals("invalid_body", notArray.text("code"));
    Response badLine =
        http.post(
            "/usage/batches",
            "application/x-ndjson",
            record("bl-1", "+4915200001002", "SMS", "1", "EU").replace("\n", " ") + "\n{oops\n");
    assertEquals(400, badLine.status());
    assertEquals("malformed_ndjson", badLine.text("code"));
    Response media = http.post("/usage/batches", "text/csv", "id,source");
    assertEquals(415, media.status());
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("{}");
    }
    Response tooMany = http.post("/usage/batches", many.append("]").toString());
    assertEquals(400, tooMany.status());
    assertEquals("too_many_records", tooMany.text("code"));
    Response empty = http.post("/usage/batches", "[]");
    assertEquals(400, empty.status());
    assertEquals("empty_batch", empty.text("code"));
    Response huge = http.post("/usage/batches", "[" + " ".repeat(20_000) + "]");
    assertEquals(413, huge.status(), huge.body());
    assertEquals(before, intakeRows(KEYSPACE));
  }

  @Test
  void unknownBatchesAre404() {
    for (String id :
        List.of(Uuids.timeBased().toString(), UUID.randomUUID().toString(), "not-a-batch-id")) {
      Response r = http.get("/usage/batches/" + id);
      assertEquals(404, r.status(), id + ": " + r.body());
      assertEquals("unknown_batch", r.text("code"));
    }
  }

  @Test
  void aBatchReceivedByANodeThatStopsIsRatedExactlyOnceByTheNext() {
    String keyspace = TestCassandra.uniqueKeyspace("usage_intake_restart");
    String batch =
        "["
            + String.join(
                ",",
                record("rs-1", "+4915200002001", "SMS", "1", "NATIONAL"),
                record("rs-2", "+4915200002001", "SMS", "1", "EU"))
            + "]";
    String batchId;
    Config receiveOnly =
        ConfigFactory.parseString("billing.usage.intake.rating = off").withFallback(SETTINGS);
    try (EmbeddedNode first = EmbeddedNode.start(CASSANDRA, keyspace, receiveOnly)) {
      HttpJson h = new HttpJson(first.httpUrl());
      assertEquals(201, h.post("/catalog/versions", SampleCatalog.json()).status());
      setUp(h, "acc-r", "sub-r", "+4915200002001");
      Response received = h.post("/usage/batches", batch);
      assertEquals(202, received.status(), received.body());
      batchId = received.text("batchId");
      // nobody rates on this node: the batch stays received
      sleep(4_000);
      Response still = h.get("/usage/batches/" + batchId);
      assertEquals("received", still.text("status"), still.body());
      Response backlog = h.get("/usage/batches");
      assertEquals(200, backlog.status(), backlog.body());
      assertEquals(1, backlog.json().get("pendingBatches").asInt(), backlog.body());
      assertEquals(2, backlog.json().get("pendingRecords").asInt(), backlog.body());
      assertEquals(BigDecimal.ZERO.compareTo(total(h, "acc-r")), 0);
    }
    try (EmbeddedNode second = EmbeddedNode.start(CASSANDRA, keyspace, SETTINGS)) {
      HttpJson h = new HttpJson(second.httpUrl());
      Response rated = awaitRated(h, batchId);
      assertEquals(List.of("ACCEPTED", "ACCEPTED"), statuses(rated), rated.body());
      BigDecimal charged = total(h, "acc-r");
      assertEquals(0, acceptedAmount(rated).compareTo(charged), rated.body());
      // the offset moves right after the outcomes are stored
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (h.get("/usage/batches").json().get("pendingBatches").asInt() != 0) {
        assertTrue(System.nanoTime() < deadline, h.get("/usage/batches").body());
        sleep(200);
      }
      // the pipeline delivers at least once: a reader that crashed before storing its offset
      // reads the batch again; forget the offsets and restart to show it is not charged twice
      forgetOffsets(keyspace);
    }
    try (EmbeddedNode third = EmbeddedNode.start(CASSANDRA, keyspace, SETTINGS)) {
      HttpJson h = new HttpJson(third.httpUrl());
      sleep(6_000);
      BigDecimal charged = total(h, "acc-r");
      Response rated = awaitRated(h, batchId);
      assertEquals(List.of("ACCEPTED", "ACCEPTED"), statuses(rated), rated.body());
      assertEquals(0, acceptedAmount(rated).compareTo(charged), rated.body());
      // and a batch whose outcomes were lost too is rated again: all duplicates, nothing charged
      forgetStatus(keyspace, batchId);
      forgetOffsets(keyspace);
    }
    try (EmbeddedNode fourth = EmbeddedNode.start(CASSANDRA, keyspace, SETTINGS)) {
      HttpJson h = new HttpJson(fourth.httpUrl());
      BigDecimal before = total(h, "acc-r");
      Response rated = awaitRated(h, batchId);
      assertEquals(List.of("DUPLICATE", "DUPLICATE"), statuses(rated), rated.body());
      assertEquals(0, before.compareTo(total(h, "acc-r")));
    }
  }

  private static CqlSession cql() {
    String[] hostPort = CASSANDRA.split(":");
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter("datacenter1")
        .build();
  }

  /** Every row of {@code table} has a time to live on {@code column}, of at most 100 days. */
  private static void assertExpiresWithinRetention(String table, String column) {
    long retention = Duration.ofDays(100).toSeconds();
    try (CqlSession session = cql()) {
      List<Row> rows =
          session.execute("SELECT TTL(" + column + ") FROM " + KEYSPACE + "." + table).all();
      assertFalse(rows.isEmpty(), table);
      for (Row row : rows) {
        assertFalse(row.isNull(0), table + " has a row that never expires");
        int ttl = row.getInt(0);
        assertTrue(ttl > retention - 3600 && ttl <= retention, table + " TTL " + ttl);
      }
    }
  }

  private static long intakeRows(String keyspace) {
    try (CqlSession session = cql()) {
      return session.execute("SELECT COUNT(*) FROM " + keyspace + ".usage_intake").one().getLong(0);
    }
  }

  private static void forgetOffsets(String keyspace) {
    try (CqlSession session = cql()) {
      // TRUNCATE flushes and snapshots the table: far slower than the driver's 2 s default
      session.execute(
          SimpleStatement.newInstance("TRUNCATE " + keyspace + ".usage_intake_offset")
              .setTimeout(Duration.ofSeconds(60)));
    }
  }

  private static void forgetStatus(String keyspace, String batchId) {
    try (CqlSession session = cql()) {
      session.execute(
          "DELETE FROM " + keyspace + ".usage_batch_status WHERE batch_id = " + batchId);
    }
  }
}
