package com.telco.billing.node.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.testing.HttpJson;
import com.telco.billing.node.testing.TestNode;
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
import org.junit.jupiter.api.Test;

/**
 * Overload: a node that may work on one usage batch at a time answers the others 429 with
 * Retry-After, never 5xx and never a silent drop; resending the refused batches gets every record
 * accepted exactly once.
 */
class UsageOverloadIT {

  @Test
  void batchesOverTheLimitAre429WithRetryAfterAndNothingIsLost() throws Exception {
    String cassandra = TestCassandra.shared().hostAndPort();
    try (TestNode node =
        TestNode.start(
            cassandra,
            TestCassandra.uniqueKeyspace("usage_overload"),
            ConfigFactory.parseString("billing.usage.max-requests-in-flight = 1"))) {
      HttpJson http = new HttpJson(node.httpUrl());
      assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
      UsageApiIT.openAccountOn(http, "acc-o");
      UsageApiIT.activateOn(http, "acc-o", "sub-o", "+4915100003001");

      Instant when = Instant.now().minus(1, ChronoUnit.HOURS);
      List<String> batches = new ArrayList<>();
      for (int b = 0; b < 24; b++) {
        List<String> records = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
          records.add(
              UsageApiIT.record(
                  "o-" + b + "-" + r, "+4915100003001", "SMS", "1", "event", when, "NATIONAL"));
        }
        batches.add("[" + String.join(",", records) + "]");
      }
      HttpClient client = HttpClient.newHttpClient();
      Set<String> accepted = new HashSet<>();
      List<String> pending = batches;
      int tooMany = 0;
      for (int round = 0; round < 50 && !pending.isEmpty(); round++) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (String batch : pending) {
          sent.add(
              client.sendAsync(
                  HttpRequest.newBuilder(URI.create(node.httpUrl() + "/usage"))
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
          assertEquals(200, response.statusCode(), response.body());
          var json = com.telco.billing.node.http.JsonSupport.MAPPER.readTree(response.body());
          json.get("records")
              .forEach(
                  rec -> {
                    if (rec.get("status").asText().equals("ACCEPTED")) {
                      assertTrue(accepted.add(rec.get("id").asText()), "accepted twice");
                    }
                  });
        }
        pending = retry;
      }
      assertTrue(tooMany > 0, "concurrent batches over the limit were refused");
      assertEquals(24 * 20, accepted.size(), "every record accepted exactly once");
      var current = http.get("/accounts/acc-o/usage/current");
      assertEquals(
          24 * 20, current.json().get("lines").get(0).get("records").asInt(), current.body());
      assertEquals(
          LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString(), current.text("periodStart"));
    }
  }
}
