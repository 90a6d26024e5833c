package com.telco.billing.node.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.DevKeys;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.usage.intake.UsageIntakeIT;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Overload: a node that may work on one usage batch at a time answers the others 429 with
 * Retry-After, never 5xx and never a silent drop; resending the refused batches gets every record
 * accepted exactly once. The same for the durable intake ({@code POST /usage/batches}) with one
 * batch write at a time: a refused batch is not written, every taken one is rated once.
 */
class UsageOverloadIT {
  private static final int BATCHES = 24;
  private static final int RECORDS = 20;

  @Test
  void batchesOverTheLimitAre429WithRetryAfterAndNothingIsLost() throws Exception {
    try (EmbeddedNode node =
        startNode("usage_overload", "billing.usage.max-requests-in-flight = 1")) {
      HttpJson http = setUp(node, "acc-o", "sub-o", "+4915100003001");
      Set<String> accepted = new HashSet<>();
      int tooMany =
          sendUntilTaken(
              node.httpUrl() + "/usage",
              batches("o", "+4915100003001"),
              200,
              json -> acceptedInto(json, accepted));
      assertTrue(tooMany > 0, "concurrent batches over the limit were refused");
      assertEquals(BATCHES * RECORDS, accepted.size(), "every record accepted exactly once");
      assertBillSoFar(http, "acc-o");
    }
  }

  @Test
  void intakeBatchesOverTheLimitAre429WithRetryAfterAndEveryTakenBatchIsRatedOnce()
      throws Exception {
    try (EmbeddedNode node =
        startNode("intake_overload", "billing.usage.intake.max-writes-in-flight = 1")) {
      HttpJson http = setUp(node, "acc-i", "sub-i", "+4915100003002");
      List<String> batchIds = new ArrayList<>();
      int tooMany =
          sendUntilTaken(
              node.httpUrl() + "/usage/batches",
              batches("i", "+4915100003002"),
              202,
              json -> batchIds.add(json.get("batchId").asText()));
      assertTrue(tooMany > 0, "concurrent batches over the limit were refused");
      assertEquals(BATCHES, new HashSet<>(batchIds).size(), "each batch written once");
      Set<String> accepted = new HashSet<>();
      for (String batchId : batchIds) {
        acceptedInto(UsageIntakeIT.awaitRated(http, batchId).json(), accepted);
      }
      assertEquals(BATCHES * RECORDS, accepted.size(), "every record accepted exactly once");
      assertBillSoFar(http, "acc-i");
    }
  }

  /** A node on the shared test Cassandra, in a keyspace of its own, with one limit lowered. */
  private static EmbeddedNode startNode(String keyspacePrefix, String limit) {
    return EmbeddedNode.start(
        TestCassandra.shared().hostAndPort(),
        TestCassandra.uniqueKeyspace(keyspacePrefix),
        ConfigFactory.parseString(limit));
  }

  private static HttpJson setUp(EmbeddedNode node, String account, String sub, String msisdn) {
    HttpJson http = new HttpJson(node.httpUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    UsageApiIT.openAccountOn(http, account);
    UsageApiIT.activateOn(http, account, sub, msisdn);
    return http;
  }

  private static List<String> batches(String prefix, String msisdn) {
    Instant when = Instant.now().minus(1, ChronoUnit.HOURS);
    List<String> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      List<String> records = new ArrayList<>();
      for (int r = 0; r < RECORDS; r++) {
        records.add(
            UsageApiIT.record(
                prefix + "-" + b + "-" + r, msisdn, "SMS", "1", "event", when, "NATIONAL"));
      }
      batches.add("[" + String.join(",", records) + "]");
    }
    return batches;
  }

  /**
   * Sends all batches at once, and the refused ones again, until every batch got {@code taken};
   * every refusal must be a 429 {@code overloaded} with Retry-After.
   *
   * @return how many times a batch was refused
   */
  private static int sendUntilTaken(
      String url, List<String> batches, int taken, Consumer<JsonNode> onTaken) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<String> pending = batches;
    int tooMany = 0;
    for (int round = 0; round < 50 && !pending.isEmpty(); round++) {
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (String batch : pending) {
        sent.add(
            client.sendAsync(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + DevKeys.ephemeral().allRolesToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      List<String> retry = new ArrayList<>();
      for (int i = 0; i < sent.size(); i++) {
        HttpResponse<String> response = sent.get(i).join();
        if (response.statusCode() == 429) {
          tooMany++;
          assertTrue(response.headers().firstValue("Retry-After").isPresent());
          assertTrue(response.body().contains("\"overloaded\""), response.body());
          retry.add(pending.get(i));
          continue;
        }
        assertEquals(taken, response.statusCode(), response.body());
        onTaken.accept(StrictJson.MAPPER.readTree(response.body()));
      }
      pending = retry;
    }
    assertTrue(pending.isEmpty(), pending.size() + " batches were never taken");
    return tooMany;
  }

  private static void acceptedInto(JsonNode outcome, Set<String> accepted) {
    outcome
        .get("records")
        .forEach(
            rec -> {
              if (rec.get("status").asText().equals("ACCEPTED")) {
                assertTrue(accepted.add(rec.get("id").asText()), "accepted twice");
              }
            });
  }

  private static void assertBillSoFar(HttpJson http, String account) {
    var current = http.get("/accounts/" + account + "/usage/current");
    assertEquals(
        BATCHES * RECORDS,
        current.json().get("lines").get(0).get("records").asInt(),
        current.body());
    assertEquals(
        LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString(), current.text("periodStart"));
  }
}
