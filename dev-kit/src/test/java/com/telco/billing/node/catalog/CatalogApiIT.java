package com.telco.billing.node.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.json.StrictJson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through HTTP against the real Cassandra: the sample catalog a newcomer publishes
 * ({@code samples/catalog.json}) is published once for the class; the tests read it back, ask for
 * the offerings at instants around its {@code effectiveFrom}, and check that invalid documents and
 * refused publications answer with the right errors and change nothing.
 */
class CatalogApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("catalog_api");

  private static EmbeddedNode node;
  private static HttpJson http;
  private static Response published;

  @BeforeAll
  static void startNodeAndPublishTheSample() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    http = new HttpJson(node.httpUrl());
    published = http.post("/catalog/versions", SampleCatalog.json());
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theSampleCatalogIsPublishedOnce() {
    assertEquals(201, published.status(), published.body());
    assertEquals("2026-01", published.text("version"));
    assertEquals("2026-01-01T00:00:00Z", published.text("effectiveFrom"));
    assertNotNull(published.text("publishedAt"));
    assertEquals(
        List.of("MOBILE_S", "MOBILE_M", "PRESS_PLUS"),
        texts(published.json().get("productOfferingIds")));

    Response repeated = http.post("/catalog/versions", SampleCatalog.json());
    assertEquals(200, repeated.status(), repeated.body());
    assertEquals(published.json(), repeated.json());
  }

  @Test
  void versionsAreListedAndReadBackAsPublished() throws Exception {
    Response list = http.get("/catalog/versions");
    assertEquals(200, list.status(), list.body());
    JsonNode versions = list.json().get("versions");
    assertEquals(1, versions.size(), list.body());
    assertEquals(published.json(), versions.get(0));

    Response one = http.get("/catalog/versions/2026-01");
    assertEquals(200, one.status(), one.body());
    assertEquals("2026-01", one.text("version"));
    assertEquals(published.text("publishedAt"), one.text("publishedAt"));
    assertEquals(StrictJson.MAPPER.readTree(SampleCatalog.json()), one.json().get("document"));

    Response missing = http.get("/catalog/versions/2030-01");
    assertEquals(404, missing.status());
    assertEquals("catalog_version_not_found", missing.text("code"));
  }

  @Test
  void theOfferingsInEffectAtAnInstant() {
    Response before = http.get("/catalog/offerings?at=2025-12-31T23:59:59.999999999Z");
    assertEquals(404, before.status(), before.body());
    assertEquals("no_catalog_in_effect", before.text("code"));
    assertEquals("at", before.text("field"));

    Response at = http.get("/catalog/offerings?at=2026-01-01T00:00:00Z");
    assertEquals(200, at.status(), at.body());
    assertEquals("2026-01", at.text("version"));
    assertEquals("2026-01-01T00:00:00Z", at.text("effectiveFrom"));
    assertEquals(
        List.of("MOBILE_S", "MOBILE_M", "PRESS_PLUS"), ids(at.json().get("productOfferings")));
    assertEquals(
        "Mobile S", at.json().get("productOfferings").get(0).get("name").asText(), at.body());

    Response withOffset = http.get("/catalog/offerings?at=2026-06-01T12:00:00%2B02:00");
    assertEquals(200, withOffset.status(), withOffset.body());
    assertEquals("2026-06-01T10:00:00Z", withOffset.text("at"));
    assertEquals("2026-01", withOffset.text("version"));

    Response now = http.get("/catalog/offerings");
    assertEquals(200, now.status(), now.body());
    assertEquals("2026-01", now.text("version"));

    Response invalid = http.get("/catalog/offerings?at=tomorrow");
    assertEquals(400, invalid.status());
    assertEquals("invalid_instant", invalid.text("code"));
    assertEquals("at", invalid.text("field"));
  }

  @Test
  void anInvalidDocumentIsRejectedWithEveryProblemAndChangesNothing() {
    String invalid =
        replaceOnce(
            replaceOnce(
                replaceOnce(
                    SampleCatalog.json("2026-02", "first of February"),
                    "\"rate\": 0.19",
                    "\"rate\": 1.19"),
                "\"unitOfMeasure\": \"SECOND\"",
                "\"unitOfMeasure\": \"MINUTE\""),
            "\"EUR\": 9.99",
            "\"EUR\": -9.99");
    Response rejected = http.post("/catalog/versions", invalid);
    assertEquals(400, rejected.status(), rejected.body());
    assertEquals("validation_failed", rejected.text("code"));
    List<String> errors = new ArrayList<>();
    rejected
        .json()
        .get("errors")
        .forEach(e -> errors.add(e.get("code").asText() + " " + e.get("field").asText()));
    assertTrue(errors.contains("invalid_instant $.effectiveFrom"), errors.toString());
    assertTrue(errors.contains("invalid_tax_rate $.taxRates[0].rate"), errors.toString());
    assertTrue(errors.contains("invalid_value $.usageTypes[0].unitOfMeasure"), errors.toString());
    assertTrue(
        errors.contains("negative_amount $.productOfferings[0].prices[0].price.EUR"),
        errors.toString());

    Response unknownField =
        http.post(
            "/catalog/versions",
            SampleCatalog.json("2026-02", "2030-01-01T00:00:00Z")
                .replace("\"chargeWhileSuspended\"", "\"chargeWhenSuspended\""));
    assertEquals(400, unknownField.status(), unknownField.body());
    assertEquals("unknown_field", unknownField.text("code"));

    Response fraction =
        http.post(
            "/catalog/versions",
            replaceOnce(
                SampleCatalog.json("2026-02", "2030-01-01T00:00:00Z"),
                "\"unitSize\": 60",
                "\"unitSize\": 60.5"));
    assertEquals(400, fraction.status(), fraction.body());
    assertEquals("invalid_type", fraction.text("code"));

    assertEquals(404, http.get("/catalog/versions/2026-02").status());
    assertEquals(1, http.get("/catalog/versions").json().get("versions").size());
  }

  @Test
  void publicationRulesRefuseWithConflicts() {
    String yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS) + "";
    Response inThePast = http.post("/catalog/versions", SampleCatalog.json("2026-02", yesterday));
    assertEquals(409, inThePast.status(), inThePast.body());
    assertEquals("effective_in_past", inThePast.text("code"));
    assertEquals("$.effectiveFrom", inThePast.text("field"));

    Response taken =
        http.post(
            "/catalog/versions",
            SampleCatalog.json().replace("plans S and M, press add-on", "plans S and M"));
    assertEquals(409, taken.status(), taken.body());
    assertEquals("version_exists", taken.text("code"));
    assertEquals("$.version", taken.text("field"));

    assertEquals(404, http.get("/catalog/versions/2026-02").status());
    assertEquals(1, http.get("/catalog/versions").json().get("versions").size());
  }

  private static String replaceOnce(String text, String target, String replacement) {
    int at = text.indexOf(target);
    if (at < 0) {
      throw new IllegalStateException("the sample has no " + target);
    }
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }
}
