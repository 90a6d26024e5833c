package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.DevKeys;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.security.Role;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, through HTTP against the real Cassandra: every endpoint of the router walked
 * without credentials (401), with a role it does not list (403) and with each role it lists
 * (neither); bearer tokens refused for every defect; API keys issued, used, rotated and revoked.
 */
class SecurityApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("security_api");

  /** A value for each path parameter of the endpoint templates. */
  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("{id}", "acc-walk"),
          Map.entry("{subscriptionId}", "sub-walk"),
          Map.entry("{serviceId}", "491700000001"),
          Map.entry("{batchId}", "b-walk"),
          Map.entry("{number}", "INV-WALK-1"),
          Map.entry("{versionId}", "v-walk"),
          Map.entry("{fileId}", "DD-WALK-20261201-1"),
          Map.entry("{holdId}", "HOLD-0000000000000001"),
          Map.entry("{episode}", "1"),
          Map.entry("{stepIndex}", "0"),
          Map.entry("{policyId}", "standard"),
          Map.entry("{version}", "1"),
          Map.entry("{disputeId}", "DSP-0000000000000001"));

  private static EmbeddedNode node;

  @BeforeAll
  static void startNode() {
    // a low rate per API key, so that one test can exceed it quickly
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                "billing.security.rate-limit { requests-per-second = 5, burst = 20 }"));
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static String pathOf(Endpoint endpoint) {
    String path = endpoint.path();
    for (var sample : SAMPLES.entrySet()) {
      path = path.replace(sample.getKey(), sample.getValue());
    }
    if (endpoint.path().startsWith("/admin/api-keys/")) {
      path = path.replace("acc-walk", "ak_0000000000000000");
    }
    assertFalse(path.contains("{"), "no sample for " + endpoint);
    return path;
  }

  private static Response call(HttpJson http, Endpoint endpoint) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.httpUrl() + pathOf(endpoint)));
    if (endpoint.method().equals("GET") || endpoint.method().equals("DELETE")) {
      request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}"));
    }
    return http.send(request);
  }

  @Test
  void everyRouteRefusesStrangersAndOtherRolesAndAdmitsItsOwn() {
    HttpJson anonymous = HttpJson.anonymous(node.httpUrl());
    List<String> problems = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.all()) {
      if (endpoint == Endpoints.GATEWAY_WEBHOOK) {
        // public, and authenticated by its signature: none is refused, nothing recorded
        Response unsigned = call(anonymous, endpoint);
        if (unsigned.status() != 400 || !"signature_invalid".equals(unsigned.text("code"))) {
          problems.add(endpoint + " without a signature: " + unsigned.status());
        }
        continue;
      }
      if (endpoint.isPublic()) {
        Response open = call(anonymous, endpoint);
        if (open.status() != 200) {
          problems.add(endpoint + " (public) without credentials: " + open.status());
        }
        continue;
      }
      Response none = call(anonymous, endpoint);
      if (none.status() != 401
          || !"unauthenticated".equals(none.text("code"))
          || none.raw().headers().firstValue("WWW-Authenticate").isEmpty()) {
        problems.add(endpoint + " without credentials: " + none.status() + " " + none.body());
      }
      Role outsider =
          Arrays.stream(Role.values()).filter(r -> !endpoint.roles().contains(r)).findFirst().get();
      Response other = call(HttpJson.withRoles(node.httpUrl(), outsider.wireName()), endpoint);
      if (other.status() != 403 || !"forbidden".equals(other.text("code"))) {
        problems.add(endpoint + " as " + outsider.wireName() + ": " + other.status());
      }
      for (Role role : endpoint.roles()) {
        Response admitted = call(HttpJson.withRoles(node.httpUrl(), role.wireName()), endpoint);
        int status = admitted.status();
        if (status == 401
            || status == 403
            || status == 405
            || status >= 500
            || "not_found".equals(admitted.text("code"))) {
          problems.add(endpoint + " as " + role.wireName() + ": " + status + " " + admitted.body());
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void unknownPathsAndWrongMethodsAreNotAuthorizationAnswers() {
    HttpJson anonymous = HttpJson.anonymous(node.httpUrl());
    assertEquals(404, anonymous.get("/no-such-thing").status());
    Response reqId = anonymous.get("/accounts/x");
    assertEquals(401, reqId.status());
    assertTrue(reqId.raw().headers().firstValue("X-Request-Id").isPresent());
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(DevKeys.ISSUER)
        .audience(DevKeys.AUDIENCE)
        .subject("mallory")
        .notBeforeTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("roles", List.of("ops"));
  }

  @Test
  void defectiveTokensAreRefused() {
    DevKeys keys = DevKeys.ephemeral();
    Instant now = Instant.now();
    String good = keys.sign(claims().build());
    assertEquals(404, bearer(good).get("/accounts/nobody").status());
    String[] parts = good.split("\\.");
    String otherPayload =
        keys.sign(claims().claim("roles", List.of("admin")).build()).split("\\.")[1];
    Map<String, String> bad =
        Map.of(
            "expired",
            keys.sign(claims().expirationTime(Date.from(now.minusSeconds(300))).build()),
            "not yet valid",
            keys.sign(claims().notBeforeTime(Date.from(now.plusSeconds(300))).build()),
            "wrong audience",
            keys.sign(claims().audience("another-api").build()),
            "wrong issuer",
            keys.sign(claims().issuer("https://elsewhere.test/").build()),
            "alg none",
            new PlainJWT(claims().build()).serialize(),
            "tampered",
            parts[0] + "." + otherPayload + "." + parts[2],
            "garbage",
            "not-a-token");
    for (var token : bad.entrySet()) {
      Response r = bearer(token.getValue()).get("/accounts/nobody");
      assertEquals(401, r.status(), token.getKey() + ": " + r.body());
      assertEquals("unauthenticated", r.text("code"), token.getKey());
      assertFalse(r.body().contains(token.getValue()), "the token is not echoed");
    }
    Response scheme = new HttpJson(node.httpUrl(), "Basic YWxpY2U6c2VjcmV0").get("/accounts/x");
    assertEquals(401, scheme.status());
  }

  private static HttpJson bearer(String token) {
    return new HttpJson(node.httpUrl(), "Bearer " + token);
  }

  @Test
  void apiKeysAreIssuedUsedRotatedAndRevoked() {
    HttpJson admin = HttpJson.withRoles(node.httpUrl(), "admin");
    Response refused = admin.post("/admin/api-keys", "{\"name\": \"feed\", \"roles\": [\"root\"]}");
    assertEquals(400, refused.status(), refused.body());
    assertEquals(
        403,
        HttpJson.withRoles(node.httpUrl(), "ops")
            .post("/admin/api-keys", "{\"name\": \"x\", \"roles\": [\"mediation\"]}")
            .status());

    Response created =
        admin.post(
            "/admin/api-keys", "{\"name\": \"mediation feed A\", \"roles\": [\"mediation\"]}");
    assertEquals(201, created.status(), created.body());
    String id = created.text("id");
    String secret = created.text("secret");
    assertNotNull(secret);
    HttpJson feed = new HttpJson(node.httpUrl(), "ApiKey " + id + "." + secret);
    assertEquals(200, feed.get("/usage/batches/parked").status());
    assertEquals(403, feed.get("/accounts/acc-1").status(), "mediation reads no accounts");
    assertEquals(
        401,
        new HttpJson(node.httpUrl(), "ApiKey " + id + ".wrong")
            .get("/usage/batches/parked")
            .status());

    Response listed = admin.get("/admin/api-keys");
    assertEquals(200, listed.status());
    assertTrue(listed.body().contains(id));
    assertFalse(listed.body().contains(secret), "secrets are shown once");
    assertNull(admin.get("/admin/api-keys/" + id).text("secret"));

    Response rotated = admin.post("/admin/api-keys/" + id + "/rotate", "");
    assertEquals(200, rotated.status(), rotated.body());
    String newSecret = rotated.text("secret");
    assertNotEquals(secret, newSecret);
    assertNotNull(rotated.text("previousSecretValidUntil"));
    HttpJson renewed = new HttpJson(node.httpUrl(), "ApiKey " + id + "." + newSecret);
    assertEquals(200, renewed.get("/usage/batches/parked").status());
    assertEquals(200, feed.get("/usage/batches/parked").status(), "old secret in its grace period");

    assertEquals(
        200,
        admin
            .send(
                HttpRequest.newBuilder(URI.create(node.httpUrl() + "/admin/api-keys/" + id))
                    .DELETE())
            .status());
    assertEquals(401, renewed.get("/usage/batches/parked").status());
    assertEquals(401, feed.get("/usage/batches/parked").status());
    assertEquals(404, admin.get("/admin/api-keys/" + id).status());
  }

  @Test
  void anExpiredApiKeyIsRefused() throws InterruptedException {
    HttpJson admin = HttpJson.withRoles(node.httpUrl(), "admin");
    Response created =
        admin.post(
            "/admin/api-keys",
            "{\"name\": \"short\", \"roles\": [\"ops\"], \"expiresAt\": \""
                + Instant.now().plusSeconds(2)
                + "\"}");
    assertEquals(201, created.status(), created.body());
    HttpJson key =
        new HttpJson(node.httpUrl(), "ApiKey " + created.text("id") + "." + created.text("secret"));
    assertEquals(200, key.get("/cluster/shards").status());
    Thread.sleep(2500);
    assertEquals(401, key.get("/cluster/shards").status());
  }

  @Test
  void anApiKeyOverItsRateIsAnswered429WithRetryAfter() throws Exception {
    HttpJson admin = HttpJson.withRoles(node.httpUrl(), "admin");
    Response created = admin.post("/admin/api-keys", "{\"name\": \"flood\", \"roles\": [\"ops\"]}");
    assertEquals(201, created.status(), created.body());
    String credential = "ApiKey " + created.text("id") + "." + created.text("secret");
    HttpJson flood = new HttpJson(node.httpUrl(), credential);
    int ok = 0;
    int limited = 0;
    // the node admits bursts of 20 and 5 a second after that (set above)
    for (int i = 0; i < 60; i++) {
      Response r = flood.get("/usage/batches/parked");
      if (r.status() == 200) {
        ok++;
      } else {
        assertEquals(429, r.status(), r.body());
        assertEquals("rate_limited", r.text("code"));
        assertTrue(
            Integer.parseInt(r.raw().headers().firstValue("Retry-After").orElseThrow()) >= 1);
        limited++;
      }
    }
    assertTrue(ok >= 20, "the burst is admitted: " + ok);
    assertTrue(limited > 0, "the rest is refused");
    // other callers are not affected
    assertEquals(
        200, HttpJson.withRoles(node.httpUrl(), "ops").get("/usage/batches/parked").status());
  }
}
