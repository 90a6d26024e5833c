package com.telco.billing.node.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mediation intake end to end through HTTP against the real Cassandra: mixed batches with exact
 * outcomes, the same batch again and after a node restart (all duplicates, totals unchanged),
 * malformed and oversize bodies, suspense and its recycling, and the bill so far.
 */
class UsageApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("usage_api");
  private static final com.typesafe.config.Config LIMITS =
      ConfigFactory.parseString(
          "billing.usage.max-records = 20\nbilling.usage.max-body-bytes = 16k");

  private static EmbeddedNode node;
  private static HttpJson http;
  private static final Instant WHEN = Instant.now().minus(1, ChronoUnit.HOURS);

  @BeforeAll
  static void start() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE, LIMITS);
    http = new HttpJson(node.httpUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    openAccount("acc-u1");
    activate("acc-u1", "sub-u1", "+4915100001001");
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static void openAccount(String id) {
    openAccountOn(http, id);
  }

  static void openAccountOn(HttpJson http, String id) {
    Response r =
        http.post(
            "/accounts",
            """
            {"id": "%s", "name": "Usage", "currency": "EUR", "billCycleDay": 1,
             "timeZone": "UTC", "taxJurisdiction": "DE"}
            """
                .formatted(id));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  static Response activate(String account, String sub, String msisdn) {
    return activateOn(http, account, sub, msisdn);
  }

  static Response activateOn(HttpJson http, String account, String sub, String msisdn) {
    Response r =
        http.post(
            "/accounts/" + account + "/subscriptions",
            """
            {"subscriptionId": "%s", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}
            """
                .formatted(sub, msisdn, LocalDate.now(ZoneOffset.UTC).minusDays(20)));
    assertEquals(201, r.status(), r.body());
    return r;
  }

  static String record(
      String id,
      String msisdn,
      String type,
      String quantity,
      String unit,
      Instant at,
      String zone) {
    return """
        {"id": "%s", "source": "msc-1", "serviceId": "%s", "usageType": "%s", "usageDate": "%s",
         "quantity": %s, "unit": "%s", "attributes": {"zone": "%s"}}"""
        .formatted(id, msisdn, type, at, quantity, unit, zone);
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

  @Test
  void aMixedBatchHasExactOutcomesAndIsNeverChargedTwice() {
    String batch =
        "["
            + String.join(
                ",",
                record("sms-1", "+4915100001001", "SMS", "1", "event", WHEN, "NATIONAL"),
                record("sms-2", "+4915100001001", "SMS", "1", "event", WHEN, "WORLD"),
                record("sms-1", "+4915100001001", "SMS", "1", "event", WHEN, "NATIONAL"),
                record("neg-1", "+4915100001001", "SMS", "-1", "event", WHEN, "NATIONAL"),
                record("fax-1", "+4915100001001", "FAX", "1", "event", WHEN, "NATIONAL"),
                record(
                    "old-1",
                    "+4915100001001",
                    "SMS",
                    "1",
                    "event",
                    WHEN.minus(Duration.ofDays(46)),
                    "NATIONAL"),
                record(
                    "fut-1",
                    "+4915100001001",
                    "SMS",
                    "1",
                    "event",
                    WHEN.plus(Duration.ofDays(2)),
                    "NATIONAL"),
                """
                {"id": "typ-1", "source": "msc-1", "serviceId": "+4915100001001", "usageType": "SMS",
                 "usageDate": "%s", "quantity": {"x": 1}, "unit": "event"}"""
                    .formatted(WHEN),
                """
                {"id": "unk-1", "source": "msc-1", "serviceId": "+4915100001001", "usageType": "SMS",
                 "usageDate": "%s", "quantity": 1, "unit": "event", "colour": "red"}"""
                    .formatted(WHEN),
                record("big-1", "+4915100001001", "SMS", "1e400", "event", WHEN, "NATIONAL"))
            + "]";
    Response first = http.post("/usage", batch);
    assertEquals(200, first.status(), first.body());
    assertEquals(
        List.of(
            "ACCEPTED",
            "ACCEPTED",
            "DUPLICATE",
            "REJECTED",
            "REJECTED",
            "REJECTED",
            "REJECTED",
            "REJECTED",
            "REJECTED",
            "REJECTED"),
        statuses(first),
        first.body());
    JsonNode records = first.json().get("records");
    assertEquals(
        0, new BigDecimal("0.09").compareTo(new BigDecimal(records.get(0).get("amount").asText())));
    assertEquals(
        0, new BigDecimal("0.29").compareTo(new BigDecimal(records.get(1).get("amount").asText())));
    assertEquals("unknown_usage_type", records.get(4).get("reason").asText());
    assertEquals("too_old", records.get(5).get("reason").asText());
    assertEquals("future", records.get(6).get("reason").asText());
    assertEquals("unknown_field", records.get(8).get("reason").asText());
    assertEquals(2, first.json().get("accepted").asInt());
    assertEquals(1, first.json().get("duplicate").asInt());

    Response again = http.post("/usage", batch);
    assertEquals(0, again.json().get("accepted").asInt(), again.body());
    assertEquals(3, again.json().get("duplicate").asInt(), again.body());

    Response current = http.get("/accounts/acc-u1/usage/current");
    assertEquals(200, current.status(), current.body());
    assertEquals(
        0,
        acceptedAmount(first).compareTo(new BigDecimal(current.json().get("total").asText())),
        current.body());
  }

  @Test
  void ndjsonIsTakenLineByLine() {
    String body =
        record("nd-1", "+4915100001001", "SMS", "1", "event", WHEN, "EU").replace("\n", " ")
            + "\n\n"
            + record("nd-2", "+4915100001001", "VOICE", "61", "s", WHEN, "NATIONAL")
                .replace("\n", " ")
            + "\n";
    Response r = http.post("/usage", "application/x-ndjson", body);
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of("ACCEPTED", "ACCEPTED"), statuses(r), r.body());
  }

  @Test
  void badBodiesGetOneClearErrorAndChangeNothing() {
    Response malformed = http.post("/usage", "[{\"id\": ");
    assertEquals(400, malformed.status());
    assertEquals("malformed_json", malformed.text("code"));
    Response notArray = http.post("/usage", "{\"id\": \"x\"}");
    assertEquals(400, notArray.status());
    assertEquals("invalid_body", notArray.text("code"));
    Response badLine =
        http.post(
            "/usage",
            "application/x-ndjson",
            record("bl-1", "+4915100001001", "SMS", "1", "event", WHEN, "EU").replace("\n", " ")
                + "\n{oops\n");
    assertEquals(400, badLine.status());
    assertEquals("malformed_ndjson", badLine.text("code"));
    assertEquals("line 2", badLine.text("field"));
    assertEquals("line 2: malformed JSON (line 1, column 2)", badLine.text("message"));
    Response media = http.post("/usage", "text/csv", "id,source");
    assertEquals(415, media.status());
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("{}");
    }
    Response tooMany = http.post("/usage", many.append("]").toString());
    assertEquals(400, tooMany.status());
    assertEquals("too_many_records", tooMany.text("code"));
    Response huge = http.post("/usage", "[" + " ".repeat(20_000) + "]");
    assertEquals(413, huge.status(), huge.body());
    // the size limit is checked before any line is read
    Response hugeNdjson =
        http.post("/usage", "application/x-ndjson", "{oops\n" + "{}\n".repeat(10_000));
    assertEquals(413, hugeNdjson.status(), hugeNdjson.body());
    assertEquals("body_too_large", hugeNdjson.text("code"));
    // bl-1 came in a refused body: it was never recorded
    Response retry =
        http.post(
            "/usage",
            "[" + record("bl-1", "+4915100001001", "SMS", "1", "event", WHEN, "EU") + "]");
    assertEquals(List.of("ACCEPTED"), statuses(retry), retry.body());
  }

  @Test
  void unguidedUsageIsHeldAndRecycledWhenTheNumberIsActivated() throws Exception {
    String number = "+4915100001999";
    Response held =
        http.post(
            "/usage", "[" + record("sus-1", number, "SMS", "1", "event", WHEN, "NATIONAL") + "]");
    assertEquals(List.of("SUSPENDED"), statuses(held), held.body());
    assertEquals("unguided", held.json().get("records").get(0).get("reason").asText());

    Response listed = http.get("/suspense?reason=unguided");
    assertEquals(200, listed.status(), listed.body());
    assertTrue(listed.body().contains("sus-1"), listed.body());

    openAccount("acc-u2");
    activate("acc-u2", "sub-u2", number);
    Response after = http.get("/suspense?reason=unguided");
    assertTrue(!after.body().contains("sus-1"), after.body());
    Response current = http.get("/accounts/acc-u2/usage/current");
    assertEquals(1, current.json().get("lines").get(0).get("records").asInt(), current.body());

    Response resent =
        http.post(
            "/usage", "[" + record("sus-1", number, "SMS", "1", "event", WHEN, "NATIONAL") + "]");
    assertEquals(List.of("DUPLICATE"), statuses(resent), "recycled once, never charged twice");
  }

  @Test
  void afterARestartEveryAcceptedRecordIsADuplicate() {
    String keyspace = TestCassandra.uniqueKeyspace("usage_restart");
    String batch =
        "[" + record("rs-1", "+4915100002001", "VOICE", "61", "s", WHEN, "NATIONAL") + "]";
    String total;
    try (EmbeddedNode first = EmbeddedNode.start(CASSANDRA, keyspace, LIMITS)) {
      HttpJson h = new HttpJson(first.httpUrl());
      assertEquals(201, h.post("/catalog/versions", SampleCatalog.json()).status());
      assertEquals(
          201,
          h.post(
                  "/accounts",
                  "{\"id\": \"acc-r\", \"name\": \"R\", \"currency\": \"EUR\", \"billCycleDay\": 1, \"taxJurisdiction\": \"DE\"}")
              .status());
      Response sub =
          h.post(
              "/accounts/acc-r/subscriptions",
              "{\"subscriptionId\": \"s\", \"offeringId\": \"MOBILE_S\", \"serviceIds\": [{\"type\": \"MSISDN\", \"value\": \"+4915100002001\"}], \"activationDate\": \""
                  + LocalDate.now(ZoneOffset.UTC).minusDays(20)
                  + "\"}");
      assertEquals(201, sub.status(), sub.body());
      assertEquals(List.of("ACCEPTED"), statuses(h.post("/usage", batch)));
      total = h.get("/accounts/acc-r/usage/current").body();
    }
    try (EmbeddedNode second = EmbeddedNode.start(CASSANDRA, keyspace, LIMITS)) {
      HttpJson h = new HttpJson(second.httpUrl());
      assertEquals(List.of("DUPLICATE"), statuses(h.post("/usage", batch)));
      assertEquals(total, h.get("/accounts/acc-r/usage/current").body());
    }
  }
}
