package com.telco.billing.node.adjustment;

import static com.telco.billing.node.billrun.BillingFixtures.activate;
import static com.telco.billing.node.billrun.BillingFixtures.await;
import static com.telco.billing.node.billrun.BillingFixtures.awaitAccountsInReadSide;
import static com.telco.billing.node.billrun.BillingFixtures.msisdn;
import static com.telco.billing.node.billrun.BillingFixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Adjustments end to end (docs/adjustments.md), through HTTP against the real Cassandra, with a
 * clock the test moves (the node's TEST-ONLY offset file): a one-off charge billed on the next
 * invoice as an adjustment line with its tax and GL code; a dispute that takes an account out of
 * dunning and whose release brings it back; a write-off that settles the invoice, shows in the
 * statement and ends dunning; refusals (bad amounts, unknown invoice, over-dispute, a reused key)
 * that change nothing; idempotent replays.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdjustmentsApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("adjustments_api");
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** Yesterday (or the 28th): the invoices are due on it, so today is day 1 past due. */
  private static final LocalDate CYCLE = cycleDate();

  private static final String CHARGED = "adj-charge";
  private static final String DISPUTED = "adj-dispute";
  private static final String WRITTEN_OFF = "adj-writeoff";
  private static final List<String> ACCOUNTS = List.of(CHARGED, DISPUTED, WRITTEN_OFF);
  private static final String CHARGE =
      """
      {"amount": {"unit": "EUR", "value": %s}, "description": "Replacement SIM card",
       "taxCategory": "%s", "glCode": "4310-SIM-REPLACEMENT"}""";

  private static Path offsetFile;
  private static EmbeddedNode node;
  private static HttpJson http;
  private static final Map<String, String> invoiceOf = new HashMap<>();
  private static String chargeId;

  @BeforeAll
  static void start() throws IOException {
    offsetFile = Files.createTempDirectory("adjustments-api-clock").resolve("offset");
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                """
                billing.clock.offset-file = "%s"
                billing.dunning.driver.interval = 1s
                billing.bill-run.auto-start = off
                datastax-java-driver.basic.request.timeout = 10s
                """
                    .formatted(offsetFile.toString().replace("\\", "/"))));
    http = new HttpJson(node.httpUrl());
    int published = post(http, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    Response policy =
        post(
            http,
            "/dunning-policies",
            Files.readString(Path.of("..", "samples", "dunning-policy.json")));
    assertTrue(policy.status() == 201 || policy.status() == 200, policy.body());
    for (int i = 0; i < ACCOUNTS.size(); i++) {
      String id = ACCOUNTS.get(i);
      Response opened =
          post(
              http,
              "/accounts",
              """
              {"id": "%s", "name": "Customer %s", "currency": "EUR", "billCycleDay": %d,
               "timeZone": "UTC", "taxJurisdiction": "DE", "paymentTermsDays": 0}"""
                  .formatted(id, id, CYCLE.getDayOfMonth()));
      assertTrue(opened.status() == 201 || opened.status() == 200, opened.body());
      activate(http, id, "sub-" + id, msisdn(960 + i), "MOBILE_S", CYCLE);
    }

    // the charge, before the bill run that bills it; its replay and the refusals change nothing
    Response charged =
        keyed("/accounts/" + CHARGED + "/charges", "ch-1", CHARGE.formatted("12.50", "STANDARD"));
    assertEquals(201, charged.status(), charged.body());
    assertEquals("pending", charged.text("status"));
    chargeId = charged.text("id");
    Response replay =
        keyed("/accounts/" + CHARGED + "/charges", "ch-1", CHARGE.formatted("12.50", "STANDARD"));
    assertEquals(201, replay.status(), replay.body());
    assertEquals("true", replay.raw().headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(chargeId, replay.text("id"));
    refused(
        409,
        "idempotency_key_reused",
        keyed("/accounts/" + CHARGED + "/charges", "ch-1", CHARGE.formatted("13.00", "STANDARD")));
    refused(
        400,
        "amount_precision",
        keyed("/accounts/" + CHARGED + "/charges", "ch-2", CHARGE.formatted("12.505", "STANDARD")));
    refused(
        400,
        "amount_not_positive",
        keyed("/accounts/" + CHARGED + "/charges", "ch-2", CHARGE.formatted("-1.00", "STANDARD")));
    refused(
        400,
        "unknown_tax_category",
        keyed(
            "/accounts/" + CHARGED + "/charges", "ch-2", CHARGE.formatted("12.50", "NO_SUCH_TAX")));
    refused(
        400,
        "idempotency_key_required",
        http.post("/accounts/" + CHARGED + "/charges", CHARGE.formatted("12.50", "STANDARD")));
    refused(
        403,
        "forbidden",
        HttpJson.withRoles(node.httpUrl(), "collections")
            .post("/accounts/" + CHARGED + "/charges", CHARGE.formatted("12.50", "STANDARD")));
    JsonNode charges = http.get("/accounts/" + CHARGED + "/charges").json().get("charges");
    assertEquals(1, charges.size(), charges.toString());

    awaitAccountsInReadSide(CASSANDRA, KEYSPACE, CYCLE, ACCOUNTS.size());
    Response started = post(http, "/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    await(
        () -> "COMPLETED".equals(http.get("/bill-runs/" + runId).text("status")),
        WAIT,
        "bill run " + runId);
    for (String id : ACCOUNTS) {
      JsonNode invoices = http.get("/accounts/" + id + "/invoices").json().get("invoices");
      assertEquals(1, invoices.size(), id + ": " + invoices);
      String number = invoices.get(0).get("billNo").asText();
      invoiceOf.put(id, number);
      // the invoice register is a read side: disputes and write-offs find the invoice through it
      await(() -> http.get("/invoices/" + number).status() == 200, WAIT, number);
    }
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void theChargeIsBilledOnTheNextInvoiceAsAnAdjustmentLineWithItsTaxAndGlCode() {
    JsonNode invoice = http.get("/invoices/" + invoiceOf.get(CHARGED)).json();
    List<JsonNode> adjustments = new ArrayList<>();
    invoice
        .get("appliedCustomerBillingRate")
        .forEach(
            line -> {
              if ("adjustment".equals(line.get("type").asText())) {
                adjustments.add(line);
              }
            });
    assertEquals(1, adjustments.size(), invoice.toString());
    JsonNode line = adjustments.get(0);
    assertEquals(chargeId, line.get("chargeId").asText());
    assertEquals("STANDARD", line.get("taxCategory").asText());
    assertEquals("Replacement SIM card", line.get("description").asText());
    assertEquals(
        0,
        new BigDecimal("12.50")
            .compareTo(line.get("taxExcludedAmount").get("value").decimalValue()));
    // the STANDARD rate of DE (19 %) applies to it with the subscription's lines
    boolean taxed = false;
    for (JsonNode item : invoice.get("taxItem")) {
      taxed |= item.get("taxCategory").toString().contains("STANDARD");
    }
    assertTrue(taxed, invoice.get("taxItem").toString());

    JsonNode charges = http.get("/accounts/" + CHARGED + "/charges").json().get("charges");
    assertEquals(1, charges.size(), charges.toString());
    assertEquals("billed", charges.get(0).get("status").asText());
    assertEquals(invoiceOf.get(CHARGED), charges.get(0).get("invoiceNumber").asText());
    assertEquals("4310-SIM-REPLACEMENT", charges.get(0).get("glCode").asText());
  }

  @Test
  @Order(2)
  void aDisputeTakesTheAccountOutOfDunning() {
    moveTo(3);
    awaitStatus(DISPUTED, "in_dunning");
    awaitStatus(WRITTEN_OFF, "in_dunning");
    String number = invoiceOf.get(DISPUTED);
    BigDecimal total = total(number);
    String disputes = "/invoices/" + number + "/disputes";

    refused(
        409,
        "dispute_exceeds_remaining",
        keyed(disputes, "d-0", dispute(total.add(BigDecimal.ONE))));
    refused(400, "amount_precision", keyed(disputes, "d-0", dispute(new BigDecimal("1.001"))));
    refused(
        404,
        "invoice_not_found",
        keyed("/invoices/INV-NONE-1/disputes", "d-0", dispute(BigDecimal.ONE)));
    assertEquals(0, http.get(disputes).json().get("disputes").size());

    // all but 4.00 on hold: the overdue amount falls below the policy's minimum of 5.00
    BigDecimal disputed = total.subtract(new BigDecimal("4.00"));
    Response opened = keyed(disputes, "d-1", dispute(disputed));
    assertEquals(201, opened.status(), opened.body());
    assertEquals("open", opened.text("status"));
    Response replay = keyed(disputes, "d-1", dispute(disputed));
    assertEquals(201, replay.status(), replay.body());
    assertEquals("true", replay.raw().headers().firstValue("Idempotent-Replayed").orElse(null));
    refused(
        409, "dispute_exceeds_remaining", keyed(disputes, "d-2", dispute(new BigDecimal("4.01"))));

    JsonNode dunning = http.get("/accounts/" + DISPUTED + "/dunning").json();
    assertEquals("normal", dunning.get("status").asText(), dunning.toString());
    JsonNode list = http.get(disputes).json();
    assertEquals(1, list.get("disputes").size(), list.toString());
    assertEquals(0, disputed.compareTo(list.get("onHold").get("value").decimalValue()));
    assertEquals(0, total.compareTo(list.get("remaining").get("value").decimalValue()));
    JsonNode invoice = http.get("/invoices/" + number).json();
    assertEquals("onHold", invoice.get("state").asText(), invoice.toString());
    assertEquals(0, disputed.compareTo(invoice.get("onHoldAmount").get("value").decimalValue()));
  }

  @Test
  @Order(3)
  void itsReleaseBringsTheAccountBackIntoDunning() {
    moveTo(11);
    String number = invoiceOf.get(DISPUTED);
    String disputeId =
        http.get("/invoices/" + number + "/disputes")
            .json()
            .get("disputes")
            .get(0)
            .get("id")
            .asText();
    String resolve = "/invoices/" + number + "/disputes/" + disputeId + "/resolve";
    refused(400, "invalid_value", http.post(resolve, "{\"outcome\": \"forget\"}"));
    Response released = http.post(resolve, "{\"outcome\": \"release\", \"note\": \"used\"}");
    assertEquals(200, released.status(), released.body());
    assertEquals("released", released.text("status"));
    refused(400, "required", http.post(resolve, "{\"outcome\": \"credit\"}"));
    // a credit note without lines is refused before anything happens, its field named inside it
    refused(
        400,
        "required",
        http.post(
            resolve,
            "{\"outcome\": \"credit\", \"creditNote\": {\"reason\": \"other\", \"lines\": []}}"));
    assertTrue(
        http.post(
                resolve,
                "{\"outcome\": \"credit\", \"creditNote\": {\"reason\": \"other\", \"lines\": []}}")
            .body()
            .contains("creditNote.lines"));
    refused(
        409,
        "dispute_resolved",
        http.post(
            resolve,
            ("{\"outcome\": \"credit\", \"creditNote\": {\"reason\": \"other\","
                    + " \"lines\": [{\"lineId\": \"%s-1\"}]}}")
                .formatted(number)));
    JsonNode invoice = http.get("/invoices/" + number).json();
    assertEquals("sent", invoice.get("state").asText(), invoice.toString());
    assertTrue(invoice.path("onHoldAmount").isMissingNode(), invoice.toString());
    // a new episode starts at its first step; the days reached fire together
    await(
        () -> steps(DISPUTED).equals(List.of("reminder-1", "reminder-2")),
        WAIT,
        DISPUTED + " back in dunning");
  }

  @Test
  @Order(4)
  void aWriteOffSettlesTheInvoiceIsInTheStatementAndEndsDunning() {
    String number = invoiceOf.get(WRITTEN_OFF);
    BigDecimal total = total(number);
    String path = "/invoices/" + number + "/write-off";
    String body = "{\"reason\": \"customer insolvent\"}";
    refused(400, "idempotency_key_required", http.post(path, body));
    refused(404, "invoice_not_found", keyed("/invoices/INV-NONE-1/write-off", "wo-1", body));
    refused(403, "forbidden", HttpJson.withRoles(node.httpUrl(), "collections").post(path, body));
    assertEquals("in_dunning", http.get("/accounts/" + WRITTEN_OFF + "/dunning").text("status"));

    Response written = keyed(path, "wo-1", body);
    assertEquals(201, written.status(), written.body());
    assertEquals(0, total.compareTo(written.json().get("amount").get("value").decimalValue()));
    Response replay = keyed(path, "wo-1", body);
    assertEquals(201, replay.status(), replay.body());
    assertEquals("true", replay.raw().headers().firstValue("Idempotent-Replayed").orElse(null));
    refused(409, "idempotency_key_reused", keyed(path, "wo-1", "{\"reason\": \"other\"}"));
    refused(409, "invoice_not_open", keyed(path, "wo-2", body));

    JsonNode invoice = http.get("/invoices/" + number).json();
    assertEquals("settled", invoice.get("state").asText(), invoice.toString());
    assertEquals(
        0, BigDecimal.ZERO.compareTo(invoice.get("remainingAmount").get("value").decimalValue()));
    assertEquals("normal", http.get("/accounts/" + WRITTEN_OFF + "/dunning").text("status"));
    JsonNode statement = http.get("/accounts/" + WRITTEN_OFF + "/statement?format=json").json();
    JsonNode entries = statement.get("entries");
    JsonNode last = entries.get(entries.size() - 1);
    assertEquals("write_off", last.get("type").asText(), statement.toString());
    assertEquals(0, total.negate().compareTo(last.get("amount").get("value").decimalValue()));
    assertEquals(
        0, BigDecimal.ZERO.compareTo(statement.get("closingBalance").get("value").decimalValue()));
  }

  @Test
  @Order(5)
  void aDisputeResolvedWithCreditIssuesTheCreditNoteAndItsHoldEnds() {
    String number = invoiceOf.get(DISPUTED);
    JsonNode invoice = http.get("/invoices/" + number).json();
    JsonNode fee = null;
    for (JsonNode line : invoice.get("appliedCustomerBillingRate")) {
      if (line.get("type").asText().equals("oneTime")) {
        fee = line;
      }
    }
    assertTrue(fee != null, invoice.toString());
    // the activation fee and its 19 % tax: 19.99 + HALF_UP(19.99 * 0.19) = 19.99 + 3.80
    BigDecimal net = fee.get("taxExcludedAmount").get("value").decimalValue();
    assertEquals(0, new BigDecimal("19.99").compareTo(net), fee.toString());
    BigDecimal gross = new BigDecimal("23.79");
    BigDecimal before = invoice.get("remainingAmount").get("value").decimalValue();
    String disputes = "/invoices/" + number + "/disputes";
    Response opened = keyed(disputes, "d-fee", dispute(gross));
    assertEquals(201, opened.status(), opened.body());
    String resolve = "/invoices/" + number + "/disputes/" + opened.text("id") + "/resolve";
    String credit =
        """
        {"outcome": "credit", "note": "activation fee waived",
         "creditNote": {"reason": "order_cancellation", "lines": [{"lineId": "%s"}]}}"""
            .formatted(fee.get("id").asText());
    refused(
        400,
        "invalid_value",
        http.post(
            resolve,
            "{\"outcome\": \"release\", \"creditNote\": {\"reason\": \"other\", \"lines\": []}}"));

    Response upheld = http.post(resolve, credit);
    assertEquals(200, upheld.status(), upheld.body());
    assertEquals("upheld", upheld.text("status"));
    String creditNote = upheld.text("creditNoteNumber");
    assertTrue(creditNote.startsWith("CN-"), upheld.body());
    // the credit note register is a read side
    await(() -> http.get("/credit-notes/" + creditNote).status() == 200, WAIT, creditNote);
    JsonNode note = http.get("/credit-notes/" + creditNote).json();
    assertEquals(number, note.get("creditedBill").get("id").asText(), note.toString());
    assertEquals(
        0, gross.negate().compareTo(note.get("taxIncludedAmount").get("value").decimalValue()));
    // the same request again: the same dispute and credit note, nothing issued twice
    Response again = http.post(resolve, credit);
    assertEquals(200, again.status(), again.body());
    assertEquals(creditNote, again.text("creditNoteNumber"));
    assertEquals(
        1, http.get("/invoices/" + number + "/credit-notes").json().get("creditNotes").size());

    // the credit note took the disputed amount off the invoice: nothing is on hold any more
    JsonNode list = http.get(disputes).json();
    assertEquals(0, BigDecimal.ZERO.compareTo(list.get("onHold").get("value").decimalValue()));
    assertEquals(
        0, before.subtract(gross).compareTo(list.get("remaining").get("value").decimalValue()));
  }

  // ------------------------------------------------------------------ helpers

  private static Response keyed(String path, String key, String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.httpUrl() + path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void refused(int status, String code, Response response) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.text("code"), response.body());
  }

  private static String dispute(BigDecimal amount) {
    return "{\"amount\": {\"unit\": \"EUR\", \"value\": %s}, \"reason\": \"roaming not used\"}"
        .formatted(amount.toPlainString());
  }

  private static BigDecimal total(String number) {
    return http.get("/invoices/" + number).json().get("amountDue").get("value").decimalValue();
  }

  private static List<String> steps(String account) {
    List<String> names = new ArrayList<>();
    for (JsonNode step : http.get("/accounts/" + account + "/dunning").json().get("stepsFired")) {
      names.add(step.get("name").asText());
    }
    return names;
  }

  private static void awaitStatus(String account, String status) {
    await(
        () -> status.equals(http.get("/accounts/" + account + "/dunning").text("status")),
        WAIT,
        account + " " + status);
  }

  /** Moves the cluster's clock to {@code days} past the due date (the cycle date). */
  private static void moveTo(int days) {
    LocalDate target = CYCLE.plusDays(days);
    long offset = target.toEpochDay() - LocalDate.now(ZoneOffset.UTC).toEpochDay();
    ShiftedClock.writeOffset(offsetFile, Duration.ofDays(offset));
    // the node reads the file again every 100 ms
    try {
      Thread.sleep(400);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static LocalDate cycleDate() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }
}
