package com.telco.billing.node.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.catalog.SampleCatalog;
import com.typesafe.config.ConfigFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bounded, paged suspense endpoints (and the catalog's version list) through HTTP against the
 * real Cassandra: absurd ranges and limits are refused at once and change nothing, pages with the
 * cursor return every record exactly once across several days, a tampered or foreign cursor is
 * refused, a rare reason gives short pages instead of a long scan, and recycling goes a bounded
 * number of records at a time.
 */
class SuspensePagingIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("suspense_paging");
  // a small scan budget, so that a reason matching nothing needs several calls over the records
  private static final com.typesafe.config.Config SETTINGS =
      ConfigFactory.parseString("billing.suspense.max-scanned-rows = 12");
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final FieldError UNGUIDED =
      new FieldError("unguided", "serviceId", "no subscription holds this service");

  private static EmbeddedNode node;
  private static HttpJson http;
  private static SuspenseStore store;

  /** Records held over the last three days plus today's, for the paging tests ("pg-" ids). */
  private static final Set<String> PAGED = new TreeSet<>();

  @BeforeAll
  static void start() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE, SETTINGS);
    http = new HttpJson(node.httpUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    store =
        new SuspenseStore(
            node.system(),
            KEYSPACE,
            BillingSettings.from(node.system().settings().config()).usage().retention());
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (int day = 1; day <= 3; day++) {
      for (int i = 0; i < 8; i++) {
        // same time for two records of a day: the cursor must tell them apart by source and id
        Instant at = NOW.minus(day, ChronoUnit.DAYS).plusSeconds(i / 2);
        String id = "pg-d" + day + "-" + i;
        PAGED.add(id);
        writes.add(hold(id, "+4915109990" + day + i, at).toCompletableFuture());
      }
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 9; i++) {
      String id = "pg-http-" + i;
      PAGED.add(id);
      batch
          .append(i == 0 ? "" : ",")
          .append(
              UsageApiIT.record(
                  id, "+491510888000" + i, "SMS", "1", "event", NOW.minusSeconds(60), "EU"));
    }
    Response held = http.post("/usage", batch.append("]").toString());
    assertEquals(200, held.status(), held.body());
    assertEquals(9, held.json().get("suspended").asInt(), held.body());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static java.util.concurrent.CompletionStage<?> hold(
      String id, String msisdn, Instant at) {
    String record = UsageApiIT.record(id, msisdn, "SMS", "1", "event", at.minusSeconds(5), "EU");
    return store.hold("msc-1", id, msisdn, at.minusSeconds(5), at, UNGUIDED, record);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String lastDays(int days) {
    return "from=" + q(NOW.minus(days, ChronoUnit.DAYS).minusSeconds(60).toString());
  }

  /** Every id of every page of {@code query}, in page order, and the number of pages. */
  private static List<String> allPages(String query, List<Integer> pageSizes) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          http.get("/suspense?" + query + (cursor == null ? "" : "&cursor=" + q(cursor)));
      assertEquals(200, page.status(), page.body());
      JsonNode records = page.json().get("records");
      assertEquals(records.size(), page.json().get("count").asInt());
      records.forEach(r -> ids.add(r.get("id").asText()));
      pageSizes.add(records.size());
      cursor = page.text("nextCursor");
      assertTrue(pageSizes.size() < 50, "paging does not end: " + pageSizes);
    } while (cursor != null);
    return ids;
  }

  private static Set<String> listedNow() {
    return new TreeSet<>(allPages(lastDays(4) + "&limit=1000", new ArrayList<>()));
  }

  private static void assertRefused(Response r, String code, String field, String submitted) {
    assertEquals(400, r.status(), r.body());
    assertEquals(code, r.text("code"), r.body());
    assertEquals(field, r.text("field"), r.body());
    assertNotEchoed(r, submitted);
  }

  private static void assertNotEchoed(Response r, String submitted) {
    assertFalse(r.body().contains(submitted), "the answer repeats the input: " + r.body());
  }

  @Test
  void absurdRangesAndLimitsAreRefusedAtOnceAndChangeNothing() {
    Set<String> before = listedNow();
    assertTrue(before.containsAll(PAGED), before.toString());

    long started = System.nanoTime();
    Response hostile = http.get("/suspense?from=" + q("-999999999-01-01T00:00:00Z"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertRefused(hostile, "out_of_range", "from", "999999999");
    // the bug took minutes and a core; a refusal is a parse and a comparison
    assertTrue(millis < 2_000, "took " + millis + " ms");

    String tooLong =
        "from=" + q(NOW.minus(40, ChronoUnit.DAYS).toString()) + "&to=" + q(NOW.toString());
    assertRefused(http.get("/suspense?" + tooLong), "out_of_range", "to", "40");
    String fortyDaysAgo = NOW.minus(40, ChronoUnit.DAYS).minusSeconds(60).toString();
    assertRefused(http.get("/suspense?" + lastDays(40)), "out_of_range", "to", fortyDaysAgo);
    assertRefused(
        http.get("/suspense?to=" + q("2999-01-01T00:00:00Z")), "out_of_range", "to", "2999");
    assertRefused(
        http.get("/suspense?from=" + q("1970-01-01T00:00:00Z")), "out_of_range", "from", "1970");
    assertRefused(
        http.get("/suspense?from=" + q("+1000000001-01-01T00:00:00Z")),
        "invalid_instant",
        "from",
        "1000000001");
    assertRefused(http.get("/suspense?from="), "invalid_instant", "from", "from=");
    assertRefused(
        http.get("/suspense?from=" + q("٢٠٢٦-12-01T00:00:00Z")), "invalid_instant", "from", "٢٠٢٦");
    assertRefused(
        http.get(
            "/suspense?from=" + q(NOW.toString()) + "&to=" + q(NOW.minusSeconds(1).toString())),
        "invalid_range",
        "to",
        NOW.toString());
    assertRefused(
        http.get("/suspense?limit=1000000000000000000000000000000"),
        "out_of_range",
        "limit",
        "1000000000000000000000000000000");
    assertRefused(http.get("/suspense?limit=1001"), "out_of_range", "limit", "1001");
    assertRefused(http.get("/suspense?limit=0"), "out_of_range", "limit", "limit=0");
    assertRefused(http.get("/suspense?limit=" + q("٣")), "invalid_limit", "limit", "٣");
    assertRefused(http.get("/suspense?limit="), "invalid_limit", "limit", "limit=");
    assertRefused(http.get("/suspense?limit=-5"), "invalid_limit", "limit", "-5");
    assertRefused(
        http.get("/suspense?reason=" + q("x".repeat(500))), "invalid_reason", "reason", "xxxxx");
    Response typo = http.get("/suspense?form=" + q("2026-01-01T00:00:00Z"));
    assertEquals(400, typo.status(), typo.body());
    assertEquals("unknown_parameter", typo.text("code"));
    assertNotEchoed(typo, "form");
    Response twice = http.get("/suspense?limit=5&limit=6");
    assertEquals("duplicate_parameter", twice.text("code"), twice.body());

    Response recycleHostile =
        http.post("/suspense/recycle", "{\"from\": \"-999999999-01-01T00:00:00Z\"}");
    assertRefused(recycleHostile, "out_of_range", "from", "999999999");
    assertRefused(
        http.post("/suspense/recycle", "{\"limit\": 1e30}"), "out_of_range", "limit", "1e30");
    assertRefused(
        http.post("/suspense/recycle", "{\"limit\": 100000000000000000000000000000000000}"),
        "out_of_range",
        "limit",
        "100000000000000000000000000000000000");
    assertRefused(
        http.post("/suspense/recycle", "{\"limit\": 2.5}"), "invalid_limit", "limit", "2.5");
    assertRefused(
        http.post("/suspense/recycle", "{\"cursor\": \"not-a-cursor\"}"),
        "invalid_cursor",
        "cursor",
        "not-a-cursor");

    assertEquals(before, listedNow(), "refused requests changed nothing");
  }

  @Test
  void pagesReturnEveryRecordExactlyOnceAcrossDays() {
    for (String query :
        List.of(lastDays(4) + "&limit=10", lastDays(4) + "&limit=10&reason=unguided")) {
      List<Integer> sizes = new ArrayList<>();
      List<String> ids = allPages(query, sizes);
      assertEquals(new HashSet<>(ids).size(), ids.size(), "an id twice: " + ids);
      assertTrue(new HashSet<>(ids).containsAll(PAGED), "missing: " + ids);
      assertTrue(sizes.size() >= 4, "33 records in pages of 10: " + sizes);
      assertTrue(sizes.stream().allMatch(n -> n <= 10), sizes.toString());
    }
    // by suspension time: the oldest day comes first
    List<String> ids = allPages(lastDays(4) + "&limit=7", new ArrayList<>());
    assertTrue(ids.get(0).startsWith("pg-d3-"), ids.toString());
  }

  @Test
  void aReasonMatchingNothingGivesShortPagesNotALongScan() {
    List<Integer> sizes = new ArrayList<>();
    List<String> ids = allPages(lastDays(4) + "&limit=10&reason=no_price", sizes);
    assertEquals(List.of(), ids);
    // at least 33 rows in range, at most 12 read per call
    assertTrue(sizes.size() >= 3, "calls: " + sizes.size());
  }

  @Test
  void aTamperedForeignOrMismatchedCursorIsRefused() {
    String query = lastDays(4) + "&limit=5";
    Response first = http.get("/suspense?" + query);
    String cursor = first.text("nextCursor");
    assertTrue(cursor != null && cursor.length() > 10, first.body());
    int middle = cursor.length() / 2;
    String tampered =
        cursor.substring(0, middle)
            + (cursor.charAt(middle) == 'A' ? 'B' : 'A')
            + cursor.substring(middle + 1);
    assertRefused(
        http.get("/suspense?" + query + "&cursor=" + q(tampered)),
        "invalid_cursor",
        "cursor",
        tampered);
    assertRefused(
        http.get("/suspense?cursor=" + q(cursor.substring(0, cursor.length() - 4))),
        "invalid_cursor",
        "cursor",
        cursor.substring(0, cursor.length() - 4));
    assertRefused(http.get("/suspense?cursor="), "invalid_cursor", "cursor", "cursor=");
    // the cursor carries its range: another range sent along with it is refused, not mixed in
    assertRefused(
        http.get("/suspense?" + lastDays(2) + "&cursor=" + q(cursor)),
        "invalid_cursor",
        "cursor",
        cursor);
    // a list cursor does not drive the recycling, nor another list
    assertRefused(
        http.post("/suspense/recycle", "{\"cursor\": \"" + cursor + "\"}"),
        "invalid_cursor",
        "cursor",
        cursor);
    assertRefused(
        http.get("/catalog/versions?cursor=" + q(cursor)), "invalid_cursor", "cursor", cursor);
    // a well-formed cursor made by hand (the format is not secret) over 40 days, or from year
    // -999999999, is held to the range rules again: it cannot escape the cap
    for (Instant from : List.of(NOW.minus(40, ChronoUnit.DAYS), Instant.MIN)) {
      String forged =
          PageCursor.encode(
              "suspense",
              List.of(
                  from.toString(), NOW.toString(), "", NOW.minusSeconds(1).toString(), "a", "b"));
      assertRefused(http.get("/suspense?cursor=" + q(forged)), "invalid_cursor", "cursor", forged);
    }
    // the same cursor, unchanged, with or without the query it came from, is fine
    Response second = http.get("/suspense?" + query + "&cursor=" + q(cursor));
    assertEquals(200, second.status(), second.body());
    assertEquals(
        second.json(),
        http.get("/suspense?limit=5&cursor=" + q(cursor)).json(),
        "the cursor alone continues the same query");
  }

  @Test
  void recyclingGoesABoundedNumberAtATime() {
    // 25 records held 9 and 10 days ago, away from the other tests' range
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Instant at = NOW.minus(9 + i % 2, ChronoUnit.DAYS).plusMillis(i);
      writes.add(hold("rc-" + i, "+4915107770" + i, at).toCompletableFuture());
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    String range =
        "\"from\": \""
            + NOW.minus(11, ChronoUnit.DAYS)
            + "\", \"to\": \""
            + NOW.minus(8, ChronoUnit.DAYS)
            + "\"";
    List<Integer> received = new ArrayList<>();
    String cursor = null;
    do {
      String body =
          "{"
              + range
              + ", \"limit\": 10"
              + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"")
              + "}";
      Response r = http.post("/suspense/recycle", body);
      assertEquals(200, r.status(), r.body());
      received.add(r.json().get("received").asInt());
      assertEquals(r.json().get("records").size(), r.json().get("received").asInt());
      cursor = r.text("nextCursor");
      assertTrue(received.size() < 10, received.toString());
    } while (cursor != null);
    assertEquals(25, received.stream().mapToInt(Integer::intValue).sum(), received.toString());
    assertTrue(received.stream().allMatch(n -> n <= 10), received.toString());
    Response left =
        http.get(
            "/suspense?from="
                + q(NOW.minus(11, ChronoUnit.DAYS).toString())
                + "&to="
                + q(NOW.minus(8, ChronoUnit.DAYS).toString()));
    assertEquals(0, left.json().get("count").asInt(), left.body());
    assertNull(left.text("nextCursor"), left.body());
  }

  @Test
  void catalogVersionsPageWithTheCursorToo() {
    for (int month = 1; month <= 5; month++) {
      String version = "2027-0" + month;
      Response r =
          http.post(
              "/catalog/versions", SampleCatalog.json(version, "2027-0" + month + "-01T00:00:00Z"));
      assertTrue(r.status() == 201 || r.status() == 200, r.body());
    }
    List<String> versions = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          http.get("/catalog/versions?limit=2" + (cursor == null ? "" : "&cursor=" + q(cursor)));
      assertEquals(200, page.status(), page.body());
      page.json().get("versions").forEach(v -> versions.add(v.get("version").asText()));
      sizes.add(page.json().get("versions").size());
      cursor = page.text("nextCursor");
      assertTrue(sizes.size() < 10, sizes.toString());
    } while (cursor != null);
    assertEquals(
        List.of("2026-01", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"), versions);
    assertEquals(List.of(2, 2, 2), sizes);
    assertRefused(
        http.get("/catalog/versions?limit=1000000000000"),
        "out_of_range",
        "limit",
        "1000000000000");
    assertRefused(http.get("/bill-runs?limit=" + q("١٠")), "invalid_limit", "limit", "١٠");
    assertRefused(http.get("/bill-runs?cursor=xyz"), "invalid_cursor", "cursor", "xyz");
    assertRefused(
        http.get("/accounts/nobody/invoices?limit=101"), "out_of_range", "limit", "limit=101");
    Response runs = http.get("/bill-runs?limit=100");
    assertEquals(200, runs.status(), runs.body());
    assertNull(runs.text("nextCursor"), runs.body());
  }
}
