package com.telco.billing.node.billrun;

import static com.telco.billing.node.billrun.CorrectionsApiIT.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.time.ShiftedClock;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-rating end to end (docs/rerating.md), through HTTP against the real Cassandra: SMS rated at
 * the price list's 0.09 EUR / 0.045 BHD, one period invoiced, then a correction version lowers the
 * price of the past weeks to 0.05 EUR / 0.0215 BHD and a job rates the accounts again. The invoiced
 * period's difference becomes an adjustment line naming the records and both versions, the open
 * period's usage is billed at the new price, every figure computed here; the job reports what it
 * did, a failing account is listed, a replay answers the job, and a second job changes nothing.
 */
class ReratingApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("rerating_api");
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** Yesterday (or the 28th): the first bill run closes the period ending on it. */
  private static final LocalDate CYCLE = BillingFixtures.cycleDate();

  private static final LocalDate OPENED = CYCLE.minusMonths(1);
  private static final String EUR_ACCOUNT = "rr-eur";
  private static final String BHD_ACCOUNT = "rr-bhd";

  static final String CATALOG =
      """
      {"version": "rr-1", "effectiveFrom": "2020-01-01T00:00:00Z",
       "currencies": ["EUR", "BHD"],
       "usageTypes": [{"id": "SMS", "unitOfMeasure": "EVENT"}],
       "taxRates": [
         {"jurisdiction": "DE", "taxCategory": "STANDARD", "rate": 0.19, "validFrom": "2019-01-01"},
         {"jurisdiction": "BH", "taxCategory": "STANDARD", "rate": 0.10, "validFrom": "2019-01-01"}
       ],
       "productOfferings": [
         {"id": "TEXT", "name": "Text plan", "chargeWhileSuspended": false,
          "prices": [
            {"id": "TEXT_MONTHLY", "name": "Text plan monthly fee", "priceType": "recurring",
             "price": {"EUR": 10.00, "BHD": 4.000},
             "taxCategory": "STANDARD", "glCode": "4000-SUBSCRIPTIONS"},
            {"id": "TEXT_SMS", "name": "Text messages", "priceType": "usage", "usageType": "SMS",
             "increment": 1, "unitSize": 1,
             "rates": [{"tiers": [{"from": 0, "price": {"EUR": %s, "BHD": %s}}]}],
             "taxCategory": "STANDARD", "glCode": "4200-MESSAGING"}
          ]}
       ]%s}
      """;

  private static Path offsetFile;
  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void start() throws IOException {
    offsetFile = Files.createTempDirectory("rerating-api-clock").resolve("offset");
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                """
                billing.clock.offset-file = "%s"
                billing.bill-run.auto-start = off
                billing.rerating { tick-interval = 1s, retry-delay = 200ms }
                """
                    .formatted(offsetFile.toString().replace("\\", "/"))));
    http = new HttpJson(node.httpUrl());
    Response published =
        BillingFixtures.post(http, "/catalog/versions", CATALOG.formatted("0.09", "0.045", ""));
    assertTrue(published.status() == 201 || published.status() == 200, published.body());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static String sms(String id, String msisdn, String at) {
    return """
        {"id": "%s", "source": "smsc-1", "serviceId": "%s", "usageType": "SMS",
         "usageDate": "%s", "quantity": 1, "unit": "event"}"""
        .formatted(id, msisdn, at);
  }

  private static void sendUsage(String... records) {
    Response usage = BillingFixtures.post(http, "/usage", "[" + String.join(",", records) + "]");
    assertEquals(200, usage.status(), usage.body());
    assertEquals(records.length, usage.json().get("accepted").asInt(), usage.body());
  }

  private static Response keyed(String key, String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.httpUrl() + "/rerating-jobs"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode awaitJob(String id) {
    JsonNode[] last = new JsonNode[1];
    BillingFixtures.await(
        () -> {
          Response r = http.get("/rerating-jobs/" + id);
          assertEquals(200, r.status(), r.body());
          last[0] = r.json();
          return r.text("status").equals("completed");
        },
        WAIT,
        "re-rating job " + id);
    return last[0];
  }

  /** Runs the bill run of {@code cycle}; answers each account's invoice of that cycle date. */
  private static List<JsonNode> billRun(LocalDate cycle) {
    Response started = http.post("/bill-runs", "{\"cycleDate\": \"" + cycle + "\"}");
    assertEquals(202, started.status(), started.body());
    JsonNode run = CorrectionsApiIT.runToCompletionOn(http, started.text("runId"));
    assertEquals(2, run.get("invoiced").asLong(), run.toString());
    List<JsonNode> invoices = new ArrayList<>();
    for (String account : List.of(EUR_ACCOUNT, BHD_ACCOUNT)) {
      for (JsonNode invoice :
          http.get("/accounts/" + account + "/invoices").json().get("invoices")) {
        if (invoice.get("billDate").asText().startsWith(cycle.toString())) {
          invoices.add(invoice);
        }
      }
    }
    assertEquals(2, invoices.size(), invoices.toString());
    return invoices;
  }

  private static JsonNode linesOf(JsonNode invoice, String type) {
    List<JsonNode> lines = new ArrayList<>();
    invoice
        .get("appliedCustomerBillingRate")
        .forEach(
            l -> {
              if (l.get("type").asText().equals(type)) {
                lines.add(l);
              }
            });
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(lines);
  }

  private static BigDecimal amount(JsonNode line) {
    return line.get("taxExcludedAmount").get("value").decimalValue();
  }

  private static void moveTo(LocalDate day) {
    long offset = day.toEpochDay() - LocalDate.now(ZoneOffset.UTC).toEpochDay();
    ShiftedClock.writeOffset(offsetFile, Duration.ofDays(offset));
    try {
      Thread.sleep(400); // the node reads the file again every 100 ms
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void invoicedPeriodsGetAdjustmentLinesOpenPeriodsTheNewPriceAndASecondRunChangesNothing() {
    String eurMsisdn = BillingFixtures.msisdn(501);
    String bhdMsisdn = BillingFixtures.msisdn(502);
    BillingFixtures.openAccount(http, EUR_ACCOUNT, "EUR", CYCLE, "UTC", "DE");
    BillingFixtures.openAccount(http, BHD_ACCOUNT, "BHD", CYCLE, "Asia/Bahrain", "BH");
    BillingFixtures.activateOn(http, EUR_ACCOUNT, "sub-eur", eurMsisdn, "TEXT", OPENED);
    BillingFixtures.activateOn(http, BHD_ACCOUNT, "sub-bhd", bhdMsisdn, "TEXT", OPENED);
    String d1 = CYCLE.minusDays(10) + "T10:00:00Z";
    String d2 = CYCLE.minusDays(9) + "T10:00:00Z";
    sendUsage(
        sms("s1", eurMsisdn, d1),
        sms("s2", eurMsisdn, d2),
        sms("s1", bhdMsisdn, d1),
        sms("s2", bhdMsisdn, d2));
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, CYCLE, 2);

    // the period ending on the cycle date is invoiced at the price list's prices
    for (JsonNode invoice : billRun(CYCLE)) {
      JsonNode usage = linesOf(invoice, "usage");
      assertEquals(1, usage.size(), invoice.toString());
      boolean eur = invoice.toString().contains(EUR_ACCOUNT);
      assertEquals(
          0, dec(eur ? "0.18" : "0.090").compareTo(amount(usage.get(0))), usage.toString());
    }
    // one more message each in the open period
    String d3 = CYCLE + "T12:00:00Z";
    sendUsage(sms("s3", eurMsisdn, d3), sms("s3", bhdMsisdn, d3));

    // the correction: the price list of the last weeks was wrong
    String from = OPENED + "T00:00:00Z";
    String until = CYCLE.plusDays(1) + "T00:00:00Z";
    String correction =
        CATALOG
            .formatted(
                "0.05",
                "0.0215",
                ",\n \"correction\": {\"effectiveUntil\": \""
                    + until
                    + "\", \"reason\": \"SMS price list\"}")
            .replace(
                "\"version\": \"rr-1\", \"effectiveFrom\": \"2020-01-01T00:00:00Z\"",
                "\"version\": \"rr-1-fix\", \"effectiveFrom\": \"" + from + "\"");
    Response corrected = BillingFixtures.post(http, "/catalog/versions", correction);
    assertEquals(201, corrected.status(), corrected.body());
    JsonNode version = http.get("/catalog/versions/rr-1-fix").json();
    assertEquals(
        until, version.get("correction").get("effectiveUntil").asText().replace(".000", ""));

    String job =
        """
        {"accounts": ["%s", "%s", "rr-nobody"], "from": "%s", "to": "%s",
         "reason": "SMS price list corrected"}"""
            .formatted(EUR_ACCOUNT, BHD_ACCOUNT, from, until);
    // refusals first: they start nothing
    assertEquals(400, http.post("/rerating-jobs", job).status(), "no Idempotency-Key");
    Response backwards = keyed("rr-bad", job.replace(from, "2099-01-01T00:00:00Z"));
    assertEquals(400, backwards.status(), backwards.body());
    assertTrue(backwards.body().contains("invalid_range"), backwards.body());
    assertEquals(
        403,
        HttpJson.withRoles(node.httpUrl(), "collections").post("/rerating-jobs", job).status());

    Response started = keyed("rr-job-1", job);
    assertEquals(202, started.status(), started.body());
    String jobId = started.text("id");
    JsonNode done = awaitJob(jobId);
    JsonNode p = done.get("progress");
    assertEquals(3, p.get("accountsTotal").asInt(), done.toString());
    assertEquals(3, p.get("accountsDone").asInt(), done.toString());
    assertEquals(6, p.get("recordsSelected").asInt(), done.toString());
    assertEquals(6, p.get("recordsChanged").asInt(), done.toString());
    assertEquals(2, p.get("adjustmentLines").asInt(), done.toString());
    // invoiced: 2 x (0.05 - 0.09) = -0.08 EUR; 2 x (0.0215 - 0.045) = -0.047 BHD
    assertEquals(0, dec("-0.08").compareTo(p.get("adjusted").get("EUR").decimalValue()));
    assertEquals(0, dec("-0.047").compareTo(p.get("adjusted").get("BHD").decimalValue()));
    // open: 0.05 - 0.09 = -0.04 EUR; 0.0215 - 0.045 = -0.0235 BHD
    assertEquals(0, dec("-0.04").compareTo(p.get("openDifference").get("EUR").decimalValue()));
    assertEquals(0, dec("-0.0235").compareTo(p.get("openDifference").get("BHD").decimalValue()));
    assertEquals("account_not_found", p.get("failures").get("rr-nobody").asText(), done.toString());

    // a replay answers the job; the same key with another body is refused
    Response replay = keyed("rr-job-1", job);
    assertEquals(200, replay.status(), replay.body());
    assertEquals("true", replay.raw().headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(jobId, replay.text("id"));
    Response reused = keyed("rr-job-1", job.replace("SMS price list corrected", "other"));
    assertEquals(409, reused.status(), reused.body());

    // a second job over the same range changes nothing
    Response again = keyed("rr-job-2", job);
    assertEquals(202, again.status(), again.body());
    JsonNode second = awaitJob(again.text("id")).get("progress");
    assertEquals(6, second.get("recordsSelected").asInt(), second.toString());
    assertEquals(0, second.get("recordsChanged").asInt(), second.toString());
    assertEquals(0, second.get("adjustmentLines").asInt(), second.toString());
    JsonNode listed = http.get("/rerating-jobs").json().get("jobs");
    assertEquals(again.text("id"), listed.get(0).get("id").asText(), "newest first");

    // the adjustment is a pending charge of each account, once
    LocalDate eurDay = chargedOn(EUR_ACCOUNT, "-0.08");
    LocalDate bhdDay = chargedOn(BHD_ACCOUNT, "-0.047");

    // the next invoice: the open period at the new price, the adjustment of the invoiced one
    LocalDate next = CYCLE.plusMonths(1);
    moveTo(next.plusDays(1));
    for (JsonNode invoice : billRun(next)) {
      boolean eur = invoice.toString().contains(EUR_ACCOUNT);
      CorrectionsApiIT.Expected e = new CorrectionsApiIT.Expected(eur ? 2 : 3);
      e.line(
          "recurring",
          false,
          next,
          next.plusMonths(1),
          dec(eur ? "10.00" : "4.000"),
          "STANDARD",
          null);
      e.line("usage", false, CYCLE, next, dec(eur ? "0.05" : "0.0215"), "STANDARD", null);
      LocalDate day = eur ? eurDay : bhdDay;
      e.line(
          "adjustment",
          false,
          day,
          day.plusDays(1),
          dec(eur ? "-0.08" : "-0.047"),
          "STANDARD",
          null);
      e.rate(eur ? "DE" : "BH", eur ? "0.19" : "0.10", "STANDARD");
      e.assertInvoice(invoice);
      String description = linesOf(invoice, "adjustment").get(0).get("description").asText();
      assertEquals(
          "Re-rating of ["
              + OPENED
              + ", "
              + CYCLE
              + "): SMS of subscription sub-"
              + (eur ? "eur" : "bhd")
              + ", catalog rr-1 -> rr-1-fix (job "
              + jobId
              + "; 2 records: s1, s2)",
          description);
    }
  }

  /** The account's one re-rating charge, of {@code amount}: the day it was charged. */
  private static LocalDate chargedOn(String account, String amount) {
    List<JsonNode> rerating = new ArrayList<>();
    http.get("/accounts/" + account + "/charges")
        .json()
        .get("charges")
        .forEach(
            c -> {
              if (c.get("id").asText().startsWith("RR-")) {
                rerating.add(c);
              }
            });
    assertEquals(1, rerating.size(), rerating.toString());
    assertEquals(
        0, dec(amount).compareTo(rerating.get(0).get("amount").get("value").decimalValue()));
    assertEquals("pending", rerating.get(0).get("status").asText());
    return LocalDate.parse(rerating.get(0).get("chargedOn").asText());
  }
}
