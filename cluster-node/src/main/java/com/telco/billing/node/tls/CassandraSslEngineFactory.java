package com.telco.billing.node.tls;

import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.ssl.SslEngineFactory;
import com.telco.billing.node.CassandraSettings;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The driver's TLS engines for connections to Cassandra, from {@code billing.cassandra.tls}: the
 * configured trust and key stores, TLS 1.2 and newer only, and the node's certificate checked
 * against the address it is reached at when hostname validation is on.
 */
public final class CassandraSslEngineFactory implements SslEngineFactory {
  private final SSLContext context;
  private final CassandraSettings.Tls tls;

  public CassandraSslEngineFactory(CassandraSettings.Tls tls) {
    this.tls = tls;
    this.context = TlsContexts.context(tls.keystore(), tls.truststore());
  }

  @Override
  public SSLEngine newSslEngine(EndPoint remoteEndpoint) {
    SocketAddress address = remoteEndpoint.resolve();
    if (address instanceof InetSocketAddress inet) {
      // the name or address the driver was given or discovered, without a reverse DNS look-up
      String host = inet.isUnresolved() ? inet.getHostName() : inet.getHostString();
      return TlsContexts.clientEngine(
          context, host, inet.getPort(), tls.protocols(), tls.hostnameValidation());
    }
    throw new IllegalArgumentException("not an internet address: " + address);
  }

  @Override
  public void close() {
    // nothing to release: the context holds no open resources
  }
}
