package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.invoice.render.InvoiceSamples;
import com.telco.billing.node.json.StrictJson;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The format of an invoice document over HTTP: {@code ?format=} first, else the Accept header. */
class InvoiceRoutesNegotiationTest {
  private static final InvoiceDocument DOC = InvoiceSamples.eur();

  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
    InvoiceRoutes routes = new InvoiceRoutes(null, null);
    binding =
        Http.get(testKit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(
                new ApiErrors()
                    .seal(
                        routes.path(
                            "invoice",
                            () -> routes.document(() -> CompletableFuture.completedFuture(DOC)))))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    testKit.shutdownTestKit();
  }

  private static HttpResponse<byte[]> get(String query, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + binding.localAddress().getPort() + "/invoice" + query))
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
  void json_without_an_accept_header_or_for_any_type() throws Exception {
    for (String accept : new String[] {null, "*/*", "application/json", "application/*"}) {
      HttpResponse<byte[]> r = get("", accept);
      assertEquals(200, r.statusCode(), accept);
      assertEquals("application/json", contentType(r), accept);
      assertEquals(DOC.number(), StrictJson.readTree(text(r)).get("billNo").asText());
    }
  }

  @Test
  void q_values_choose_the_format() throws Exception {
    HttpResponse<byte[]> html = get("", "application/pdf;q=0.5, text/html;q=0.9");
    assertEquals(200, html.statusCode());
    assertTrue(contentType(html).startsWith("text/html"), contentType(html));
    assertTrue(text(html).contains("<title>Invoice " + DOC.number() + "</title>"));

    HttpResponse<byte[]> pdf = get("", "text/html;q=0.5, application/pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", contentType(pdf));
    assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));

    HttpResponse<byte[]> json = get("", "text/html;q=0, application/pdf;q=0.1, application/json");
    assertEquals("application/json", contentType(json));

    // what a browser sends
    HttpResponse<byte[]> browser =
        get("", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertTrue(contentType(browser).startsWith("text/html"), contentType(browser));
  }

  @Test
  void pdf_before_html_when_both_are_equally_acceptable() throws Exception {
    HttpResponse<byte[]> r = get("", "text/html, application/pdf");
    assertEquals("application/pdf", contentType(r));
  }

  @Test
  void an_accept_header_for_none_of_the_formats_is_406_with_the_json_error() throws Exception {
    HttpResponse<byte[]> r = get("", "application/xml");
    assertEquals(406, r.statusCode(), text(r));
    assertEquals("application/json", contentType(r));
    JsonNode error = StrictJson.readTree(text(r));
    assertEquals("http_406", error.get("code").asText(), text(r));
    assertTrue(error.get("message").asText().length() > 0);
  }

  @Test
  void the_format_parameter_wins_over_the_accept_header() throws Exception {
    HttpResponse<byte[]> pdf = get("?format=pdf", "application/json");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", contentType(pdf));
    HttpResponse<byte[]> html = get("?format=HTML", "application/xml");
    assertEquals(200, html.statusCode());
    assertTrue(contentType(html).startsWith("text/html"), contentType(html));
    HttpResponse<byte[]> json = get("?format=json", "application/pdf");
    assertEquals("application/json", contentType(json));
  }

  @Test
  void an_unknown_format_parameter_is_400() throws Exception {
    HttpResponse<byte[]> r = get("?format=xml", null);
    assertEquals(400, r.statusCode(), text(r));
    assertEquals("unsupported_format", StrictJson.readTree(text(r)).get("code").asText());
  }
}
