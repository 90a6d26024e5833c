package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.Main;
import com.telco.billing.node.usage.intake.IntakeService;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The document describes the routes the node serves, no more and no fewer.
 *
 * <p>The router's routes are listed by {@link #routesOfTheRouteClasses()}, read from the route
 * classes of this package; each of them is proven to be served by asking the real router ({@link
 * HttpApi#routes}) for it. Routes are compared as {@code "METHOD /path"} with path parameters
 * unnamed ({@code /accounts/{}}), so a parameter's name is not a difference.
 */
class OpenApiRouterTest {
  /**
   * Routes the document describes that the access layer adds to the router: API keys and the audit
   * trail. Once they are served, the router walk below proves it and they move into {@link
   * #routesOfTheRouteClasses()}.
   */
  static final Set<String> ROUTES_OF_THE_ACCESS_LAYER =
      Set.of(
          "POST /admin/api-keys",
          "GET /admin/api-keys",
          "GET /admin/api-keys/{}",
          "DELETE /admin/api-keys/{}",
          "POST /admin/api-keys/{}/rotate",
          "GET /audit");

  /**
   * Every route of the route classes in this package ({@code AccountRoutes}, {@code
   * SubscriptionRoutes}, {@code UsageRoutes}, {@code SuspenseRoutes}, {@code ServiceRoutes}, {@code
   * InvoiceRoutes}, {@code BillRunRoutes}, {@code CatalogRoutes}, {@code ClusterRoutes}, {@code
   * OpenApiRoutes}) as {@link HttpApi#routes} joins them. A route added to a class without being
   * added here and to the document is not seen by this list.
   */
  static Set<String> routesOfTheRouteClasses() {
    return Set.of(
        // AccountRoutes
        "POST /accounts",
        "GET /accounts/{}",
        "GET /accounts/{}/usage/current",
        // SubscriptionRoutes
        "POST /accounts/{}/subscriptions",
        "POST /accounts/{}/subscriptions/{}/change-offering",
        "POST /accounts/{}/subscriptions/{}/suspend",
        "POST /accounts/{}/subscriptions/{}/resume",
        "POST /accounts/{}/subscriptions/{}/terminate",
        // UsageRoutes
        "POST /usage",
        "POST /usage/batches",
        "GET /usage/batches",
        "GET /usage/batches/parked",
        "GET /usage/batches/{}",
        "POST /usage/batches/{}/redrive",
        // SuspenseRoutes
        "GET /suspense",
        "POST /suspense/recycle",
        // ServiceRoutes
        "GET /services/{}",
        // InvoiceRoutes
        "GET /invoices/{}",
        "GET /accounts/{}/invoices",
        "GET /accounts/{}/invoices/preview",
        // BillRunRoutes
        "POST /bill-runs",
        "GET /bill-runs",
        "GET /bill-runs/{}",
        // CatalogRoutes
        "POST /catalog/versions",
        "GET /catalog/versions",
        "GET /catalog/versions/{}",
        "GET /catalog/offerings",
        // ClusterRoutes
        "GET /cluster/shards",
        // OpenApiRoutes
        "GET /openapi.json");
  }

  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private static final Logger API_ERRORS = (Logger) LoggerFactory.getLogger(ApiErrors.class);
  private static Level apiErrorsLevel;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The real router over services that are absent: a request a route takes fails inside it (500, or
   * 4xx from its own checks), one no route takes is answered {@code not_found} or {@code
   * method_not_allowed}.
   */
  @BeforeAll
  static void start() throws Exception {
    // the absent services fail every request a route takes: expected here, not worth a log line
    apiErrorsLevel = API_ERRORS.getLevel();
    API_ERRORS.setLevel(Level.OFF);
    testKit =
        ActorTestKit.create(
            ConfigFactory.parseString("pekko.loglevel = OFF\npekko.stdout-loglevel = OFF"));
    BillingSettings settings = BillingSettings.from(Main.loadConfig(ConfigFactory.empty()));
    Clock clock = Clock.systemUTC();
    HttpApi.Services services =
        new HttpApi.Services(
            null,
            null,
            null,
            new IntakeService(null, null, settings.intake(), clock),
            null,
            null,
            null,
            null,
            null);
    binding =
        Http.get(testKit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(
                new ApiErrors()
                    .seal(
                        concat(
                            HttpApi.routes(testKit.system(), settings, services, clock),
                            new OpenApiRoutes(OpenApiDocument.get()).routes())))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    testKit.shutdownTestKit();
    API_ERRORS.setLevel(apiErrorsLevel);
  }

  /** {@code "GET /accounts/{id}"} as {@code "GET /accounts/{}"}. */
  static String unnamed(String route) {
    return route.replaceAll("\\{[^}/]*}", "{}");
  }

  static Set<String> documentedRoutes() {
    Set<String> routes = new TreeSet<>();
    OpenApiDocumentTest.forEachOperation(
        OpenApiSchemas.document(), (operation, op) -> routes.add(unnamed(operation)));
    return routes;
  }

  @Test
  void theDocumentDescribesExactlyTheRoutesOfTheRouterAndOfTheAccessLayer() {
    Set<String> expected = new TreeSet<>(routesOfTheRouteClasses());
    expected.addAll(ROUTES_OF_THE_ACCESS_LAYER);
    assertEquals(expected, documentedRoutes());
  }

  /** Whether the router takes the route: any answer but "no such route" or "not this method". */
  private static boolean served(String route) throws Exception {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1).replace("{}", "p1");
    HttpRequest.BodyPublisher body =
        method.equals("POST")
            ? HttpRequest.BodyPublishers.ofString("{}")
            : HttpRequest.BodyPublishers.noBody();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, body)
            .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode error =
        response.body().length == 0
            ? OpenApiSchemas.MAPPER.createObjectNode()
            : OpenApiSchemas.MAPPER.readTree(response.body());
    String code = error.path("code").asText();
    return !(response.statusCode() == 404 && code.equals("not_found"))
        && !(response.statusCode() == 405 && code.equals("method_not_allowed"));
  }

  @Test
  void theRouterServesEveryRouteOfTheList() throws Exception {
    List<String> notServed = new ArrayList<>();
    for (String route : new TreeSet<>(routesOfTheRouteClasses())) {
      if (!served(route)) {
        notServed.add(route);
      }
    }
    assertEquals(List.of(), notServed);
  }

  @Test
  void theRoutesOfTheAccessLayerAreNotInTheRouterYet() throws Exception {
    List<String> served = new ArrayList<>();
    for (String route : new TreeSet<>(ROUTES_OF_THE_ACCESS_LAYER)) {
      if (served(route)) {
        served.add(route);
      }
    }
    assertEquals(List.of(), served, "served now: move them to routesOfTheRouteClasses()");
  }

  @Test
  void aRouteTheRouterDoesNotHaveIsSeenAsSuch() throws Exception {
    assertEquals(false, served("GET /accounts/{}/no-such-thing"));
    assertEquals(false, served("DELETE /accounts/{}"));
  }
}
