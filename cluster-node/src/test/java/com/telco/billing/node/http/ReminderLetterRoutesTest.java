package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.node.invoice.render.ReminderLetterView;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
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
 * The format of a reminder letter over HTTP: {@code ?format=} first, else the Accept header, HTML
 * by default; a step without a letter is 404 {@code letter_not_found}.
 */
class ReminderLetterRoutesTest {
  private static final ReminderLetterView VIEW =
      ReminderLetterView.of(
          new AccountProfile(
              "acc-1001",
              "Jane Doe",
              Currency.getInstance("EUR"),
              5,
              ZoneId.of("UTC"),
              "DE",
              false,
              14,
              null,
              "DEFAULT"),
          List.of(
              new OpenItem(
                  "INV-1",
                  LocalDate.of(2026, 11, 5),
                  LocalDate.of(2026, 11, 19),
                  new BigDecimal("45.05"),
                  new BigDecimal("0.00"),
                  new BigDecimal("45.05"))),
          new ReminderLetterView.Step(1, 0, "First reminder", LocalDate.of(2026, 11, 22)));

  private static final AtomicInteger lookups = new AtomicInteger();
  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
    ReminderLetterRoutes routes = new ReminderLetterRoutes(null, null);
    binding =
        Http.get(testKit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(
                new ApiErrors()
                    .seal(
                        routes.concat(
                            routes.path(
                                "letter",
                                () ->
                                    routes.letter(
                                        () -> {
                                          lookups.incrementAndGet();
                                          return CompletableFuture.completedFuture(VIEW);
                                        })),
                            routes.path(
                                "none",
                                () ->
                                    routes.letter(
                                        () ->
                                            CompletableFuture.failedFuture(
                                                Refusal.of(
                                                        RefusalCode.LETTER_NOT_FOUND,
                                                        "stepIndex",
                                                        "no reminder was sent for this step")
                                                    .toException()))))))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    testKit.shutdownTestKit();
  }

  private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path))
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
  void htmlByDefault() throws Exception {
    for (String accept : new String[] {null, "*/*", "text/html"}) {
      HttpResponse<byte[]> r = get("/letter", accept);
      assertEquals(200, r.statusCode(), accept);
      assertTrue(contentType(r).startsWith("text/html"), contentType(r));
      assertTrue(text(r).contains("First reminder"), text(r));
      assertTrue(text(r).contains("<td class=\"num\">45.05 EUR</td>"), text(r));
    }
  }

  @Test
  void pdfByTheFormatParameterOrTheAcceptHeader() throws Exception {
    for (HttpResponse<byte[]> pdf :
        List.of(get("/letter?format=pdf", "text/html"), get("/letter", "application/pdf"))) {
      assertEquals(200, pdf.statusCode());
      assertEquals("application/pdf", contentType(pdf));
      assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void anUnknownFormatIs400BeforeTheAccountIsAskedAndNoAcceptableFormatIs406() throws Exception {
    int before = lookups.get();
    HttpResponse<byte[]> bad = get("/letter?format=json", null);
    assertEquals(400, bad.statusCode());
    assertEquals("unsupported_format", StrictJson.readTree(text(bad)).get("code").asText());
    assertEquals(before, lookups.get());
    HttpResponse<byte[]> none = get("/letter", "application/json");
    assertEquals(406, none.statusCode());
  }

  @Test
  void aStepWithoutALetterIs404WithAStableCode() throws Exception {
    HttpResponse<byte[]> r = get("/none", null);
    assertEquals(404, r.statusCode());
    var body = StrictJson.readTree(text(r));
    assertEquals("letter_not_found", body.get("code").asText());
    assertEquals("stepIndex", body.get("field").asText());
  }
}
