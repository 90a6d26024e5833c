package com.telco.billing.node.dunning.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through HTTP against the real Cassandra: the sample dunning policy ({@code
 * samples/dunning-policy.json}) is published as version 1, published again without a new version,
 * changed into version 2, and read back by id and version; invalid documents answer every problem;
 * the roles are those of docs/security.md.
 */
class DunningPolicyApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("dunning_policy_api");

  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void startNode() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    http = HttpJson.withRoles(node.httpUrl(), "finance");
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void versionsArePublishedOnceAndReadBack() {
    Response first = http.post("/dunning-policies", SampleDunningPolicy.json());
    assertEquals(201, first.status(), first.body());
    assertEquals(1, first.json().get("version").asInt());
    assertEquals("DEFAULT", first.text("legalEntity"));
    assertNotNull(first.text("publishedAt"));
    assertTrue(
        first.body().contains("\"minimumOverdue\":[{\"unit\":\"EUR\",\"value\":5.00}"),
        first.body());
    assertEquals(
        List.of("reminder", "late_fee"), texts(first.json().get("steps").get(1).get("actions")));

    Response again = http.post("/dunning-policies", SampleDunningPolicy.json());
    assertEquals(200, again.status(), again.body());
    assertEquals(first.json(), again.json());

    String changed = SampleDunningPolicy.json().replace("\"day\": 3,", "\"day\": 5,");
    Response second = http.post("/dunning-policies", changed);
    assertEquals(201, second.status(), second.body());
    assertEquals(2, second.json().get("version").asInt());

    Response latest =
        HttpJson.withRoles(node.httpUrl(), "collections").get("/dunning-policies/standard");
    assertEquals(200, latest.status(), latest.body());
    assertEquals(second.json(), latest.json());
    Response one = http.get("/dunning-policies/standard/versions/1");
    assertEquals(200, one.status(), one.body());
    assertEquals(first.json(), one.json());
    Response list = http.get("/dunning-policies");
    assertEquals(200, list.status(), list.body());
    assertEquals(second.json(), list.json().get("policies").get(0));

    assertEquals(404, http.get("/dunning-policies/standard/versions/3").status());
    assertEquals(404, http.get("/dunning-policies/standard/versions/x").status());
    Response missing = http.get("/dunning-policies/nobody");
    assertEquals(404, missing.status());
    assertEquals("dunning_policy_not_found", missing.text("code"));
  }

  @Test
  void anInvalidDocumentIsAnsweredWithEveryProblem() {
    String invalid =
        """
        {"policyId": "broken", "legalEntity": "ENT-9", "minimumOverdue": [{"unit": "EUR", "value": 5.001}],
         "steps": [{"name": "a", "day": 10, "actions": ["reminder"]},
                   {"name": "b", "day": 5, "actions": ["late_fee", "dance"]}]}
        """;
    Response refused = http.post("/dunning-policies", invalid);
    assertEquals(400, refused.status(), refused.body());
    assertEquals("validation_failed", refused.text("code"));
    List<String> fields = new ArrayList<>();
    refused.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(
        List.of(
            "$.minimumOverdue[0].value", "$.steps[1].day", "$.steps[1].actions[1]", "$.lateFee"),
        fields);
    assertEquals(404, http.get("/dunning-policies/broken").status());
  }

  @Test
  void onlyFinanceAndAdminPublish() {
    Response forbidden =
        HttpJson.withRoles(node.httpUrl(), "collections")
            .post("/dunning-policies", SampleDunningPolicy.json());
    assertEquals(403, forbidden.status(), forbidden.body());
    assertTrue(
        HttpJson.withRoles(node.httpUrl(), "mediation").get("/dunning-policies").status() == 403);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
