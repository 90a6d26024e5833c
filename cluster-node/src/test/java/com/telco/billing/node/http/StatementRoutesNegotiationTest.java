package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.payment.StatementView;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The format of an account statement over HTTP, as for invoices: {@code ?format=} first, else the
 * Accept header, JSON by default.
 */
class StatementRoutesNegotiationTest {
  private static final StatementView VIEW =
      new StatementView(
          new OpenAccountRequest(
                  "acc-1001", "Jane Doe", "EUR", 5, "Europe/Berlin", "DE", false, null, null, null)
              .validate()
              .value(),
          new Statement(
              LocalDate.of(2026, 11, 1),
              LocalDate.of(2026, 12, 31),
              new BigDecimal("0.00"),
              List.of(
                  new Statement.Entry(
                      LocalDate.of(2026, 11, 5),
                      Statement.Kind.INVOICE,
                      "INV-1",
                      null,
                      new BigDecimal("45.05"),
                      new BigDecimal("45.05"))),
              new BigDecimal("45.05")));

  private static final AtomicInteger lookups = new AtomicInteger();
  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
    PaymentRoutes routes = new PaymentRoutes(null, null);
    binding =
        Http.get(testKit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(
                new ApiErrors()
                    .seal(
                        routes.path(
                            "statement",
                            () ->
                                routes.statement(
                                    () -> {
                                      lookups.incrementAndGet();
                                      return CompletableFuture.completedFuture(VIEW);
                                    }))))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    testKit.shutdownTestKit();
  }

  private static HttpResponse<byte[]> get(String query, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + binding.localAddress().getPort() + "/statement" + query))
            .timeout(Duration.ofSeconds(30));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void jsonByDefaultAsTheStatementResponse() throws Exception {
    for (String accept : new String[] {null, "*/*", "application/json"}) {
      HttpResponse<byte[]> r = get("", accept);
      assertEquals(200, r.statusCode(), accept);
      assertEquals("application/json", contentType(r), accept);
      JsonNode body = StrictJson.readTree(text(r));
      assertEquals("acc-1001", body.get("accountId").asText());
      assertEquals("45.05", body.at("/closingBalance/value").decimalValue().toPlainString());
      assertTrue(body.at("/closingBalance/value").isNumber());
    }
  }

  @Test
  void pdfByTheFormatParameterOrTheAcceptHeader() throws Exception {
    for (HttpResponse<byte[]> pdf :
        List.of(get("?format=pdf", "application/json"), get("", "application/pdf"))) {
      assertEquals(200, pdf.statusCode());
      assertEquals("application/pdf", contentType(pdf));
      assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
    }
    HttpResponse<byte[]> html = get("?format=html", null);
    assertTrue(contentType(html).startsWith("text/html"), contentType(html));
    assertTrue(text(html).contains("<td class=\"num\">45.05 EUR</td>"), text(html));
  }

  @Test
  void anUnknownFormatIs400BeforeTheAccountIsAskedAndNoAcceptableFormatIs406() throws Exception {
    int before = lookups.get();
    HttpResponse<byte[]> bad = get("?format=xml", null);
    assertEquals(400, bad.statusCode());
    assertEquals("unsupported_format", StrictJson.readTree(text(bad)).get("code").asText());
    assertEquals(before, lookups.get());
    HttpResponse<byte[]> none = get("", "application/xml");
    assertEquals(406, none.statusCode());
    assertEquals("http_406", StrictJson.readTree(text(none)).get("code").asText());
  }
}
