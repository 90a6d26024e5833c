package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /openapi.json} serves the document of this build as {@code application/json}. */
class OpenApiRoutesTest {
  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
    binding =
        Http.get(testKit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(
                new ApiErrors()
                    .seal(
                        new OpenApiRoutes(new Access(null, null), OpenApiDocument.instance())
                            .routes()))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    testKit.shutdownTestKit();
  }

  private static HttpResponse<byte[]> send(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void servesTheDocumentAsJson() throws Exception {
    HttpResponse<byte[]> response = send("GET", "/openapi.json");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(OpenApiDocument.instance().bytes(), response.body());
    assertTrue(
        OpenApiSchemas.MAPPER
            .readTree(response.body())
            .path("openapi")
            .asText()
            .startsWith("3.1."));
  }

  @Test
  void takesOnlyGet() throws Exception {
    HttpResponse<byte[]> response = send("POST", "/openapi.json");
    assertEquals(405, response.statusCode());
    assertEquals(
        "method_not_allowed",
        OpenApiSchemas.MAPPER.readTree(response.body()).path("code").asText());
  }

  @Test
  void aDocumentMissingFromTheClasspathFailsAsTheNodeStarts() {
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> OpenApiDocument.load("/no-such-openapi.json"));
    assertTrue(e.getMessage().contains("not on the classpath"), e.getMessage());
  }
}
