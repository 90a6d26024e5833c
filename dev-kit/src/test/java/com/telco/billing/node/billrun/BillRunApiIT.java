package com.telco.billing.node.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.invoice.render.Tmf678Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bill run over HTTP against the real Cassandra: accounts of one cycle day with subscriptions and
 * usage are invoiced exactly once with gap-free numbers; accounts with nothing to bill are skipped;
 * invoices are readable by number and per account; the preview shows the open period and late
 * usage; bad requests get 400.
 */
class BillRunApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("bill_run_api");

  /** Yesterday (so the period has ended everywhere), or the 28th when yesterday is 29..31. */
  static final LocalDate CYCLE = BillingFixtures.cycleDate();

  static final int BILLED = 12;
  static final int EMPTY = 3;

  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void start() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    http = new HttpJson(node.httpUrl());
    int published = BillingFixtures.post(http, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    for (int i = 0; i < BILLED + EMPTY; i++) {
      BillingFixtures.open(http, account(i), CYCLE);
    }
    for (int i = 0; i < BILLED; i++) {
      BillingFixtures.activate(
          http,
          account(i),
          "sub-" + i,
          BillingFixtures.msisdn(i),
          i % 2 == 0 ? "MOBILE_S" : "MOBILE_M",
          CYCLE);
    }
    // usage inside the closed period for every billed account
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < BILLED; i++) {
      if (i > 0) {
        batch.append(',');
      }
      batch.append(
          BillingFixtures.call("call-" + i, BillingFixtures.msisdn(i), CYCLE.minusDays(2)));
    }
    Response usage = BillingFixtures.post(http, "/usage", batch.append(']').toString());
    assertEquals(200, usage.status(), usage.body());
    assertEquals(BILLED, usage.json().get("accepted").asInt(), usage.body());
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, CYCLE, BILLED + EMPTY);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static String account(int i) {
    return String.format("bill-%03d", i);
  }

  static JsonNode runToCompletion(String runId) {
    JsonNode[] last = new JsonNode[1];
    BillingFixtures.await(
        () -> {
          Response r = http.get("/bill-runs/" + runId);
          assertEquals(200, r.status(), r.body());
          last[0] = r.json();
          return r.text("status").equals("COMPLETED");
        },
        Duration.ofSeconds(90),
        "bill run " + runId);
    return last[0];
  }

  static BigDecimal amount(JsonNode node) {
    return new BigDecimal(node.asText());
  }

  /** A TMF678 Money value: an exact JSON number. */
  static BigDecimal money(JsonNode value) {
    assertTrue(value.isNumber(), "a JSON number: " + value);
    return value.decimalValue();
  }

  @Test
  void aBillRunInvoicesEveryAccountOnceWithGapFreeNumbers() {
    Response started = http.post("/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    assertEquals("BR-" + CYCLE, runId);

    JsonNode run = runToCompletion(runId);
    assertEquals(BILLED + EMPTY, run.get("accountsDue").asLong(), run.toString());
    assertEquals(BILLED + EMPTY, run.get("processed").asLong());
    assertEquals(BILLED, run.get("invoiced").asLong(), run.toString());
    assertEquals(EMPTY, run.get("skipped").asLong());
    assertEquals(0, run.get("failed").asLong());

    // exactly one invoice per billed account; numbers 1..BILLED of the year's series
    TreeSet<Long> sequences = new TreeSet<>();
    BigDecimal total = BigDecimal.ZERO;
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < BILLED + EMPTY; i++) {
      Response list = http.get("/accounts/" + account(i) + "/invoices");
      assertEquals(200, list.status(), list.body());
      JsonNode invoices = list.json().get("invoices");
      assertEquals(i < BILLED ? 1 : 0, invoices.size(), list.body());
      for (JsonNode invoice : invoices) {
        String number = invoice.get("billNo").asText();
        numbers.add(number);
        String prefix = "INV-DEFAULT-" + CYCLE.getYear() + "-";
        assertTrue(number.startsWith(prefix), number);
        sequences.add(Long.parseLong(number.substring(prefix.length())));
        assertEquals("sent", invoice.get("state").asText());
        // the accounts of the fixtures are in UTC
        assertEquals(
            CYCLE.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(),
            OffsetDateTime.parse(invoice.get("billDate").asText()));
        assertEquals(
            CYCLE.plusDays(14).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(),
            OffsetDateTime.parse(invoice.get("paymentDueDate").asText()));
        assertEquals(
            0,
            money(invoice.get("taxIncludedAmount").get("value"))
                .compareTo(money(invoice.get("remainingAmount").get("value"))));
        BigDecimal net = BigDecimal.ZERO;
        boolean usage = false;
        for (JsonNode line : invoice.get("appliedCustomerBillingRate")) {
          net = net.add(money(line.get("taxExcludedAmount").get("value")));
          usage |= line.get("type").asText().equals("usage");
        }
        assertTrue(usage, "the call of the closed period is on the invoice: " + invoice);
        assertEquals(
            0,
            net.compareTo(money(invoice.get("taxExcludedAmount").get("value"))),
            invoice.toString());
        BigDecimal tax = net.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_UP);
        assertEquals(
            0, tax.compareTo(money(invoice.get("taxAmount").get("value"))), invoice.toString());
        total = total.add(money(invoice.get("taxIncludedAmount").get("value")));
      }
    }
    assertEquals(BILLED, sequences.size());
    assertEquals(1L, sequences.first());
    assertEquals((long) BILLED, sequences.last(), "no gaps: " + sequences);
    assertEquals(0, total.compareTo(amount(run.get("amounts").get("EUR"))), run.toString());

    // a second pass over the same cycle date invoices nobody again
    Response again = http.post("/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, again.status(), again.body());
    assertEquals(runId + "-2", again.text("runId"));
    JsonNode pass2 = runToCompletion(runId + "-2");
    assertEquals(0, pass2.get("invoiced").asLong(), pass2.toString());
    assertEquals(BILLED + EMPTY, pass2.get("skipped").asLong(), pass2.toString());
    assertEquals(BILLED, http.get("/bill-runs/" + runId).json().get("invoiced").asLong());

    // the list a page at a time: newest first, each run once, the same as in one page
    List<String> paged = new ArrayList<>();
    Response page = http.get("/bill-runs?limit=1");
    while (true) {
      assertEquals(200, page.status(), page.body());
      assertEquals(1, page.json().get("runs").size(), page.body());
      paged.add(page.json().get("runs").get(0).get("runId").asText());
      String cursor = page.text("nextCursor");
      if (cursor == null) {
        break;
      }
      page = http.get("/bill-runs?limit=1&cursor=" + cursor);
    }
    assertEquals(List.of(runId + "-2", runId), paged);
    List<String> whole = new ArrayList<>();
    http.get("/bill-runs").json().get("runs").forEach(r -> whole.add(r.get("runId").asText()));
    assertEquals(whole, paged);

    // every invoice by number, once the read side has it
    for (String number : numbers) {
      BillingFixtures.await(
          () -> http.get("/invoices/" + number).status() == 200,
          Duration.ofSeconds(60),
          "invoice " + number);
    }
    assertEquals(404, http.get("/invoices/INV-DEFAULT-1999-000001").status());
    Response notANumber = http.get("/invoices/not-a-number");
    assertEquals(404, notANumber.status(), notANumber.body());
    assertEquals("invoice_not_found", notANumber.text("code"));
    Response json = http.get("/invoices/" + numbers.get(0));
    assertEquals(numbers.get(0), json.text("billNo"));
    // the document by number (the register points at the invoice's event in the account's journal)
    // is the invoice the account lists
    for (int i = 0; i < 3; i++) {
      JsonNode listed =
          http.get("/accounts/" + account(i) + "/invoices").json().get("invoices").get(0);
      assertEquals(
          listed, http.get("/invoices/" + listed.get("billNo").asText()).json(), listed.toString());
    }
    assertEquals("CustomerBill", json.text("@type"));
    assertEquals(account(0), json.json().get("billingAccount").get("id").asText());
    tmf678Paths(numbers.get(0), json.json());
    Response html = http.get("/invoices/" + numbers.get(0) + "?format=html");
    assertEquals(200, html.status());
    assertTrue(html.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(
        html.body().contains(numbers.get(0)) && html.body().contains("Customer " + account(0)));
    Response pdf =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(node.httpUrl() + "/invoices/" + numbers.get(0)))
                .header("Accept", "application/pdf")
                .GET());
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.raw().headers().firstValue("Content-Type").orElse(""));
    assertTrue(pdf.body().startsWith("%PDF-"));
    Response badFormat = http.get("/invoices/" + numbers.get(0) + "?format=xml");
    assertEquals(400, badFormat.status(), badFormat.body());
    assertEquals("unsupported_format", badFormat.text("code"));

    // late usage of the invoiced period is rated and shows on the next invoice's preview
    Response late =
        http.post(
            "/usage",
            "["
                + BillingFixtures.call("late-0", BillingFixtures.msisdn(0), CYCLE.minusDays(3))
                + "]");
    assertEquals(200, late.status(), late.body());
    assertTrue(late.json().get("records").get(0).get("late").asBoolean(), late.body());
    assertEquals(1, late.json().get("accepted").asInt(), late.body());
    Response preview = http.get("/accounts/" + account(0) + "/invoices/preview");
    assertEquals(200, preview.status(), preview.body());
    JsonNode draft = preview.json();
    assertEquals("preview", draft.get("state").asText());
    assertTrue(!draft.has("href"), "a preview is no resource: " + draft);
    assertTrue(
        draft.get("billingPeriod").get("startDateTime").asText().startsWith(CYCLE.toString()),
        draft.toString());
    boolean lateLine = false;
    for (JsonNode line : draft.get("appliedCustomerBillingRate")) {
      if (line.get("type").asText().equals("lateUsage")) {
        lateLine = true;
        assertEquals(
            CYCLE.minusMonths(1).toString(),
            line.get("originalPeriodStart").asText(),
            line.toString());
        assertEquals(1, line.get("records").asLong());
      }
    }
    assertTrue(lateLine, "late usage line in the preview: " + draft);
    // the preview persisted nothing
    assertEquals(
        1, http.get("/accounts/" + account(0) + "/invoices").json().get("invoices").size());
    assertNotNull(http.get("/bill-runs").json().get("runs").get(0));
  }

  /**
   * The TMF678 paths serve the JSON of {@code /invoices/{number}}, and every answer is valid by the
   * published TMF678 v4 schema.
   */
  private static void tmf678Paths(String number, JsonNode bill) {
    assertEquals(
        List.of(), Tmf678Schema.problems(Tmf678Schema.CUSTOMER_BILL, bill), bill.toString());
    String accountId = bill.get("billingAccount").get("id").asText();

    Response byId = http.get("/customerBill/" + number);
    assertEquals(200, byId.status(), byId.body());
    assertEquals(bill, byId.json());
    assertEquals(
        List.of(), Tmf678Schema.problems(Tmf678Schema.CUSTOMER_BILL, byId.json()), byId.body());

    Response ofAccount = http.get("/customerBill?billingAccount.id=" + accountId + "&limit=1");
    assertEquals(200, ofAccount.status(), ofAccount.body());
    JsonNode bills = ofAccount.json();
    assertTrue(bills.isArray(), ofAccount.body());
    assertEquals(1, bills.size(), ofAccount.body());
    assertEquals(bill, bills.get(0));
    assertEquals(
        List.of(),
        Tmf678Schema.problemsOfEach(Tmf678Schema.CUSTOMER_BILL, bills),
        ofAccount.body());
    assertEquals("1", ofAccount.raw().headers().firstValue("X-Result-Count").orElse(""));
    assertTrue(ofAccount.raw().headers().firstValue("X-Next-Cursor").isEmpty(), "one page");

    Response rates = http.get("/appliedCustomerBillingRate?bill.id=" + number);
    assertEquals(200, rates.status(), rates.body());
    JsonNode lines = rates.json();
    assertEquals(bill.get("appliedCustomerBillingRate"), lines);
    assertEquals(
        List.of(),
        Tmf678Schema.problemsOfEach(Tmf678Schema.APPLIED_CUSTOMER_BILLING_RATE, lines),
        rates.body());
    for (JsonNode line : lines) {
      assertEquals(number, line.get("bill").get("id").asText(), line.toString());
      assertEquals("/invoices/" + number, line.get("bill").get("href").asText());
    }

    Response noAccount = http.get("/customerBill");
    assertEquals(400, noAccount.status(), noAccount.body());
    assertEquals("required", noAccount.text("code"));
    assertEquals("billingAccount.id", noAccount.text("field"));
    Response unknownFilter =
        http.get("/customerBill?billingAccount.id=" + accountId + "&state=sent");
    assertEquals(400, unknownFilter.status(), unknownFilter.body());
    assertEquals("unknown_parameter", unknownFilter.text("code"));
    Response unknownBill = http.get("/appliedCustomerBillingRate?bill.id=INV-DEFAULT-1999-000001");
    assertEquals(404, unknownBill.status(), unknownBill.body());
    assertEquals("invoice_not_found", unknownBill.text("code"));
    assertEquals(404, http.get("/customerBill/INV-DEFAULT-1999-000001").status());
  }

  @Test
  void badBillRunRequestsAreRefusedWithClearErrors() {
    Response day30 = http.post("/bill-runs", "{\"cycleDate\": \"2026-10-30\"}");
    assertEquals(400, day30.status(), day30.body());
    assertEquals("not_a_cycle_date", day30.text("code"));
    assertEquals("cycleDate", day30.text("field"));

    LocalDate future = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    Response inFuture =
        http.post(
            "/bill-runs",
            "{\"cycleDate\": \""
                + future.withDayOfMonth(Math.min(future.getDayOfMonth(), 28)).plusMonths(1)
                + "\"}");
    assertEquals(400, inFuture.status(), inFuture.body());
    assertEquals("cycle_date_in_future", inFuture.text("code"));

    Response missing = http.post("/bill-runs", "{}");
    assertEquals(400, missing.status(), missing.body());
    assertEquals("cycleDate", missing.text("field"));

    Response malformed = http.post("/bill-runs", "{\"cycleDate\": \"yesterday\"}");
    assertEquals(400, malformed.status(), malformed.body());
    assertEquals(404, http.get("/bill-runs/BR-1999-01-01").status());
    assertEquals(404, http.get("/accounts/nobody/invoices").status());
  }
}
