package com.telco.billing.node.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** SSL contexts and engines from store files, offering only the configured protocol versions. */
public final class TlsContexts {
  private TlsContexts() {}

  /**
   * A context with the keys of {@code keystore} (if any) and trusting the certificates of {@code
   * truststore} (if any; else the JVM's default trust store).
   *
   * @throws IllegalStateException when a store cannot be read (the settings opened it at startup)
   */
  public static SSLContext context(Optional<StoreFile> keystore, Optional<StoreFile> truststore) {
    try {
      KeyManager[] keys = null;
      if (keystore.isPresent()) {
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keystore.get().load(), keystore.get().password());
        keys = factory.getKeyManagers();
      }
      TrustManager[] trust = null;
      if (truststore.isPresent()) {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore store = truststore.get().load();
        factory.init(store);
        trust = factory.getTrustManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  /** A server-side engine offering only {@code protocols}. */
  public static SSLEngine serverEngine(SSLContext context, List<String> protocols) {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(protocols.toArray(String[]::new));
    return engine;
  }

  /**
   * A client-side engine for {@code host:port} offering only {@code protocols}; with {@code
   * verifyHostname} the server's certificate must name {@code host}.
   */
  public static SSLEngine clientEngine(
      SSLContext context, String host, int port, List<String> protocols, boolean verifyHostname) {
    SSLEngine engine = context.createSSLEngine(host, port);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setProtocols(protocols.toArray(String[]::new));
    if (verifyHostname) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    engine.setSSLParameters(parameters);
    return engine;
  }
}
