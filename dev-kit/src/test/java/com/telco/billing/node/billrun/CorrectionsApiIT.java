package com.telco.billing.node.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Corrections of late and backdated changes (docs/billing-rules.md, "Corrections of late and
 * backdated changes"; docs/invoicing.md, "Corrections and the look-back") through HTTP against the
 * real Cassandra: a backdated activation (JPY, Asia/Tokyo), a termination reported after the
 * invoices of its period (BHD, America/New_York) and a plan change between offerings whose calls
 * are taxed in different categories (EUR, Europe/Berlin). Every date is relative to today and every
 * expected amount is computed here from the rules: HALF_UP once per line to the currency's minor
 * units, daily proration {@code price * days / daysInBillPeriod}, the discount {@code -HALF_UP(line
 * * 50 / 100)}, a credit of {@code k} of the {@code N} days a line of amount {@code a} charged
 * {@code -HALF_UP(a * k / N)}, tax per rate {@code HALF_UP(sum of the rate's lines * rate)}.
 */
class CorrectionsApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("corrections_api");

  /** Three distinct cycle dates, the latest ones that are days 1..28 and before today (UTC). */
  private static final List<LocalDate> CYCLES = recentCycleDates(4);

  /** Backdated activation: JPY, Asia/Tokyo, jurisdiction JP. */
  private static final LocalDate D1 = CYCLES.get(1);

  /** Late termination: BHD, America/New_York, jurisdiction BH. */
  private static final LocalDate D2 = CYCLES.get(2);

  /** Plan change inside the closed period with calls on both plans: EUR, Europe/Berlin, DE. */
  private static final LocalDate D3 = CYCLES.get(0);

  /** Plan change reported after the invoice of its period: EUR, Pacific/Auckland, DE. */
  private static final LocalDate D4 = CYCLES.get(3);

  private static final BigDecimal HALF = new BigDecimal("0.5");

  /**
   * The only catalog version, in effect since 2020: PLAN_A (monthly fee, an activation fee in the
   * REDUCED category, half price in the subscription's first two periods, calls STANDARD) and
   * PLAN_B (monthly fee, calls REDUCED); per-minute calls without zones or bands.
   */
  static final String CATALOG =
      """
      {"version": "corr-1", "effectiveFrom": "2020-01-01T00:00:00Z",
       "description": "Corrections test price list",
       "currencies": ["EUR", "JPY", "BHD"],
       "usageTypes": [{"id": "VOICE", "unitOfMeasure": "SECOND"}],
       "taxRates": [
         {"jurisdiction": "DE", "taxCategory": "STANDARD", "rate": 0.19, "validFrom": "2019-01-01"},
         {"jurisdiction": "DE", "taxCategory": "REDUCED", "rate": 0.07, "validFrom": "2019-01-01"},
         {"jurisdiction": "JP", "taxCategory": "STANDARD", "rate": 0.10, "validFrom": "2019-01-01"},
         {"jurisdiction": "JP", "taxCategory": "REDUCED", "rate": 0.08, "validFrom": "2019-01-01"},
         {"jurisdiction": "BH", "taxCategory": "STANDARD", "rate": 0.10, "validFrom": "2019-01-01"},
         {"jurisdiction": "BH", "taxCategory": "REDUCED", "rate": 0.05, "validFrom": "2019-01-01"}
       ],
       "productOfferings": [
         {"id": "PLAN_A", "name": "Plan A", "chargeWhileSuspended": false,
          "prices": [
            {"id": "A_MONTHLY", "name": "Plan A monthly fee", "priceType": "recurring",
             "price": {"EUR": 19.99, "JPY": 2980, "BHD": 7.350},
             "taxCategory": "STANDARD", "glCode": "4000-SUBSCRIPTIONS"},
            {"id": "A_ACTIVATION", "name": "Plan A activation fee", "priceType": "oneTime",
             "trigger": "activation", "price": {"EUR": 9.99, "JPY": 1100, "BHD": 2.500},
             "taxCategory": "REDUCED", "glCode": "4300-ONE-TIME-FEES"},
            {"id": "A_VOICE", "name": "Plan A calls", "priceType": "usage", "usageType": "VOICE",
             "increment": 1, "unitSize": 60,
             "rates": [{"tiers": [{"from": 0, "price": {"EUR": 0.10, "JPY": 15, "BHD": 0.040}}]}],
             "taxCategory": "STANDARD", "glCode": "4100-VOICE"}
          ],
          "discounts": [
            {"id": "A_WELCOME", "name": "Plan A welcome discount", "percentage": 50,
             "periods": 2, "appliesTo": "A_MONTHLY", "glCode": "4900-DISCOUNTS"}
          ]},
         {"id": "PLAN_B", "name": "Plan B", "chargeWhileSuspended": true,
          "prices": [
            {"id": "B_MONTHLY", "name": "Plan B monthly fee", "priceType": "recurring",
             "price": {"EUR": 29.99, "JPY": 4480, "BHD": 11.125},
             "taxCategory": "STANDARD", "glCode": "4000-SUBSCRIPTIONS"},
            {"id": "B_VOICE", "name": "Plan B calls", "priceType": "usage", "usageType": "VOICE",
             "increment": 1, "unitSize": 60,
             "rates": [{"tiers": [{"from": 0, "price": {"EUR": 0.05, "JPY": 8, "BHD": 0.020}}]}],
             "taxCategory": "REDUCED", "glCode": "4100-VOICE"}
          ]}
       ]}
      """;

  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void start() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    http = new HttpJson(node.httpUrl());
    Response published = BillingFixtures.post(http, "/catalog/versions", CATALOG);
    assertTrue(
        published.status() == 201 || published.status() == 200,
        "catalog published: " + published.body());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  /**
   * Dates before today (UTC), latest first, one per day of month 1..28, {@code n} of them: the
   * latest cycle date of each of {@code n} distinct cycle days.
   */
  static List<LocalDate> recentCycleDates(int n) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        out.size() < n;
        d = d.minusDays(1)) {
      if (d.getDayOfMonth() <= 28) {
        out.add(d);
      }
    }
    return out;
  }

  @Test
  void aBackdatedActivationIsChargedFromItsDateWithItsFeeAndDiscountsFromItsOwnFirstPeriod() {
    String account = "corr-jpy";
    BillingFixtures.openAccount(http, account, "JPY", D1, "Asia/Tokyo", "JP");
    // activated in the period before the first invoice's closed period [D1-1m, D1)
    LocalDate p0 = D1.minusMonths(2);
    LocalDate activation = p0.plusDays(5);
    BillingFixtures.activateOn(
        http, account, "sub-jpy", BillingFixtures.msisdn(101), "PLAN_A", activation);
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, D1, 1);

    JsonNode invoice = billRun(account, D1, 1);

    Expected e = new Expected(0);
    // period 1 (a correction): the partial period from the activation, its discount
    BigDecimal partial = prorate("2980", days(activation, D1.minusMonths(1)), days(p0));
    e.line("recurring", false, activation, D1.minusMonths(1), partial, "STANDARD", p0);
    e.line("discount", false, activation, D1.minusMonths(1), discount(partial, 0), "STANDARD", p0);
    // period 2: the closed period, still discounted
    e.line("recurring", false, D1.minusMonths(1), D1, dec("2980"), "STANDARD", null);
    e.line("discount", false, D1.minusMonths(1), D1, dec("-1490"), "STANDARD", null);
    // period 3: the advance period, no discount
    e.line("recurring", false, D1, D1.plusMonths(1), dec("2980"), "STANDARD", null);
    // the activation fee of a trigger before the closed period: a correction line
    e.line("oneTime", false, activation, activation.plusDays(1), dec("1100"), "REDUCED", p0);
    e.rate("JP", "0.08", "REDUCED");
    e.rate("JP", "0.10", "STANDARD");
    e.assertInvoice(invoice);
    assertCorrectionDescription(invoice, p0, "activation on " + activation);

    // a second pass over the same cycle date invoices nothing again: the same invoice
    Response again = http.post("/bill-runs", "{\"cycleDate\": \"" + D1 + "\"}");
    assertEquals(202, again.status(), again.body());
    JsonNode pass2 = runToCompletion(again.text("runId"));
    assertEquals(0, pass2.get("invoiced").asLong(), pass2.toString());
    JsonNode invoices = invoicesOf(account);
    assertEquals(1, invoices.size(), invoices.toString());
    assertEquals(invoice, invoices.get(0));
  }

  @Test
  void aTerminationReportedAfterTheInvoicesOfItsPeriodIsCreditedDayByDayOnTheNextInvoice() {
    String account = "corr-bhd";
    BillingFixtures.openAccount(http, account, "BHD", D2, "America/New_York", "BH");
    LocalDate p1 = D2.minusMonths(4);
    LocalDate p2 = D2.minusMonths(3);
    LocalDate p3 = D2.minusMonths(2);
    LocalDate p4 = D2.minusMonths(1);
    LocalDate activation = p1.plusDays(3);
    BillingFixtures.activateOn(
        http, account, "sub-bhd", BillingFixtures.msisdn(102), "PLAN_A", activation);
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, D2, 1);

    // the invoices of two past cycle dates: p3 (closing [p2, p3)) and p4 (closing [p3, p4))
    JsonNode first = billRun(account, p3, 1);
    Expected e1 = new Expected(3);
    BigDecimal partial = prorate("7.350", days(activation, p2), days(p1));
    e1.line("recurring", false, activation, p2, partial, "STANDARD", p1);
    e1.line("discount", false, activation, p2, discount(partial, 3), "STANDARD", p1);
    e1.line("recurring", false, p2, p3, dec("7.350"), "STANDARD", null);
    e1.line("discount", false, p2, p3, dec("-3.675"), "STANDARD", null);
    e1.line("recurring", false, p3, p4, dec("7.350"), "STANDARD", null);
    e1.line("oneTime", false, activation, activation.plusDays(1), dec("2.500"), "REDUCED", p1);
    e1.rate("BH", "0.05", "REDUCED");
    e1.rate("BH", "0.10", "STANDARD");
    e1.assertInvoice(first);
    JsonNode second = billRun(account, p4, 2);
    Expected e2 = new Expected(3);
    e2.line("recurring", false, p4, D2, dec("7.350"), "STANDARD", null);
    e2.rate("BH", "0.10", "STANDARD");
    e2.assertInvoice(second);

    // then fulfilment reports a termination dated inside [p2, p3), the closed period of the
    // first invoice
    LocalDate termination = p2.plusDays(10);
    Response terminated =
        BillingFixtures.post(
            http,
            "/accounts/" + account + "/subscriptions/sub-bhd/terminate",
            "{\"effectiveDate\": \"" + termination + "\"}");
    assertTrue(terminated.status() == 200 || terminated.status() == 201, terminated.body());

    JsonNode third = billRun(account, D2, 3);
    Expected e3 = new Expected(3);
    // [termination, p3) of [p2, p3): the fee and its discount, k of N days each
    long k = days(termination, p3);
    long n = days(p2);
    e3.line("recurring", true, termination, p3, credit("7.350", k, n), "STANDARD", p2);
    e3.line("discount", true, termination, p3, credit("-3.675", k, n), "STANDARD", p2);
    // [p3, p4) charged in advance by the first invoice: all of it
    e3.line("recurring", true, p3, p4, dec("-7.350"), "STANDARD", p3);
    // the closed period [p4, D2), charged in advance by the second invoice: an ordinary line
    e3.line("recurring", true, p4, D2, dec("-7.350"), "STANDARD", null);
    // nothing in advance: the subscription ended
    e3.rate("BH", "0.10", "STANDARD");
    e3.assertInvoice(third);
    assertCorrectionDescription(third, p2, "termination on " + termination);
    assertEquals(3, invoicesOf(account).size());
  }

  @Test
  void aPlanChangeInTheClosedPeriodGivesOneCallLinePerChargeWithItsTaxCategory() {
    String account = "corr-eur";
    BillingFixtures.openAccount(http, account, "EUR", D3, "Europe/Berlin", "DE");
    LocalDate closed = D3.minusMonths(1);
    LocalDate activation = closed.plusDays(1);
    LocalDate change = D3.minusDays(10);
    String msisdn = BillingFixtures.msisdn(103);
    BillingFixtures.activateOn(http, account, "sub-eur", msisdn, "PLAN_A", activation);
    Response changed =
        BillingFixtures.post(
            http,
            "/accounts/" + account + "/subscriptions/sub-eur/change-offering",
            "{\"effectiveDate\": \"" + change + "\", \"offeringId\": \"PLAN_B\"}");
    assertTrue(changed.status() == 200 || changed.status() == 201, changed.body());
    // a 2-minute call on PLAN_A, a 5-minute call on PLAN_B (10:00 UTC: the same day in Berlin)
    Response usage =
        BillingFixtures.post(
            http,
            "/usage",
            "["
                + call("call-a", msisdn, D3.minusDays(15), 120)
                + ","
                + call("call-b", msisdn, D3.minusDays(5), 300)
                + "]");
    assertEquals(200, usage.status(), usage.body());
    assertEquals(2, usage.json().get("accepted").asInt(), usage.body());
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, D3, 1);

    JsonNode invoice = billRun(account, D3, 1);
    Expected e = new Expected(2);
    long n = days(closed);
    BigDecimal a = prorate("19.99", days(activation, change), n);
    e.line("recurring", false, activation, change, a, "STANDARD", null);
    e.line("discount", false, activation, change, discount(a, 2), "STANDARD", null);
    // PLAN_B from the change date: the subscription's period 1, but PLAN_B has no discount
    e.line("recurring", false, change, D3, prorate("29.99", days(change, D3), n), "STANDARD", null);
    e.line("recurring", false, D3, D3.plusMonths(1), dec("29.99"), "STANDARD", null);
    e.line("oneTime", false, activation, activation.plusDays(1), dec("9.99"), "REDUCED", null);
    // 2 minutes at 0.10 (STANDARD), 5 minutes at 0.05 (REDUCED)
    e.line("usage", false, closed, D3, dec("0.20"), "STANDARD", null);
    e.line("usage", false, closed, D3, dec("0.25"), "REDUCED", null);
    e.rate("DE", "0.07", "REDUCED");
    e.rate("DE", "0.19", "STANDARD");
    e.assertInvoice(invoice);
    Map<String, String> usageCharges = new TreeMap<>();
    for (JsonNode line : invoice.get("appliedCustomerBillingRate")) {
      if (line.get("type").asText().equals("usage")) {
        usageCharges.put(line.get("chargeId").asText(), line.get("taxCategory").asText());
        assertEquals(1, line.get("records").asLong(), line.toString());
      }
    }
    assertEquals(Map.of("A_VOICE", "STANDARD", "B_VOICE", "REDUCED"), usageCharges);
  }

  @Test
  void aPlanChangeReportedAfterTheInvoiceOfItsPeriodCreditsTheOldPlanAndChargesTheNewOne() {
    String account = "corr-late-change";
    BillingFixtures.openAccount(http, account, "EUR", D4, "Pacific/Auckland", "DE");
    LocalDate q1 = D4.minusMonths(3);
    LocalDate q2 = D4.minusMonths(2);
    LocalDate q3 = D4.minusMonths(1);
    LocalDate activation = q1.plusDays(2);
    BillingFixtures.activateOn(
        http, account, "sub-late", BillingFixtures.msisdn(104), "PLAN_A", activation);
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, D4, 1);
    // the invoice of q3 closes [q2, q3) (period 2: discounted) and charges [q3, D4) in advance
    JsonNode first = billRun(account, q3, 1);
    Expected e1 = new Expected(2);
    BigDecimal partial = prorate("19.99", days(activation, q2), days(q1));
    e1.line("recurring", false, activation, q2, partial, "STANDARD", q1);
    e1.line("discount", false, activation, q2, discount(partial, 2), "STANDARD", q1);
    e1.line("recurring", false, q2, q3, dec("19.99"), "STANDARD", null);
    e1.line("discount", false, q2, q3, dec("-10.00"), "STANDARD", null);
    e1.line("recurring", false, q3, D4, dec("19.99"), "STANDARD", null);
    e1.line("oneTime", false, activation, activation.plusDays(1), dec("9.99"), "REDUCED", q1);
    e1.rate("DE", "0.07", "REDUCED");
    e1.rate("DE", "0.19", "STANDARD");
    e1.assertInvoice(first);

    // then order management reports a change to PLAN_B dated inside [q2, q3)
    LocalDate change = q2.plusDays(7);
    Response changed =
        BillingFixtures.post(
            http,
            "/accounts/" + account + "/subscriptions/sub-late/change-offering",
            "{\"effectiveDate\": \"" + change + "\", \"offeringId\": \"PLAN_B\"}");
    assertTrue(changed.status() == 200 || changed.status() == 201, changed.body());

    JsonNode second = billRun(account, D4, 2);
    Expected e2 = new Expected(2);
    long k = days(change, q3);
    long n2 = days(q2);
    // [change, q3): PLAN_A and its discount credited, PLAN_B charged (period 2, no discount)
    e2.line("recurring", true, change, q3, credit("19.99", k, n2), "STANDARD", q2);
    e2.line("discount", true, change, q3, credit("-10.00", k, n2), "STANDARD", q2);
    e2.line("recurring", false, change, q3, prorate("29.99", k, n2), "STANDARD", q2);
    // the closed period [q3, D4), charged in advance with PLAN_A: credited, PLAN_B charged
    e2.line("recurring", true, q3, D4, dec("-19.99"), "STANDARD", null);
    e2.line("recurring", false, q3, D4, dec("29.99"), "STANDARD", null);
    e2.line("recurring", false, D4, D4.plusMonths(1), dec("29.99"), "STANDARD", null);
    e2.rate("DE", "0.19", "STANDARD");
    e2.assertInvoice(second);
    assertCorrectionDescription(second, q2, "plan change on " + change);
  }

  // ---------------------------------------------------------------------------------------------

  static String call(String id, String msisdn, LocalDate day, int seconds) {
    return """
        {"id": "%s", "source": "msc-1", "serviceId": "%s", "usageType": "VOICE",
         "usageDate": "%sT10:00:00Z", "quantity": %d, "unit": "s",
         "attributes": {"zone": "NATIONAL"}}"""
        .formatted(id, msisdn, day, seconds);
  }

  /** Runs the bill run of {@code cycle} and answers the account's newest invoice. */
  static JsonNode billRun(String account, LocalDate cycle, int expectedInvoices) {
    Response started = http.post("/bill-runs", "{\"cycleDate\": \"" + cycle + "\"}");
    assertEquals(202, started.status(), started.body());
    JsonNode run = runToCompletion(started.text("runId"));
    assertEquals(1, run.get("invoiced").asLong(), run.toString());
    assertEquals(0, run.get("failed").asLong(), run.toString());
    JsonNode invoices = invoicesOf(account);
    assertEquals(expectedInvoices, invoices.size(), invoices.toString());
    JsonNode newest = null;
    for (JsonNode invoice : invoices) {
      if (invoice.get("billDate").asText().startsWith(cycle.toString())) {
        newest = invoice;
      }
    }
    assertTrue(newest != null, "an invoice of " + cycle + ": " + invoices);
    String number = newest.get("billNo").asText();
    BillingFixtures.await(
        () -> http.get("/invoices/" + number).status() == 200,
        Duration.ofSeconds(60),
        "invoice " + number);
    assertEquals(newest, http.get("/invoices/" + number).json());
    return newest;
  }

  static JsonNode invoicesOf(String account) {
    Response list = http.get("/accounts/" + account + "/invoices");
    assertEquals(200, list.status(), list.body());
    return list.json().get("invoices");
  }

  static JsonNode runToCompletion(String runId) {
    return runToCompletionOn(http, runId);
  }

  /** Waits for the bill run {@code runId} of the node {@code http} talks to; answers it. */
  static JsonNode runToCompletionOn(HttpJson http, String runId) {
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

  /** Every correction line of {@code period} names it and the change behind it. */
  static void assertCorrectionDescription(JsonNode invoice, LocalDate period, String cause) {
    int seen = 0;
    for (JsonNode line : invoice.get("appliedCustomerBillingRate")) {
      if (hasValue(line, "originalPeriodStart")
          && line.get("originalPeriodStart").asText().equals(period.toString())) {
        String description = line.get("description").asText();
        assertTrue(
            description.startsWith(
                "Correction of [" + period + ", " + period.plusMonths(1) + "): "),
            description);
        assertTrue(description.endsWith("(" + cause + ")"), description);
        seen++;
      }
    }
    assertTrue(seen > 0, "correction lines of " + period + ": " + invoice);
  }

  static boolean hasValue(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  static long days(LocalDate from, LocalDate until) {
    return ChronoUnit.DAYS.between(from, until);
  }

  /** The days of the bill period starting on {@code start}. */
  static long days(LocalDate start) {
    return days(start, start.plusMonths(1));
  }

  /** {@code price * days / daysInBillPeriod}, not rounded yet. */
  static BigDecimal prorate(String price, long days, long daysInPeriod) {
    return dec(price)
        .multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(daysInPeriod), 10, RoundingMode.HALF_UP);
  }

  /** {@code -HALF_UP(line * 50 / 100)} of a line rounded to {@code scale}. */
  static BigDecimal discount(BigDecimal line, int scale) {
    return line.setScale(scale, RoundingMode.HALF_UP).multiply(HALF).negate();
  }

  /** The first credit of {@code k} of the {@code n} days a line of {@code amount} charged. */
  static BigDecimal credit(String amount, long k, long n) {
    return dec(amount)
        .multiply(BigDecimal.valueOf(k))
        .divide(BigDecimal.valueOf(n), 10, RoundingMode.HALF_UP)
        .negate();
  }

  /** An invoice's expected lines and tax items, amounts rounded HALF_UP to the minor units. */
  static final class Expected {
    private final int scale;
    private final List<String> lines = new ArrayList<>();
    private final Map<BigDecimal, List<String>> categoriesByRate = new TreeMap<>();
    private final Map<String, BigDecimal> rateOfCategory = new TreeMap<>();

    Expected(int scale) {
      this.scale = scale;
    }

    void line(
        String type,
        boolean credit,
        LocalDate from,
        LocalDate until,
        BigDecimal amount,
        String taxCategory,
        LocalDate originalPeriodStart) {
      BigDecimal rounded = amount.setScale(scale, RoundingMode.HALF_UP);
      if (rounded.signum() == 0 && !type.equals("usage")) {
        return; // lines of zero are left out
      }
      lines.add(key(type, credit, from, until, rounded, taxCategory, originalPeriodStart));
    }

    /** The rate of a tax category in the account's jurisdiction (the jurisdiction is a label). */
    void rate(String jurisdiction, String rate, String category) {
      rateOfCategory.put(category, dec(rate));
      categoriesByRate.computeIfAbsent(dec(rate), r -> new ArrayList<>()).add(category);
    }

    String key(
        String type,
        boolean credit,
        LocalDate from,
        LocalDate until,
        BigDecimal amount,
        String taxCategory,
        LocalDate originalPeriodStart) {
      return type
          + (credit ? "* " : " ")
          + from
          + ".."
          + until
          + " "
          + amount.setScale(scale).toPlainString()
          + " "
          + taxCategory
          + (originalPeriodStart == null ? "" : " of " + originalPeriodStart);
    }

    void assertInvoice(JsonNode invoice) {
      List<String> actual = new ArrayList<>();
      Map<BigDecimal, BigDecimal> taxable = new TreeMap<>();
      BigDecimal net = BigDecimal.ZERO;
      for (JsonNode line : invoice.get("appliedCustomerBillingRate")) {
        BigDecimal amount = money(line.get("taxExcludedAmount"));
        JsonNode period = line.get("periodCoverage");
        actual.add(
            key(
                line.get("type").asText(),
                line.get("credit").asBoolean(),
                OffsetDateTime.parse(period.get("startDateTime").asText()).toLocalDate(),
                OffsetDateTime.parse(period.get("endDateTime").asText()).toLocalDate(),
                amount,
                line.get("taxCategory").asText(),
                hasValue(line, "originalPeriodStart")
                    ? LocalDate.parse(line.get("originalPeriodStart").asText())
                    : null));
        net = net.add(amount);
      }
      List<String> expectedSorted = new ArrayList<>(lines);
      expectedSorted.sort(null);
      List<String> actualSorted = new ArrayList<>(actual);
      actualSorted.sort(null);
      assertEquals(
          String.join("\n", expectedSorted), String.join("\n", actualSorted), invoice.toString());

      // tax per rate over the expected lines
      BigDecimal expectedNet = BigDecimal.ZERO;
      for (String line : lines) {
        String[] parts = line.split(" ");
        BigDecimal amount = dec(parts[2]);
        String category = parts[3];
        BigDecimal rate = rateOfCategory.get(category);
        assertTrue(rate != null, "a rate for " + category);
        taxable.merge(rate, amount, BigDecimal::add);
        expectedNet = expectedNet.add(amount);
      }
      List<String> expectedTax = new ArrayList<>();
      BigDecimal tax = BigDecimal.ZERO;
      for (Map.Entry<BigDecimal, BigDecimal> t : taxable.entrySet()) {
        BigDecimal amount = t.getValue().multiply(t.getKey()).setScale(scale, RoundingMode.HALF_UP);
        tax = tax.add(amount);
        List<String> categories = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> c : rateOfCategory.entrySet()) {
          if (c.getValue().compareTo(t.getKey()) == 0
              && lines.stream().anyMatch(l -> l.split(" ")[3].equals(c.getKey()))) {
            categories.add(c.getKey());
          }
        }
        expectedTax.add(
            String.join(",", categories)
                + " "
                + t.getKey().stripTrailingZeros().toPlainString()
                + " "
                + t.getValue().setScale(scale).toPlainString()
                + " "
                + amount.toPlainString());
      }
      List<String> actualTax = new ArrayList<>();
      for (JsonNode item : invoice.get("taxItem")) {
        List<String> categories =
            new ArrayList<>(List.of(item.get("taxCategory").asText().split(",")));
        categories.sort(null);
        actualTax.add(
            String.join(",", categories)
                + " "
                + item.get("taxRate").decimalValue().stripTrailingZeros().toPlainString()
                + " "
                + money(item.get("taxableAmount")).toPlainString()
                + " "
                + money(item.get("taxAmount")).toPlainString());
      }
      assertEquals(expectedTax, actualTax, invoice.toString());
      assertAmount(expectedNet, invoice.get("taxExcludedAmount"), invoice);
      assertAmount(net, invoice.get("taxExcludedAmount"), invoice);
      assertAmount(tax, invoice.get("taxAmount"), invoice);
      assertAmount(expectedNet.add(tax), invoice.get("taxIncludedAmount"), invoice);
    }

    private void assertAmount(BigDecimal expected, JsonNode money, JsonNode invoice) {
      assertEquals(
          expected.setScale(scale).toPlainString(),
          money(money).toPlainString(),
          invoice.toString());
    }

    /** A Money value, exactly to the currency's minor units (no rounding here). */
    private BigDecimal money(JsonNode money) {
      JsonNode value = money.get("value");
      assertTrue(value.isNumber(), "a JSON number: " + money);
      return value.decimalValue().setScale(scale);
    }
  }
}
