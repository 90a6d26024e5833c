package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.DevKeys;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through HTTP against the real Cassandra: a sequence of calls, served and refused (400,
 * 401, 403), is read back from {@code GET /audit} by subject, by resource and by time window, in
 * order and paged; reads leave no entry.
 */
class AuditTrailIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("audit_trail");

  private static EmbeddedNode node;

  @BeforeAll
  static void startNode() {
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            // a Cassandra started a moment ago on a busy machine takes its time for the schema
            ConfigFactory.parseString("datastax-java-driver.basic.request.timeout = 10s"));
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static HttpJson as(String subject, String... roles) {
    return new HttpJson(
        node.httpUrl(),
        "Bearer " + DevKeys.ephemeral().token(subject, List.of(roles), Duration.ofHours(1)));
  }

  private static String account(String id, int billCycleDay) {
    return """
        {"id": "%s", "name": "Jane Doe", "currency": "EUR", "billCycleDay": %d,
         "timeZone": "Europe/Berlin", "taxJurisdiction": "DE", "taxExempt": false,
         "paymentTermsDays": 30, "paymentMethodRef": "tok_visa_1", "legalEntity": "TELCO_DE"}
        """
        .formatted(id, billCycleDay);
  }

  private static String query(String... pairs) {
    StringBuilder path = new StringBuilder("/audit");
    for (int i = 0; i < pairs.length; i += 2) {
      path.append(i == 0 ? '?' : '&')
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return path.toString();
  }

  /**
   * Every entry of a query, page by page of {@code limit}; asserts each page but the last is full.
   */
  private static List<JsonNode> readAll(HttpJson auditor, int limit, String... pairs) {
    List<JsonNode> entries = new ArrayList<>();
    List<String> parameters = new ArrayList<>(List.of(pairs));
    parameters.addAll(List.of("limit", String.valueOf(limit)));
    String cursor = null;
    int pages = 0;
    do {
      List<String> page = new ArrayList<>(parameters);
      if (cursor != null) {
        page.addAll(List.of("cursor", cursor));
      }
      Response response = auditor.get(query(page.toArray(new String[0])));
      assertEquals(200, response.status(), response.body());
      response.json().get("entries").forEach(entries::add);
      cursor = response.text("nextCursor");
      if (cursor != null) {
        assertEquals(limit, response.json().get("count").asInt(), response.body());
      }
      assertTrue(++pages <= 20, "paging ends");
    } while (cursor != null);
    return entries;
  }

  private static List<String> outcomes(List<JsonNode> entries) {
    return entries.stream()
        .map(
            e ->
                e.get("method").asText()
                    + " "
                    + e.get("path").asText()
                    + " "
                    + e.get("status").asInt()
                    + (e.get("code").isNull() ? "" : " " + e.get("code").asText()))
        .toList();
  }

  @Test
  void aSequenceOfCallsIsReadBackBySubjectResourceAndTime() {
    Instant start = Instant.now().minusSeconds(1);
    HttpJson orders = as("om-audit", "order-management");
    HttpJson feed = as("feed-audit", "mediation");
    HttpJson auditor = as("auditor-audit", "auditor");

    Response opened =
        orders.send(
            HttpRequest.newBuilder(URI.create(node.httpUrl() + "/accounts"))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-audit-open")
                .header("X-Reason", "customer asked, ticket INC-1\t")
                // a client cannot choose the address the trail records
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString(account("acc-audit-1", 5))));
    assertEquals(201, opened.status(), opened.body());
    assertEquals(200, orders.get("/accounts/acc-audit-1").status());
    Response refused = orders.post("/accounts", account("acc-audit-2", 31));
    assertEquals(400, refused.status(), refused.body());
    Response forbidden = feed.post("/accounts", account("acc-audit-3", 5));
    assertEquals(403, forbidden.status(), forbidden.body());
    Response anonymous =
        HttpJson.anonymous(node.httpUrl()).post("/accounts", account("acc-audit-4", 5));
    assertEquals(401, anonymous.status(), anonymous.body());
    Response badSubscription = orders.post("/accounts/acc-audit-1/subscriptions", "{}");
    assertEquals(400, badSubscription.status(), badSubscription.body());
    assertEquals(403, orders.get("/audit").status(), "the trail is for auditors");
    String end = Instant.now().plusSeconds(1).toString();

    // by subject, paged
    List<JsonNode> byOrders = readAll(auditor, 2, "subject", "om-audit");
    assertEquals(
        List.of(
            "POST /accounts 201",
            "POST /accounts 400 out_of_range",
            "POST /accounts/acc-audit-1/subscriptions 400 " + badSubscription.text("code")),
        outcomes(byOrders));
    JsonNode first = byOrders.get(0);
    assertEquals("om-audit", first.get("subject").asText());
    assertEquals("order-management", first.get("roles").get(0).asText());
    assertEquals("/accounts", first.get("endpoint").asText());
    assertEquals("acc-audit-1", first.get("resourceIds").get("id").asText());
    assertEquals("req-audit-open", first.get("requestId").asText());
    assertEquals("customer asked, ticket INC-1", first.get("reason").asText());
    assertEquals("127.0.0.1", first.get("clientAddress").asText());
    assertNotNull(first.get("at").asText());
    assertTrue(byOrders.get(1).get("reason").isNull());
    assertEquals(
        "/accounts/{id}/subscriptions", byOrders.get(2).get("endpoint").asText(), "its template");

    // by subject: the one refused for its role
    assertEquals(
        List.of("POST /accounts 403 forbidden"),
        outcomes(readAll(auditor, 10, "subject", "feed-audit")));

    // by resource: the account's opening (the id its answer named) and the call on its path
    assertEquals(
        List.of(
            "POST /accounts 201",
            "POST /accounts/acc-audit-1/subscriptions 400 " + badSubscription.text("code")),
        outcomes(readAll(auditor, 1, "resource", "acc-audit-1")));
    assertEquals(2, readAll(auditor, 5, "resource", "acc-audit-1", "subject", "om-audit").size());
    assertEquals(
        List.of(), readAll(auditor, 5, "resource", "acc-audit-1", "subject", "feed-audit"));

    // by time window: every mutating call in order, no reads (not even the auditor's own)
    List<JsonNode> window = readAll(auditor, 2, "from", start.toString(), "to", end);
    assertEquals(
        List.of(
            "POST /accounts 201",
            "POST /accounts 400 out_of_range",
            "POST /accounts 403 forbidden",
            "POST /accounts 401 unauthenticated",
            "POST /accounts/acc-audit-1/subscriptions 400 " + badSubscription.text("code")),
        outcomes(window));
    JsonNode unauthenticated = window.get(3);
    assertTrue(unauthenticated.get("subject").isNull());
    assertEquals(0, unauthenticated.get("roles").size());
    for (int i = 1; i < window.size(); i++) {
      assertTrue(
          !Instant.parse(window.get(i).get("at").asText())
              .isBefore(Instant.parse(window.get(i - 1).get("at").asText())),
          "by arrival time");
    }
    assertEquals(
        List.of(),
        readAll(auditor, 10, "from", end, "to", Instant.now().plusSeconds(60).toString()));
  }

  @Test
  void badParametersAreRefusedNamingTheField() {
    HttpJson auditor = as("auditor-params", "auditor");
    Response limit = auditor.get("/audit?limit=0");
    assertEquals(400, limit.status());
    assertEquals("out_of_range", limit.text("code"));
    assertEquals("limit", limit.text("field"));
    Response from = auditor.get("/audit?from=yesterday");
    assertEquals(400, from.status());
    assertEquals("from", from.text("field"));
    Response cursor = auditor.get("/audit?cursor=abc");
    assertEquals(400, cursor.status());
    assertEquals("invalid_cursor", cursor.text("code"));
    Response unknown = auditor.get("/audit?subjekt=jane");
    assertEquals(400, unknown.status());
    assertEquals("unknown_parameter", unknown.text("code"));
    assertEquals(401, HttpJson.anonymous(node.httpUrl()).get("/audit").status());
  }
}
