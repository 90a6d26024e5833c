package com.telco.billing.node.invoice;

import static com.telco.billing.node.billrun.BillingFixtures.activate;
import static com.telco.billing.node.billrun.BillingFixtures.await;
import static com.telco.billing.node.billrun.BillingFixtures.awaitAccountsInReadSide;
import static com.telco.billing.node.billrun.BillingFixtures.cycleDate;
import static com.telco.billing.node.billrun.BillingFixtures.msisdn;
import static com.telco.billing.node.billrun.BillingFixtures.open;
import static com.telco.billing.node.billrun.BillingFixtures.post;
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
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credit notes end to end, through HTTP against the real Cassandra: an invoice issued by a bill run
 * is credited by line; more than a line holds is refused and changes nothing; two credit notes are
 * numbered consecutively in their own series; the credit goes to the invoice's remaining amount;
 * the same Idempotency-Key answers the same credit note; the credit note reads as JSON, HTML and
 * PDF, by number and per invoice, and is in the account's statement.
 */
class CreditNotesApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("credit_notes_api");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final LocalDate CYCLE = cycleDate();
  private static final String ACCOUNT = "cn-1";

  private static EmbeddedNode node;
  private static HttpJson http;
  private static String invoice;

  @BeforeAll
  static void start() {
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                """
                billing.bill-run.auto-start = off
                datastax-java-driver.basic.request.timeout = 10s
                """));
    http = new HttpJson(node.httpUrl());
    int published = post(http, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    open(http, ACCOUNT, CYCLE);
    activate(http, ACCOUNT, "sub-cn-1", msisdn(501), "MOBILE_S", CYCLE);
    awaitAccountsInReadSide(CASSANDRA, KEYSPACE, CYCLE, 1);
    Response started = post(http, "/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    await(
        () -> "COMPLETED".equals(http.get("/bill-runs/" + runId).text("status")),
        WAIT,
        "bill run " + runId);
    JsonNode invoices = http.get("/accounts/" + ACCOUNT + "/invoices").json().get("invoices");
    assertEquals(1, invoices.size(), invoices.toString());
    invoice = invoices.get(0).get("billNo").asText();
    await(() -> http.get("/invoices/" + invoice).status() == 200, WAIT, "invoice register");
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static Response credit(String key, String body) {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(node.httpUrl() + "/invoices/" + invoice + "/credit-notes"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String byAmount(String lineId, BigDecimal amount) {
    return """
        {"reason": "service_outage", "description": "outage",
         "lines": [{"lineId": "%s", "amount": {"unit": "EUR", "value": %s}}]}"""
        .formatted(lineId, amount.toPlainString());
  }

  private static BigDecimal money(JsonNode node, String field) {
    return node.get(field).get("value").decimalValue();
  }

  private static Response get(String path, String accept) {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.httpUrl() + path)).header("Accept", accept).GET());
  }

  @Test
  void creditNotesAreLimitedNumberedAllocatedReplayedAndRendered() {
    JsonNode bill = http.get("/invoices/" + invoice).json();
    JsonNode line = null;
    for (JsonNode l : bill.get("appliedCustomerBillingRate")) {
      if (money(l, "taxExcludedAmount").signum() > 0) {
        line = l;
        break;
      }
    }
    assertTrue(line != null, bill.toString());
    String lineId = line.get("id").asText();
    BigDecimal lineAmount = money(line, "taxExcludedAmount");
    BigDecimal remainingBefore = money(bill, "remainingAmount");
    BigDecimal balanceBefore =
        http.get("/accounts/" + ACCOUNT + "/balance")
            .json()
            .get("balance")
            .get("value")
            .decimalValue();

    // more than the line: refused, nothing changes
    Response over = credit("over", byAmount(lineId, lineAmount.add(new BigDecimal("0.01"))));
    assertEquals(409, over.status(), over.body());
    assertEquals("credit_exceeds_line", over.text("code"));
    Response none = http.get("/invoices/" + invoice + "/credit-notes");
    assertEquals(200, none.status(), none.body());
    assertEquals(0, none.json().get("creditNotes").size());
    assertEquals(
        0,
        remainingBefore.compareTo(
            money(http.get("/invoices/" + invoice).json(), "remainingAmount")));
    // not a line of this invoice
    Response foreign = credit("foreign", byAmount("INV-OTHER-2026-000001-1", BigDecimal.ONE));
    assertEquals(400, foreign.status(), foreign.body());

    // the first credit note: numbered first of its series, allocated to the remaining amount
    Response first = credit("k1", byAmount(lineId, new BigDecimal("1.00")));
    assertEquals(201, first.status(), first.body());
    String number = first.text("id");
    String legalEntity = invoice.substring(4, invoice.length() - "-2026-000001".length());
    String series = "CN-" + legalEntity + "-" + LocalDate.now(ZoneOffset.UTC).getYear() + "-";
    assertEquals(series + "000001", number);
    assertEquals("creditNote", first.text("category"));
    assertEquals(invoice, first.json().get("creditedBill").get("id").asText());
    assertEquals(
        "/credit-notes/" + number, first.raw().headers().firstValue("Location").orElse(""));
    BigDecimal credit = money(first.json(), "taxIncludedAmount").negate();
    assertEquals(
        0, new BigDecimal("1.00").compareTo(money(first.json(), "taxExcludedAmount").negate()));
    assertEquals(0, credit.compareTo(money(first.json(), "allocatedAmount")));
    assertEquals(
        0,
        remainingBefore
            .subtract(credit)
            .compareTo(money(http.get("/invoices/" + invoice).json(), "remainingAmount")));
    assertEquals(
        0,
        balanceBefore
            .subtract(credit)
            .compareTo(
                http.get("/accounts/" + ACCOUNT + "/balance")
                    .json()
                    .get("balance")
                    .get("value")
                    .decimalValue()));

    JsonNode applied = http.get("/invoices/" + invoice).json().get("appliedPayment");
    assertEquals(number, applied.get(0).get("payment").get("id").asText(), applied.toString());
    assertEquals("/credit-notes/" + number, applied.get(0).get("payment").get("href").asText());

    // the same key: the same credit note; another body: refused
    Response replay = credit("k1", byAmount(lineId, new BigDecimal("1.00")));
    assertEquals(201, replay.status(), replay.body());
    assertEquals(number, replay.text("id"));
    assertEquals("true", replay.raw().headers().firstValue("Idempotent-Replayed").orElse(""));
    Response reused = credit("k1", byAmount(lineId, new BigDecimal("2.00")));
    assertEquals(409, reused.status(), reused.body());
    assertEquals("idempotency_key_reused", reused.text("code"));

    // the second: the next number of the series, no gap
    Response second = credit("k2", byAmount(lineId, new BigDecimal("2.00")));
    assertEquals(201, second.status(), second.body());
    assertEquals(series + "000002", second.text("id"));
    JsonNode listed = http.get("/invoices/" + invoice + "/credit-notes").json().get("creditNotes");
    assertEquals(2, listed.size());
    assertEquals(number, listed.get(0).get("id").asText());
    assertEquals(series + "000002", listed.get(1).get("id").asText());

    // what is left of the line, no more
    BigDecimal left = lineAmount.subtract(new BigDecimal("3.00"));
    Response tooMuch = credit("k3", byAmount(lineId, left.add(new BigDecimal("0.01"))));
    assertEquals(409, tooMuch.status(), tooMuch.body());

    // by number (the register follows within seconds), in three formats
    await(() -> http.get("/credit-notes/" + number).status() == 200, WAIT, "credit note register");
    Response json = http.get("/credit-notes/" + number);
    assertEquals(number, json.text("id"));
    Response pdf = get("/credit-notes/" + number, "application/pdf");
    assertEquals(200, pdf.status());
    assertTrue(pdf.body().startsWith("%PDF"), "a PDF");
    Response html = get("/credit-notes/" + number + "?format=html", "*/*");
    assertEquals(200, html.status());
    assertTrue(html.body().contains(number) && html.body().contains(invoice), html.body());
    assertEquals(404, http.get("/credit-notes/" + series + "000099").status());

    // in the audit trail, under the number its answer named
    await(
        () -> {
          Response a = http.get("/audit?resource=" + number);
          return a.status() == 200 && a.json().get("count").asInt() >= 1;
        },
        WAIT,
        "audit entry");
    JsonNode audited = http.get("/audit?resource=" + number).json().get("entries").get(0);
    assertEquals("/invoices/{number}/credit-notes", audited.get("endpoint").asText());
    assertEquals(201, audited.get("status").asInt());
    assertEquals(invoice, audited.get("resourceIds").get("number").asText());

    // in the account's statement
    JsonNode entries = http.get("/accounts/" + ACCOUNT + "/statement").json().get("entries");
    int creditNotes = 0;
    for (JsonNode e : entries) {
      if ("credit_note".equals(e.path("type").asText(e.path("kind").asText()))) {
        creditNotes++;
      }
    }
    assertEquals(2, creditNotes, entries.toString());
  }
}
