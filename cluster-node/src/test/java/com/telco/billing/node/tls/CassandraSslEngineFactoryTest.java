package com.telco.billing.node.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;
import com.telco.billing.node.CassandraSettings;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's TLS engines: client mode, TLS 1.2+ only, hostname validation as configured, and a
 * handshake with a server presenting the trusted certificate (an in-memory server engine standing
 * in for Cassandra).
 */
class CassandraSslEngineFactoryTest {
  @TempDir static Path dir;
  private static TestKeyStores stores;

  @BeforeAll
  static void generate() {
    stores = TestKeyStores.generate(dir.resolve("stores"));
  }

  private static StoreFile store(Path path) {
    return new StoreFile(path, "PKCS12", stores.password().toCharArray());
  }

  private static CassandraSslEngineFactory factory(
      boolean hostnameValidation, String... protocols) {
    return new CassandraSslEngineFactory(
        new CassandraSettings.Tls(
            Optional.of(store(stores.truststore())),
            Optional.empty(),
            hostnameValidation,
            List.of(protocols)));
  }

  @Test
  void enginesAreClientsOfferingTheConfiguredVersionsToTheEndpoint() {
    SSLEngine engine =
        factory(true, "TLSv1.3", "TLSv1.2")
            .newSslEngine(new DefaultEndPoint(new InetSocketAddress("127.0.0.1", 9142)));
    assertTrue(engine.getUseClientMode());
    assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, engine.getEnabledProtocols());
    assertEquals("127.0.0.1", engine.getPeerHost());
    assertEquals(9142, engine.getPeerPort());
    assertEquals("HTTPS", engine.getSSLParameters().getEndpointIdentificationAlgorithm());

    SSLEngine unchecked =
        factory(false, "TLSv1.2")
            .newSslEngine(
                new DefaultEndPoint(InetSocketAddress.createUnresolved("cassandra-0", 9142)));
    assertArrayEquals(new String[] {"TLSv1.2"}, unchecked.getEnabledProtocols());
    assertEquals("cassandra-0", unchecked.getPeerHost());
    assertNull(unchecked.getSSLParameters().getEndpointIdentificationAlgorithm());
  }

  @Test
  void handshakesWithAServerPresentingTheTrustedCertificate() throws SSLException {
    SSLEngine client =
        factory(true, "TLSv1.3", "TLSv1.2")
            .newSslEngine(new DefaultEndPoint(new InetSocketAddress("127.0.0.1", 9142)));
    handshake(client, server("TLSv1.3", "TLSv1.2"));
    assertEquals("TLSv1.3", client.getSession().getProtocol());
  }

  @Test
  void refusesACertificateThatDoesNotNameTheHost() {
    SSLEngine client =
        factory(true, "TLSv1.3", "TLSv1.2")
            .newSslEngine(
                new DefaultEndPoint(InetSocketAddress.createUnresolved("cassandra.example", 9142)));
    assertThrows(SSLHandshakeException.class, () -> handshake(client, server("TLSv1.3")));

    SSLEngine unchecked =
        factory(false, "TLSv1.3")
            .newSslEngine(
                new DefaultEndPoint(InetSocketAddress.createUnresolved("cassandra.example", 9142)));
    assertDoesNotThrowHandshake(unchecked, server("TLSv1.3"));
  }

  @Test
  void refusesAServerThatSpeaksNoConfiguredVersion() {
    SSLEngine client =
        factory(true, "TLSv1.3")
            .newSslEngine(new DefaultEndPoint(new InetSocketAddress("127.0.0.1", 9142)));
    assertThrows(SSLHandshakeException.class, () -> handshake(client, server("TLSv1.2")));
  }

  private static void assertDoesNotThrowHandshake(SSLEngine client, SSLEngine server) {
    try {
      handshake(client, server);
    } catch (SSLException e) {
      throw new AssertionError("handshake failed", e);
    }
  }

  private static SSLEngine server(String... protocols) {
    SSLContext context =
        TlsContexts.context(Optional.of(store(stores.keystore())), Optional.empty());
    return TlsContexts.serverEngine(context, List.of(protocols));
  }

  /** Runs both engines' handshake in memory until both are done (or one fails). */
  private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    int size = Math.max(client.getSession().getPacketBufferSize(), 1 << 15);
    ByteBuffer toServer = ByteBuffer.allocate(size);
    ByteBuffer toClient = ByteBuffer.allocate(size);
    ByteBuffer empty = ByteBuffer.allocate(0);
    ByteBuffer sink = ByteBuffer.allocate(1 << 16);
    client.beginHandshake();
    server.beginHandshake();
    for (int step = 0; step < 200; step++) {
      if (done(client) && done(server)) {
        return;
      }
      step(client, empty, toServer, toClient, sink);
      step(server, empty, toClient, toServer, sink);
    }
    throw new AssertionError("handshake did not finish");
  }

  private static boolean done(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }

  /** One round for one engine: run its tasks, write what it wants to send, read what it got. */
  private static void step(
      SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer sink)
      throws SSLException {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
    if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
      engine.wrap(empty, out);
    }
    in.flip();
    while (in.hasRemaining()
        && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP
        && engine.unwrap(in, sink).bytesConsumed() > 0) {
      while ((task = engine.getDelegatedTask()) != null) {
        task.run();
      }
    }
    in.compact();
  }
}
