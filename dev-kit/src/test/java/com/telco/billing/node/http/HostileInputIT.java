package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The input contract (docs/input-contract.md) through HTTP against the real Cassandra: a corpus of
 * hostile requests, one class of mistake or attack per row, each answered with a 4xx, its stable
 * code and field, a message that does not quote the submitted value, and nothing stored.
 */
class HostileInputIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("hostile_input");
  private static final String CARD = "4111111111111111";
  private static final String MSISDN = "+4915100007001";
  private static final Instant WHEN = Instant.now().minus(1, ChronoUnit.HOURS);

  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void start() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    http = new HttpJson(node.httpUrl());
    assertEquals(201, http.post("/catalog/versions", SampleCatalog.json()).status());
    assertEquals(201, http.post("/accounts", account("acc-h1", "\"name\": \"Hostile\"")).status());
    Response sub =
        http.post(
            "/accounts/acc-h1/subscriptions",
            """
            {"subscriptionId": "sub-h1", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}
            """
                .formatted(MSISDN, LocalDate.now(ZoneOffset.UTC).minusDays(20)));
    assertEquals(201, sub.status(), sub.body());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** An account body with one field replaced or added (written as JSON text). */
  private static String account(String id, String override) {
    String base =
        """
        {"id": "%s", "name": "Jane Doe", "currency": "EUR", "billCycleDay": 5,
         "timeZone": "Europe/Berlin", "taxJurisdiction": "DE", "taxExempt": false,
         "paymentTermsDays": 14, "paymentMethodRef": "tok_visa_1", "legalEntity": "TELCO_DE"
        """
            .formatted(id);
    String field = override.substring(0, override.indexOf(':'));
    String without =
        base.replaceAll(Pattern.quote(field) + "\\s*:\\s*(\"[^\"]*\"|[^,}\\s]+),?", "");
    return without.strip().replaceAll(",\\s*$", "") + ", " + override + "}";
  }

  /** One hostile request: what is sent, what must come back, and what must not be stored. */
  private record Case(
      String name,
      String method,
      String path,
      String body,
      int status,
      String code,
      String field,
      String mustNotEcho,
      Supplier<String> state) {}

  /** What a refused request must leave as it was: an account (its status and body). */
  private static Supplier<String> account(String id) {
    return () -> {
      Response r = http.get("/accounts/" + id);
      return r.status() + " " + r.body();
    };
  }

  private static Supplier<String> noAccount() {
    return account("acc-x");
  }

  /** The rated usage of the open period: lines (with record counts) and total. */
  private static Supplier<String> currentUsage() {
    return () -> {
      JsonNode current = http.get("/accounts/acc-h1/usage/current").json();
      return current.get("lines") + " " + current.get("total");
    };
  }

  private static Case openAccount(String name, String override, String code, String field) {
    return new Case(
        name, "POST", "/accounts", account("acc-x", override), 400, code, field, null, noAccount());
  }

  private static List<Case> accountCases() {
    List<Case> cases = new ArrayList<>();
    for (String f : List.of("name", "taxJurisdiction", "paymentMethodRef", "legalEntity")) {
      cases.add(
          openAccount(f + " lone surrogate", "\"" + f + "\": \"\\ud800x\"", "malformed_text", f));
      cases.add(openAccount(f + " NUL", "\"" + f + "\": \"a\\u0000b\"", "control_character", f));
      cases.add(
          openAccount(
              f + " bidi override", "\"" + f + "\": \"a\\u202eb\"", "control_character", f));
      cases.add(
          openAccount(
              f + " card number",
              "\"" + f + "\": \"X " + CARD.replaceAll("(\\d{4})", "$1 ").strip() + "\"",
              "card_number_not_allowed",
              f));
    }
    cases.add(
        new Case(
            "id with a card number",
            "POST",
            "/accounts",
            account("acc-" + CARD, "\"name\": \"X\""),
            400,
            "card_number_not_allowed",
            "id",
            CARD,
            account("acc-" + CARD)));
    cases.add(
        openAccount(
            "jurisdiction of 10,000 characters",
            "\"taxJurisdiction\": \"" + "D".repeat(10_000) + "\"",
            "invalid_format",
            "taxJurisdiction"));
    cases.add(
        openAccount(
            "empty paymentMethodRef",
            "\"paymentMethodRef\": \"\"",
            "required",
            "paymentMethodRef"));
    cases.add(
        openAccount("name with a newline", "\"name\": \"a\\nb\"", "control_character", "name"));
    cases.add(
        openAccount(
            "huge integer for a boolean",
            "\"taxExempt\": 99999999999999999999",
            "invalid_type",
            "taxExempt"));
    cases.add(
        openAccount(
            "string for an integer", "\"billCycleDay\": \"5\"", "invalid_type", "billCycleDay"));
    cases.add(
        openAccount(
            "float for an integer", "\"billCycleDay\": 5.0", "invalid_type", "billCycleDay"));
    cases.add(openAccount("number for a string", "\"name\": 12", "invalid_type", "name"));
    cases.add(
        openAccount("boolean for a string", "\"currency\": true", "invalid_type", "currency"));
    cases.add(
        openAccount(
            "unknown currency is not echoed",
            "\"currency\": \"Q" + "ZZ\"",
            "unknown_currency",
            "currency"));
    cases.add(
        new Case(
            "duplicate key",
            "POST",
            "/accounts",
            account("acc-x", "\"billCycleDay\": 5, \"billCycleDay\": 6"),
            400,
            "duplicate_field",
            null,
            null,
            noAccount()));
    cases.add(
        new Case(
            "unknown field named like a card",
            "POST",
            "/accounts",
            account("acc-x", "\"" + CARD + "\": 1"),
            400,
            "card_number_not_allowed",
            null,
            CARD,
            noAccount()));
    cases.add(
        new Case(
            "nesting 100 deep",
            "POST",
            "/accounts",
            account("acc-x", "\"name\": " + "[".repeat(100) + "]".repeat(100)),
            400,
            "too_complex",
            null,
            null,
            noAccount()));
    cases.add(
        new Case(
            "malformed JSON quoting a card",
            "POST",
            "/accounts",
            "{\"id\": " + CARD + "x}",
            400,
            "malformed_json",
            null,
            CARD,
            noAccount()));
    return cases;
  }

  private static Case activation(String name, String body, int status, String code, String field) {
    return new Case(
        name,
        "POST",
        "/accounts/acc-h1/subscriptions",
        body,
        status,
        code,
        field,
        null,
        account("acc-h1"));
  }

  private static String sub(String id, String date) {
    return """
        {"subscriptionId": "%s", "offeringId": "MOBILE_S",
         "serviceIds": [{"type": "MSISDN", "value": "+4915100007002"}], "activationDate": %s}
        """
        .formatted(id, date);
  }

  private static List<Case> subscriptionCases() {
    return List.of(
        activation(
            "year +999999999",
            sub("sub-x", "\"+999999999-01-01\""),
            400,
            "invalid_date",
            "activationDate"),
        activation(
            "year 9999", sub("sub-x", "\"9999-01-01\""), 400, "out_of_range", "activationDate"),
        activation(
            "a number for a date", sub("sub-x", "20261130"), 400, "invalid_type", "activationDate"),
        activation(
            "non-ASCII digits in a date",
            sub("sub-x", "\"\u0662\u0660\u0662\u0666-01-01\""),
            400,
            "invalid_date",
            "activationDate"),
        activation(
            "subscription id with a card",
            sub("s-" + CARD, "\"2026-01-01\""),
            400,
            "card_number_not_allowed",
            "subscriptionId"),
        activation(
            "subscription id with a surrogate",
            sub("s\\udfff", "\"2026-01-01\""),
            400,
            "malformed_text",
            "subscriptionId"),
        new Case(
            "change path in capitals",
            "POST",
            "/accounts/acc-h1/subscriptions/sub-h1/SUSPEND",
            "{\"effectiveDate\": \"2026-12-20\"}",
            404,
            "not_found",
            null,
            null,
            account("acc-h1")),
        new Case(
            "suspension in year 999999999",
            "POST",
            "/accounts/acc-h1/subscriptions/sub-h1/suspend",
            "{\"effectiveDate\": \"+999999999-12-31\"}",
            400,
            "invalid_date",
            "effectiveDate",
            null,
            account("acc-h1")));
  }

  /** A usage record; priced (zone EU) unless {@code extra} brings its own attributes. */
  private static String usage(String id, String extra) {
    if (!extra.contains("attributes")) {
      extra = extra + ", \"attributes\": {\"zone\": \"EU\"}";
    }
    return """
        {"id": "%s", "source": "msc-1", "serviceId": "%s", "usageType": "SMS",
         "usageDate": "%s", "unit": "event", %s}"""
        .formatted(id, MSISDN, WHEN, extra);
  }

  /** A usage batch of one record, which must be REJECTED with the code and field. */
  private static Case usageRecord(String name, String record, String code, String field) {
    return new Case(
        name,
        "POST",
        "/usage",
        "[" + record + "]",
        200,
        "REJECTED:" + code,
        field,
        null,
        currentUsage());
  }

  private static List<Case> usageCases() {
    return List.of(
        usageRecord(
            "id lone surrogate", usage("x\\ud800", "\"quantity\": 1"), "malformed_text", "id"),
        usageRecord(
            "source lone surrogate",
            usage("u-1", "\"quantity\": 1").replace("msc-1", "m\\ud800x"),
            "malformed_text",
            "source"),
        usageRecord(
            "subscriptionId lone surrogate",
            usage("u-1", "\"quantity\": 1, \"subscriptionId\": \"s\\ud800\""),
            "malformed_text",
            "subscriptionId"),
        usageRecord(
            "id with a card",
            usage("cdr-" + CARD, "\"quantity\": 1"),
            "card_number_not_allowed",
            "id"),
        usageRecord(
            "attribute with a card",
            usage("u-1", "\"quantity\": 1, \"attributes\": {\"zone\": \"" + CARD + "\"}"),
            "card_number_not_allowed",
            "attributes.zone"),
        usageRecord(
            "attribute with NUL",
            usage("u-1", "\"quantity\": 1, \"attributes\": {\"zone\": \"a\\u0000\"}"),
            "control_character",
            "attributes.zone"),
        usageRecord(
            "attribute of 10,000 characters",
            usage(
                "u-1",
                "\"quantity\": 1, \"attributes\": {\"zone\": \"" + "W".repeat(10_000) + "\"}"),
            "too_long",
            "attributes.zone"),
        usageRecord(
            "2,147,483,648 SMS",
            usage("u-1", "\"quantity\": 2147483648"),
            "implausible_quantity",
            "quantity"),
        usageRecord(
            "quantity in Arabic-Indic digits",
            usage("u-1", "\"quantity\": \"\u0661\""),
            "invalid_type",
            "quantity"),
        usageRecord(
            "quantity as a string",
            usage("u-1", "\"quantity\": \"1\""),
            "invalid_type",
            "quantity"),
        usageRecord(
            "quantity as a boolean",
            usage("u-1", "\"quantity\": true"),
            "invalid_type",
            "quantity"),
        usageRecord(
            "id as a number",
            usage("u-1", "\"quantity\": 1").replace("\"u-1\"", "12"),
            "invalid_type",
            "id"),
        new Case(
            "duplicate quantity key",
            "POST",
            "/usage",
            "[" + usage("u-dup", "\"quantity\": 1, \"quantity\": 1000000") + "]",
            400,
            "duplicate_field",
            null,
            null,
            currentUsage()),
        new Case(
            "duplicate key in NDJSON",
            "POST",
            "/usage",
            usage("u-dup", "\"quantity\": 1, \"quantity\": 1000000").replace("\n", " "),
            400,
            "duplicate_field",
            "line 1",
            null,
            currentUsage()));
  }

  @TestFactory
  Stream<DynamicTest> hostileRequestsAreRefusedAndChangeNothing() {
    List<Case> all = new ArrayList<>();
    all.addAll(accountCases());
    all.addAll(subscriptionCases());
    all.addAll(usageCases());
    return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) {
    String contentType = c.name().contains("NDJSON") ? "application/x-ndjson" : "application/json";
    String before = c.state().get();
    Response r = http.post(c.path(), contentType, c.body());
    assertEquals(c.status(), r.status(), c.name() + ": " + r.body());
    assertTrue(r.json() != null, "JSON body: " + r.body());
    if (c.code().startsWith("REJECTED:")) {
      JsonNode record = r.json().get("records").get(0);
      assertEquals("REJECTED", record.get("status").asText(), r.body());
      assertEquals(
          c.code().substring("REJECTED:".length()), record.get("reason").asText(), r.body());
      assertEquals(c.field(), record.get("field").asText(), r.body());
    } else {
      assertEquals(c.code(), r.text("code"), r.body());
      assertEquals(c.field(), r.text("field"), r.body());
      assertTrue(r.text("message") != null && !r.text("message").isBlank(), r.body());
    }
    assertNoEcho(r.body(), c);
    assertEquals(before, c.state().get(), c.name() + " changed what was stored");
  }

  /** The answer quotes no card number, no control character and none of the long values sent. */
  private static void assertNoEcho(String body, Case c) {
    if (c.mustNotEcho() != null) {
      assertFalse(body.contains(c.mustNotEcho()), "echoed: " + body);
    }
    assertFalse(body.contains(CARD), "echoed a card number: " + body);
    assertFalse(body.contains("WWWWWWWWWW"), "echoed a long value: " + body);
    assertFalse(body.contains("DDDDDDDDDD"), "echoed a long value: " + body);
    assertFalse(body.contains("QZZ"), "echoed the value: " + body);
    assertFalse(body.contains("\\ud800") || body.contains("\ud800"), "echoed a surrogate: " + body);
    assertFalse(body.contains("com.fasterxml") || body.contains("java."), "internals: " + body);
  }

  @Test
  void aCleanRecordIsStillChargedAfterAllThat() {
    Response r = http.post("/usage", "[" + usage("u-clean", "\"quantity\": 1") + "]");
    assertEquals(200, r.status(), r.body());
    assertEquals("ACCEPTED", r.json().get("records").get(0).get("status").asText(), r.body());
  }

  @Test
  void durableIntakeRefusesThePoisonAtTheDoor() {
    Response r = http.post("/usage/batches", "[" + usage("x\\ud800", "\"quantity\": 1") + "]");
    assertTrue(r.status() == 202 || r.status() == 400, r.body());
    if (r.status() == 202) {
      assertEquals(1, r.json().path("rejected").asInt(), r.body());
    }
    assertFalse(r.body().contains("\\ud800"), r.body());
  }

  /** Requests no route sees: the HTTP layer's own refusals carry the JSON error body too. */
  @Test
  void theHttpLayersOwnErrorsAreJson() throws IOException {
    String longUri = "/accounts/" + "a".repeat(20_000);
    assertJsonError(raw("GET " + longUri + " HTTP/1.1"), 414);
    assertJsonError(raw("FROB /accounts HTTP/1.1"), 501);
    String connect = raw("CONNECT 127.0.0.1:9042 HTTP/1.1");
    assertTrue(status(connect) >= 400 && status(connect) < 500, connect);
    assertTrue(
        connect.toLowerCase(Locale.ROOT).contains("content-type: application/json"), connect);
    String wrongMethod = raw("DELETE /accounts/acc-h1 HTTP/1.1");
    assertJsonError(wrongMethod, 405);
  }

  private static void assertJsonError(String response, int status) {
    assertEquals(status, status(response), response);
    assertTrue(
        response.toLowerCase(Locale.ROOT).contains("content-type: application/json"), response);
    assertTrue(response.contains("\"code\""), response);
  }

  private static int status(String response) {
    Matcher m = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(response);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Sends one request line (plus Host and Connection: close) and reads the whole answer. */
  private static String raw(String requestLine) throws IOException {
    java.net.URI uri = java.net.URI.create(node.httpUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
