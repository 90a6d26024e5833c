package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.HttpSettings;
import com.telco.billing.node.tls.StoreFile;
import com.telco.billing.node.tls.TestKeyStores;
import com.telco.billing.node.tls.TlsProbes;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpServer} with {@code billing.http.tls}: HTTPS with a generated self-signed keystore,
 * only the configured TLS versions, no plain HTTP on the port.
 */
class HttpServerTlsTest {
  @TempDir static Path dir;
  private static TestKeyStores stores;
  private static ActorTestKit testKit;
  private static int port;
  private static int tls13OnlyPort;

  @BeforeAll
  static void start() throws Exception {
    stores = TestKeyStores.generate(dir.resolve("stores"));
    testKit = ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
    port = bind(List.of("TLSv1.3", "TLSv1.2"));
    tls13OnlyPort = bind(List.of("TLSv1.3"));
  }

  private static int bind(List<String> protocols) throws Exception {
    HttpSettings settings =
        new HttpSettings(
            "127.0.0.1",
            0,
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Optional.of(new HttpSettings.Tls(keystore(), protocols)));
    ServerBinding binding =
        HttpServer.start(testKit.system(), Directives.complete("billing"), settings)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    return binding.localAddress().getPort();
  }

  private static StoreFile keystore() {
    return new StoreFile(stores.keystore(), "PKCS12", stores.password().toCharArray());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void aClientTrustingTheCertificateGetsTheAnswer() throws Exception {
    HttpResponse<String> response =
        stores
            .httpClient()
            .send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("billing", response.body());
    assertEquals("TLSv1.3", response.sslSession().orElseThrow().getProtocol());
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() {
    HttpClient defaultTrust = HttpClient.newHttpClient();
    assertThrows(
        SSLHandshakeException.class,
        () ->
            defaultTrust.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void plainHttpToTheHttpsPortFails() {
    assertThrows(
        IOException.class,
        () ->
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void aTls11OnlyClientIsRefusedWithAProtocolVersionAlert() throws IOException {
    TlsProbes.Answer answer = TlsProbes.clientHello("127.0.0.1", port, 0x0302);
    assertFalse(answer.isServerHello(), "TLS 1.1 negotiated");
    assertEquals(TlsProbes.ALERT, answer.contentType());
    assertEquals(TlsProbes.PROTOCOL_VERSION_ALERT, answer.alertDescription());
    // the same hello offering TLS 1.2 gets the server's hello: the refusal is the version's
    assertTrue(TlsProbes.clientHello("127.0.0.1", port, 0x0303).isServerHello());
  }

  @Test
  void onlyTheConfiguredVersionsAreOffered() throws Exception {
    SSLEngine engine =
        HttpServer.engines(new HttpSettings.Tls(keystore(), List.of("TLSv1.2"))).create();
    assertArrayEquals(new String[] {"TLSv1.2"}, engine.getEnabledProtocols());

    // the JDK would accept TLS 1.2; the port configured for TLS 1.3 only refuses it
    try (SSLSocket tls12 =
        (SSLSocket)
            stores.clientContext().getSocketFactory().createSocket("localhost", tls13OnlyPort)) {
      tls12.setEnabledProtocols(new String[] {"TLSv1.2"});
      assertThrows(SSLHandshakeException.class, tls12::startHandshake);
    }
    try (SSLSocket tls13 =
        (SSLSocket)
            stores.clientContext().getSocketFactory().createSocket("localhost", tls13OnlyPort)) {
      tls13.setEnabledProtocols(new String[] {"TLSv1.3"});
      tls13.startHandshake();
      assertEquals("TLSv1.3", tls13.getSession().getProtocol());
    }
  }
}
