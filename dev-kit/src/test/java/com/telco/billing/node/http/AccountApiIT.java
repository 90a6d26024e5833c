package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through HTTP against the real Cassandra: accounts are opened, read, refused with the
 * right codes, and read back by a new node after the first one stopped (recovered from the
 * journal).
 */
class AccountApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("account_api");

  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void startNode() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    http = new HttpJson(node.httpUrl());
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static String account(String id, String currency) {
    return """
        {"id": "%s", "name": "Jane Doe", "currency": "%s", "billCycleDay": 5,
         "timeZone": "Europe/Berlin", "taxJurisdiction": "DE", "taxExempt": false,
         "paymentTermsDays": 30, "paymentMethodRef": "tok_visa_1", "legalEntity": "TELCO_DE"}
        """
        .formatted(id, currency);
  }

  @Test
  void opensReadsAndIsIdempotent() {
    Response created = http.post("/accounts", account("acc-open-1", "EUR"));
    assertEquals(201, created.status(), created.body());
    assertEquals("acc-open-1", created.text("id"));
    assertEquals("EUR", created.text("currency"));
    assertEquals("Europe/Berlin", created.text("timeZone"));
    assertNotNull(created.text("openedAt"));

    Response repeated = http.post("/accounts", account("acc-open-1", "EUR"));
    assertEquals(200, repeated.status(), repeated.body());
    assertEquals(created.text("openedAt"), repeated.text("openedAt"));

    Response read = http.get("/accounts/acc-open-1");
    assertEquals(200, read.status());
    assertEquals(created.json(), read.json());
  }

  @Test
  void aReusedIdWithDifferentDataIsAConflict() {
    assertEquals(201, http.post("/accounts", account("acc-conflict", "EUR")).status());
    Response conflict = http.post("/accounts", account("acc-conflict", "USD"));
    assertEquals(409, conflict.status());
    assertEquals("account_conflict", conflict.text("code"));
    assertEquals("id", conflict.text("field"));
  }

  @Test
  void anUnknownAccountIsNotFound() {
    Response missing = http.get("/accounts/nobody");
    assertEquals(404, missing.status());
    assertEquals("account_not_found", missing.text("code"));
  }

  @Test
  void invalidInputNamesTheField() {
    Response badDay =
        http.post(
            "/accounts",
            account("acc-bad", "EUR").replace("\"billCycleDay\": 5", "\"billCycleDay\": 31"));
    assertEquals(400, badDay.status());
    assertEquals("out_of_range", badDay.text("code"));
    assertEquals("billCycleDay", badDay.text("field"));

    Response several = http.post("/accounts", "{\"id\": \"x\", \"currency\": \"EURO\"}");
    assertEquals(400, several.status());
    assertEquals("validation_failed", several.text("code"));
    assertTrue(several.json().get("errors").size() >= 4, several.body());

    Response wrongType =
        http.post(
            "/accounts",
            account("acc-bad", "EUR")
                .replace("\"billCycleDay\": 5", "\"billCycleDay\": \"fifth\""));
    assertEquals(400, wrongType.status());
    assertEquals("invalid_type", wrongType.text("code"));
    assertEquals("billCycleDay", wrongType.text("field"));

    Response unknown =
        http.post("/accounts", account("acc-bad", "EUR").replace("\"taxExempt\"", "\"taxExampt\""));
    assertEquals(400, unknown.status());
    assertEquals("unknown_field", unknown.text("code"));
    assertEquals("taxExampt", unknown.text("field"));

    Response malformed = http.post("/accounts", "{\"id\": ");
    assertEquals(400, malformed.status());
    assertEquals("malformed_json", malformed.text("code"));

    Response card =
        http.post("/accounts", account("acc-bad", "EUR").replace("tok_visa_1", "4111111111111111"));
    assertEquals(400, card.status());
    assertEquals("card_number_not_allowed", card.text("code"));

    Response media = http.post("/accounts", "text/plain", account("acc-bad", "EUR"));
    assertEquals(415, media.status());
    assertEquals("unsupported_media_type", media.text("code"));

    assertEquals(404, http.get("/accounts/acc-bad").status(), "nothing was opened by bad requests");
  }

  @Test
  void unknownPathsAndMethodsGetJsonErrors() {
    Response path = http.get("/no-such-thing");
    assertEquals(404, path.status());
    assertEquals("not_found", path.text("code"));
    Response method =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(node.httpUrl() + "/accounts/a"))
                .DELETE());
    assertEquals(405, method.status());
    assertEquals("method_not_allowed", method.text("code"));
  }

  @Test
  void aNewNodeRecoversAccountsFromTheJournal() {
    String keyspace = TestCassandra.uniqueKeyspace("account_restart");
    String opened;
    try (EmbeddedNode first = EmbeddedNode.start(CASSANDRA, keyspace)) {
      Response created =
          new HttpJson(first.httpUrl()).post("/accounts", account("acc-durable", "JPY"));
      assertEquals(201, created.status(), created.body());
      opened = created.text("openedAt");
    }
    try (EmbeddedNode second = EmbeddedNode.start(CASSANDRA, keyspace)) {
      Response read = new HttpJson(second.httpUrl()).get("/accounts/acc-durable");
      assertEquals(200, read.status(), read.body());
      assertEquals("JPY", read.text("currency"));
      assertEquals(opened, read.text("openedAt"));
    }
  }
}
