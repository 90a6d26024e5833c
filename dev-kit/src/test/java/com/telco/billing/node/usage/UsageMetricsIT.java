package com.telco.billing.node.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.metrics.ScrapedMetrics;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the management port after a small known load through {@code POST /usage}
 * against the real Cassandra: the usage counters moved by exactly the records sent, per outcome and
 * reason, the HTTP counters by the requests sent, and the latency histograms and the shard gauges
 * show the work.
 */
class UsageMetricsIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("usage_metrics");
  private static final Instant WHEN = Instant.now().minus(1, ChronoUnit.HOURS);
  private static final String MSISDN = "+4915100007001";

  private static EmbeddedNode node;
  private static HttpJson http;
  private static HttpJson management;

  @BeforeAll
  static void start() {
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString("billing.metrics.poll-interval = 500ms"));
    http = new HttpJson(node.httpUrl());
    management = new HttpJson(node.managementUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    UsageApiIT.openAccountOn(http, "acc-m1");
    UsageApiIT.activateOn(http, "acc-m1", "sub-m1", MSISDN);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static ScrapedMetrics scrape() {
    Response r = management.get("/metrics");
    assertEquals(200, r.status(), r.body());
    assertTrue(
        r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        r.raw().headers().toString());
    return ScrapedMetrics.parse(r.body());
  }

  private static String record(String id, String msisdn, String quantity) {
    return UsageApiIT.record(id, msisdn, "SMS", quantity, "event", WHEN, "NATIONAL");
  }

  private static Response postUsage(String requestId, String... records) {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.httpUrl() + "/usage"))
            .header("Content-Type", "application/json")
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", records) + "]")));
  }

  /** Outcome and reason of every record of the answers, counted as the metrics label them. */
  private static Map<String, Integer> outcomes(Response... responses) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Response r : responses) {
      for (JsonNode rec : r.json().get("records")) {
        String outcome = rec.get("status").asText().toLowerCase(Locale.ROOT);
        String reason =
            rec.has("reason")
                ? rec.get("reason").asText()
                : rec.path("late").asBoolean() ? "late" : "none";
        counts.merge(outcome + "/" + reason, 1, Integer::sum);
      }
    }
    return counts;
  }

  @Test
  void theCountersMoveByExactlyTheRecordsSent() throws Exception {
    ScrapedMetrics before = scrape();

    Response first =
        postUsage(
            "metrics-it-1",
            record("m-1", MSISDN, "1"),
            record("m-2", MSISDN, "1"),
            record("m-3", MSISDN, "1"),
            record("m-1", MSISDN, "1"),
            record("m-bad-1", MSISDN, "-1"),
            record("m-bad-2", MSISDN, "-2"),
            record("m-lost", "+4915100007999", "1"));
    Response second =
        postUsage("metrics-it-2", record("m-2", MSISDN, "1"), record("m-4", MSISDN, "1"));
    assertEquals(200, first.status(), first.body());
    assertEquals(200, second.status(), second.body());
    assertEquals("metrics-it-1", first.raw().headers().firstValue("X-Request-Id").orElse(null));

    Map<String, Integer> sent = outcomes(first, second);
    // the load: 4 accepted, 2 duplicates, 2 rejected (negative quantity), 1 suspended (unguided)
    Map<String, Integer> byOutcome = new TreeMap<>();
    sent.forEach((key, n) -> byOutcome.merge(key.substring(0, key.indexOf('/')), n, Integer::sum));
    assertEquals(
        Map.of("accepted", 4, "duplicate", 2, "rejected", 2, "suspended", 1), byOutcome, "" + sent);
    assertEquals(1, sent.get("suspended/unguided"), "" + sent);

    ScrapedMetrics after = scrape();
    String records = "billing_usage_records_total";
    double moved = 0;
    for (Map.Entry<String, Integer> e : sent.entrySet()) {
      String[] key = e.getKey().split("/");
      double delta =
          after.value(records, "path", "sync", "outcome", key[0], "reason", key[1])
              - before.value(records, "path", "sync", "outcome", key[0], "reason", key[1]);
      assertEquals(e.getValue().doubleValue(), delta, e.getKey());
      moved += delta;
    }
    // nothing else moved: the sum over every series of the counter is the 9 records sent
    assertEquals(9, after.sum(records, s -> true) - before.sum(records, s -> true));

    String requests = "billing_http_requests_total";
    assertEquals(
        2,
        after.sum(requests, s -> s.contains("method=\"POST\"") && s.contains("status=\"200\""))
            - before.sum(
                requests, s -> s.contains("method=\"POST\"") && s.contains("status=\"200\"")));
    assertTrue(
        after.sum("billing_http_request_duration_seconds_count", s -> s.contains("\"POST\""))
            >= before.sum(
                    "billing_http_request_duration_seconds_count", s -> s.contains("\"POST\""))
                + 2);
    assertTrue(
        after.value("billing_usage_account_call_seconds_count")
            > before.value("billing_usage_account_call_seconds_count"));
    assertTrue(
        after.value("billing_usage_rating_seconds_count")
            > before.value("billing_usage_rating_seconds_count"));
    assertTrue(
        after.value(
                "billing_journal_write_seconds_count", "entity", "account", "event", "usage_rated")
            > before.value(
                "billing_journal_write_seconds_count",
                "entity",
                "account",
                "event",
                "usage_rated"));
    assertEquals(9, moved);
  }

  @Test
  void theShardGaugesShowTheAccountOnThisNode() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    ScrapedMetrics s = scrape();
    while (s.value("billing_sharding_entities", "entity_type", "Account") < 1
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      s = scrape();
    }
    assertTrue(s.value("billing_sharding_entities", "entity_type", "Account") >= 1);
    assertTrue(s.value("billing_sharding_shards", "entity_type", "Account") >= 1);
    assertTrue(s.has("jvm_memory_used_bytes"));
  }
}
