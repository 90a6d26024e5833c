package com.telco.billing.node.usage.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.guiding.GuidingService;
import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch whose records cannot be rated never holds up its partition, against the real Cassandra:
 * after {@code max-attempts} it is parked with its reason (the records that were rated keep their
 * outcomes) and the batch behind it in the same partition is rated; ops list it and redrive it, and
 * it parks again while the cause lasts and is rated, each record charged once, once it is gone. One
 * partition, so that every batch is behind the poisoned one.
 *
 * <p>The node only receives; the test runs the readers itself, through the real {@link
 * UsageService} behind a rating call that fails for the records of one source while {@link
 * #poisoned} is set (the failure of a record whose account cannot take it, whatever the cause), and
 * once with a record that reaches the real account entity and cannot be persisted.
 */
public class IntakeParkingIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("intake_parking");
  private static final String POISON_SOURCE = "poison-src";
  private static final Config SETTINGS =
      ConfigFactory.parseString(
          """
          billing.usage.max-records = 20
          billing.usage.intake.partitions = 1
          billing.usage.intake.rating = off
          billing.usage.intake.write-timeout = 3s
          billing.usage.intake.settle-delay = 3500ms
          billing.usage.intake.poll-interval = 200ms
          billing.usage.intake.max-attempts = 3
          billing.usage.intake.attempt-backoff = 200ms
          billing.http.ask-timeout = 2s
          """);

  private static final AtomicBoolean poisoned = new AtomicBoolean(true);
  private static final AtomicInteger poisonedCalls = new AtomicInteger();
  private static EmbeddedNode node;
  private static HttpJson http;
  private static IntakeLog log;

  @BeforeAll
  static void start() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE, SETTINGS);
    http = new HttpJson(node.httpUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    UsageIntakeIT.setUp(http, "acc-k1", "sub-k1", "+4915200003001");
    UsageIntakeIT.setUp(http, "acc-k2", "sub-k2", "+4915200003002");
    UsageIntakeIT.setUp(http, "acc-k3", "sub-k3", "+4915200003003");
    var system = node.system();
    IntakeSettings settings =
        IntakeSettings.from(
            ConfigFactory.parseString("billing.usage.intake.rating = on")
                .withFallback(system.settings().config()));
    BillingSettings nodeSettings = BillingSettings.from(system.settings().config());
    String keyspace = nodeSettings.cassandra().keyspace();
    Duration askTimeout = nodeSettings.http().askTimeout();
    log = new IntakeLog(system, settings, keyspace, nodeSettings.usage().retention());
    UsageService usage =
        new UsageService(
            system,
            new GuidingService(system, askTimeout),
            new SuspenseStore(system, keyspace, nodeSettings.usage().retention()),
            Clock.systemUTC(),
            nodeSettings.usage(),
            askTimeout);
    IntakeReader.init(
        system,
        log,
        (elements, receivedAt, calls, oneByOne, origin) -> {
          // the records of the poisoned source fail, each alone, the others are rated for real
          List<Integer> good = new ArrayList<>();
          for (int i = 0; i < elements.size(); i++) {
            JsonNode source = elements.get(i).get("source");
            boolean poison =
                poisoned.get() && source != null && POISON_SOURCE.equals(source.asText());
            if (poison) {
              poisonedCalls.incrementAndGet();
            } else {
              good.add(i);
            }
          }
          return usage
              .rateReceived(
                  good.stream().map(elements::get).toList(), receivedAt, calls, oneByOne, origin)
              .thenApply(
                  rated -> {
                    List<UsageOutcome> outcomes = new ArrayList<>();
                    List<Throwable> failures = new ArrayList<>();
                    for (int i = 0; i < elements.size(); i++) {
                      int k = good.indexOf(i);
                      outcomes.add(k < 0 ? null : rated.outcomes().get(k));
                      failures.add(
                          k < 0
                              ? new IllegalStateException(
                                  "cannot persist " + elements.get(i).toString())
                              : rated.failures().get(k));
                    }
                    return new UsageService.ReceivedRating(outcomes, failures);
                  });
        },
        settings,
        () -> 0,
        Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static String record(String id, String source, String msisdn) {
    return UsageIntakeIT.record(id, msisdn, "SMS", "1", "NATIONAL")
        .replace("\"source\": \"msc-9\"", "\"source\": \"" + source + "\"");
  }

  /** Polls the batch until it has {@code status} and no redrive waits (at most 60 s). */
  private static Response await(String batchId, String status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Response r = null;
    while (System.nanoTime() < deadline) {
      r = http.get("/usage/batches/" + batchId);
      assertEquals(200, r.status(), r.body());
      if (r.text("status").equals(status) && !r.json().has("redriveRequestedAt")) {
        return r;
      }
      UsageIntakeIT.sleep(200);
    }
    return fail("batch " + batchId + " did not become " + status + " within 60 s: " + r.body());
  }

  private static List<String> statuses(Response r) {
    List<String> statuses = new ArrayList<>();
    r.json()
        .get("records")
        .forEach(rec -> statuses.add(rec.isNull() ? "-" : rec.get("status").asText()));
    return statuses;
  }

  private static List<String> parkedIds(Response page) {
    List<String> ids = new ArrayList<>();
    page.json().get("batches").forEach(b -> ids.add(b.get("batchId").asText()));
    return ids;
  }

  @Test
  void aBatchThatKeepsFailingIsParkedWhileTheNextIsRatedAndRatedOnceRedrivenAfterTheCause() {
    String poisonedBatch =
        "["
            + String.join(
                ",",
                record("k1-a", "msc-9", "+4915200003001"),
                record("k1-p", POISON_SOURCE, "+4915200003001"),
                record("k2-a", "msc-9", "+4915200003002"))
            + "]";
    Response a = http.post("/usage/batches", poisonedBatch);
    assertEquals(202, a.status(), a.body());
    String batchA = a.text("batchId");
    Response b = http.post("/usage/batches", "[" + record("k2-b", "msc-9", "+4915200003002") + "]");
    assertEquals(202, b.status(), b.body());
    String batchB = b.text("batchId");

    Response parked = await(batchA, "parked");
    assertEquals(3, parked.json().get("attempts").asInt(), parked.body());
    assertEquals(RatingFailure.RATING_ERROR, parked.text("reason"));
    assertFalse(parked.text("message").contains(POISON_SOURCE), parked.body());
    assertFalse(parked.text("message").contains("k1-p"), parked.body());
    // the records of the batch that could be rated are, even of the poisoned record's account
    assertEquals(List.of("ACCEPTED", "-", "ACCEPTED"), statuses(parked), parked.body());
    assertEquals(List.of(1), List.of(parked.json().get("parkedRecords").get(0).asInt()));
    assertEquals(1, parked.json().get("pending").asInt());
    assertEquals(2, parked.json().get("accepted").asInt());
    String amountA = parked.json().get("records").get(0).get("amount").asText();
    int callsWhenParked = poisonedCalls.get();
    assertEquals(3, callsWhenParked, "one rating call per attempt, then none");

    // the batch behind it in the same partition is rated
    Response ratedB = UsageIntakeIT.awaitRated(http, batchB);
    assertEquals(List.of("ACCEPTED"), statuses(ratedB), ratedB.body());
    UsageIntakeIT.sleep(1_000);
    assertEquals(callsWhenParked, poisonedCalls.get(), "a parked batch is not retried");

    // ops see it (with the batch of the other test, if it ran first)
    Response list = http.get("/usage/batches/parked");
    assertEquals(200, list.status(), list.body());
    List<String> all = parkedIds(list);
    assertTrue(all.contains(batchA), list.body());
    JsonNode item = list.json().get("batches").get(all.indexOf(batchA));
    assertEquals(RatingFailure.RATING_ERROR, item.get("reason").asText());
    assertEquals(1, item.get("parkedRecords").asInt());
    assertEquals(0, item.get("partition").asInt());
    assertEquals(3, item.get("attempts").asInt());
    // one at a time, page by page, the same batches
    List<String> walked = new ArrayList<>();
    String next = null;
    do {
      Response page =
          http.get("/usage/batches/parked?limit=1" + (next == null ? "" : "&cursor=" + next));
      assertEquals(200, page.status(), page.body());
      assertTrue(parkedIds(page).size() <= 1, page.body());
      walked.addAll(parkedIds(page));
      next = page.json().has("nextCursor") ? page.text("nextCursor") : null;
    } while (next != null && walked.size() <= all.size());
    assertEquals(all, walked);
    assertEquals("invalid_limit", http.get("/usage/batches/parked?limit=0").text("code"));
    assertEquals("invalid_limit", http.get("/usage/batches/parked?limit=x").text("code"));
    Response badCursor = http.get("/usage/batches/parked?cursor=nope");
    assertEquals(400, badCursor.status(), badCursor.body());
    assertEquals("invalid_cursor", badCursor.text("code"));
    assertEquals("cursor", badCursor.text("field"));

    // only a parked batch is redriven
    Response notParked = http.post("/usage/batches/" + batchB + "/redrive", "");
    assertEquals(409, notParked.status(), notParked.body());
    assertEquals("batch_not_parked", notParked.text("code"));
    for (String unknown : List.of(Uuids.timeBased().toString(), "not-a-batch")) {
      Response r = http.post("/usage/batches/" + unknown + "/redrive", "");
      assertEquals(404, r.status(), r.body());
      assertEquals("unknown_batch", r.text("code"));
    }

    // redriven while the cause lasts: received again (idempotently), then parked again
    Response redriven = http.post("/usage/batches/" + batchA + "/redrive", "");
    assertEquals(202, redriven.status(), redriven.body());
    assertEquals("received", redriven.text("status"));
    Response again = http.post("/usage/batches/" + batchA + "/redrive", "");
    assertEquals(202, again.status(), again.body());
    if (again.text("status").equals("received")) {
      assertEquals(redriven.text("redriveRequestedAt"), again.text("redriveRequestedAt"));
    }
    Response parkedAgain = await(batchA, "parked");
    assertEquals(List.of("ACCEPTED", "-", "ACCEPTED"), statuses(parkedAgain), parkedAgain.body());
    assertEquals(amountA, parkedAgain.json().get("records").get(0).get("amount").asText());
    assertEquals(callsWhenParked + 3, poisonedCalls.get(), "only the failed record is retried");

    // the cause gone, a redrive rates it: the kept outcomes stay, each record charged once
    poisoned.set(false);
    assertEquals(202, http.post("/usage/batches/" + batchA + "/redrive", "").status());
    Response rated = await(batchA, "rated");
    assertEquals(List.of("ACCEPTED", "ACCEPTED", "ACCEPTED"), statuses(rated), rated.body());
    assertEquals(amountA, rated.json().get("records").get(0).get("amount").asText());
    BigDecimal k1 = BigDecimal.ZERO;
    for (int i = 0; i < 2; i++) {
      k1 = k1.add(new BigDecimal(rated.json().get("records").get(i).get("amount").asText()));
    }
    assertEquals(0, k1.compareTo(UsageIntakeIT.total(http, "acc-k1")), rated.body());
    assertFalse(parkedIds(http.get("/usage/batches/parked")).contains(batchA));
    Response done = http.post("/usage/batches/" + batchA + "/redrive", "");
    assertEquals(409, done.status(), done.body());
    assertEquals("batch_not_parked", done.text("code"));
  }

  /**
   * A record whose usage event the journal cannot take (a lone surrogate in its id makes the event
   * unserializable), written straight into the intake log as a batch validated before the intake
   * refused such values: it ends, parked (the account does not answer for it; its other record is
   * rated) or rated as rejected where the rating refuses it, and never holds up the next batch.
   */
  @Test
  void aRecordWhoseEventCannotBePersistedNeverHoldsUpThePartition() {
    String poison = "\\ud800x";
    String body =
        "["
            + String.join(
                ",",
                record("k3-a", "msc-9", "+4915200003003"),
                record(poison, "msc-9", "+4915200003003"))
            + "]";
    var batchId = Uuids.timeBased();
    Instant receivedAt = Instant.ofEpochMilli(Uuids.unixTimestamp(batchId));
    log.append(new IntakeLog.Batch(batchId, receivedAt, IntakeService.JSON, body, 2, "[]", null))
        .toCompletableFuture()
        .join();
    Response next =
        http.post("/usage/batches", "[" + record("k3-b", "msc-9", "+4915200003003") + "]");
    assertEquals(202, next.status(), next.body());

    Response ended = awaitEnded(batchId.toString());
    if (ended.text("status").equals("parked")) {
      assertEquals(RatingFailure.ACCOUNT_TIMEOUT, ended.text("reason"), ended.body());
      assertEquals(List.of("ACCEPTED", "-"), statuses(ended), ended.body());
    } else {
      assertEquals(List.of("ACCEPTED", "REJECTED"), statuses(ended), ended.body());
    }
    Response rated = UsageIntakeIT.awaitRated(http, next.text("batchId"));
    assertEquals(List.of("ACCEPTED"), statuses(rated), rated.body());
  }

  private static Response awaitEnded(String batchId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Response r = null;
    while (System.nanoTime() < deadline) {
      r = http.get("/usage/batches/" + batchId);
      assertEquals(200, r.status(), r.body());
      if (Set.of("parked", "rated").contains(r.text("status"))) {
        return r;
      }
      assertTrue(r.text("status").equals("received"), r.body());
      UsageIntakeIT.sleep(200);
    }
    return fail("batch " + batchId + " neither rated nor parked within 90 s: " + r.body());
  }
}
