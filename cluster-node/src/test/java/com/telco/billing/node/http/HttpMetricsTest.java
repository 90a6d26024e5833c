package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.metrics.ScrapedMetrics;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routes inside the API's edge ({@link HttpApi#edge}), over HTTP: request ids accepted, refused or
 * made, returned and seen by the routes; every response counted under its endpoint's template (or
 * {@code unmatched}), method and status; and {@code GET /metrics} of {@link MetricsRoutes} writing
 * it all out.
 */
class HttpMetricsTest {
  private static final Endpoint THINGS = new Endpoint("POST", "/things", Set.of(), true);
  private static final Endpoint BROKEN = new Endpoint("GET", "/broken", Set.of(), true);
  private static ActorTestKit testKit;
  private static ServerBinding api;
  private static ServerBinding management;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
    Access access = new Access(null, null);
    Route routes =
        concat(
            path(
                "things",
                () ->
                    access.endpoint(
                        THINGS,
                        caller -> complete(StatusCodes.CREATED, "made by " + caller.requestId()))),
            // a route that bypasses Access: the edge must not let its success through
            path("rogue", () -> complete("nobody checked me")),
            path(
                "broken",
                () ->
                    access.endpoint(
                        BROKEN,
                        () -> {
                          throw new IllegalStateException("a bug");
                        })));
    api = bind(HttpApi.edge(testKit.system(), access, () -> routes));
    MetricsRoutes metrics =
        new MetricsRoutes((ExtendedActorSystem) Adapter.toClassic(testKit.system()));
    management = bind(metrics.routes(null));
  }

  private static ServerBinding bind(Route route) throws Exception {
    return Http.get(testKit.system())
        .newServerAt("127.0.0.1", 0)
        .bind(route)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    api.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    management.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    testKit.shutdownTestKit();
  }

  private static HttpResponse<String> send(
      ServerBinding binding, String method, String path, String requestId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (requestId != null) {
      request.header(RequestIds.HEADER, requestId);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ScrapedMetrics scrape() throws Exception {
    HttpResponse<String> r = send(management, "GET", "/metrics", null);
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
        r.headers().toString());
    return ScrapedMetrics.parse(r.body());
  }

  @Test
  void aSafeRequestIdIsKeptAndReturned() throws Exception {
    HttpResponse<String> r = send(api, "POST", "/things", "mediation-42.batch:7");
    assertEquals(201, r.statusCode());
    assertEquals("mediation-42.batch:7", r.headers().firstValue(RequestIds.HEADER).orElseThrow());
    assertEquals("made by mediation-42.batch:7", r.body());
  }

  @Test
  void anUnsafeOrMissingRequestIdIsReplaced() throws Exception {
    for (String offered : new String[] {"a b<script>", "x".repeat(65), null}) {
      HttpResponse<String> r = send(api, "POST", "/things", offered);
      String id = r.headers().firstValue(RequestIds.HEADER).orElseThrow();
      assertNotEquals(offered, id);
      assertTrue(id.matches("[0-9a-f-]{36}"), id);
      assertEquals("made by " + id, r.body());
    }
    // an error answered by the error mapper carries one too
    assertTrue(
        send(api, "GET", "/nowhere", null).headers().firstValue(RequestIds.HEADER).isPresent());
  }

  @Test
  void everyResponseIsCountedUnderItsTemplateMethodAndStatus() throws Exception {
    ScrapedMetrics before = scrape();
    send(api, "POST", "/things", null);
    send(api, "POST", "/things", null);
    send(api, "GET", "/broken", null);
    send(api, "GET", "/nowhere/at/all", null);
    ScrapedMetrics after = scrape();

    String requests = "billing_http_requests_total";
    assertEquals(2, delta(before, after, requests, "/things", "POST", "201"));
    assertEquals(1, delta(before, after, requests, "/broken", "GET", "500"));
    assertEquals(1, delta(before, after, requests, "unmatched", "GET", "404"));
    assertEquals(
        2,
        after.value(
                "billing_http_request_duration_seconds_count", "route", "/things", "method", "POST")
            - before.value(
                "billing_http_request_duration_seconds_count",
                "route",
                "/things",
                "method",
                "POST"));
  }

  private static double delta(
      ScrapedMetrics before,
      ScrapedMetrics after,
      String name,
      String route,
      String method,
      String status) {
    return after.value(name, "route", route, "method", method, "status", status)
        - before.value(name, "route", route, "method", method, "status", status);
  }

  @Test
  void aRouteThatDeclaredNoEndpointCannotAnswer() throws Exception {
    HttpResponse<String> r = send(api, "GET", "/rogue", null);
    assertEquals(500, r.statusCode());
    assertTrue(r.body().contains("internal_error"), r.body());
  }

  @Test
  void theScrapeIsOnlyServedForGet() throws Exception {
    assertEquals(404, send(management, "GET", "/other", null).statusCode());
    assertNotEquals(200, send(management, "POST", "/metrics", null).statusCode());
  }
}
