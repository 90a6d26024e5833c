package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.node.tls.TestKeyStores;
import com.telco.billing.node.tls.TlsProbes;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node with {@code billing.http.tls} serves its API over HTTPS only, with a self-signed keystore
 * generated for this test (docs/operations.md, "TLS"): a client trusting the certificate gets an
 * answer, a client offering only TLS 1.1 is refused, plain HTTP on the port fails.
 */
class HttpsApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("https_api");

  private static Path dir;
  private static TestKeyStores stores;
  private static EmbeddedNode node;
  private static int port;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("https-api-it");
    stores = TestKeyStores.generate(dir);
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                """
                billing.http.tls.keystore-path = "%s"
                billing.http.tls.keystore-password-file = "%s"
                # a Cassandra started a moment ago on a busy machine takes its time for the schema
                datastax-java-driver.basic.request.timeout = 10s
                """
                    .formatted(stores.keystore(), stores.passwordFile())));
    port = URI.create(node.httpUrl()).getPort();
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Any answer of the API proves the HTTPS exchange. An unknown account is 404 without
   * authentication, 401 when the API requires credentials; either comes as the JSON error body.
   */
  @Test
  void aClientTrustingTheCertificateGetsTheApisAnswer() throws Exception {
    HttpResponse<String> response =
        stores
            .httpClient()
            .send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/accounts/nobody"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertTrue(Set.of(401, 404).contains(response.statusCode()), response.toString());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    assertTrue(response.body().contains("\"code\""), response.body());
    String protocol = response.sslSession().orElseThrow().getProtocol();
    assertTrue(Set.of("TLSv1.3", "TLSv1.2").contains(protocol), protocol);
  }

  @Test
  void aClientOfferingOnlyTls11IsRefused() throws IOException {
    TlsProbes.Answer answer = TlsProbes.clientHello("127.0.0.1", port, 0x0302);
    assertFalse(answer.isServerHello(), "TLS 1.1 negotiated");
    assertEquals(TlsProbes.ALERT, answer.contentType());
    assertEquals(TlsProbes.PROTOCOL_VERSION_ALERT, answer.alertDescription());
    // the same hello offering TLS 1.2 gets the server's hello: the refusal is the version's
    assertTrue(TlsProbes.clientHello("127.0.0.1", port, 0x0303).isServerHello());
  }

  @Test
  void plainHttpToTheHttpsPortFails() {
    assertThrows(
        IOException.class,
        () ->
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/accounts/x"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()));
  }
}
