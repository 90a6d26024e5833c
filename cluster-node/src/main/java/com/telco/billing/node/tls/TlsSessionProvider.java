package com.telco.billing.node.tls;

import com.datastax.oss.driver.api.core.CqlSession;
import com.telco.billing.node.CassandraSettings;
import com.typesafe.config.Config;
import java.util.Optional;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CqlSessionProvider;
import org.apache.pekko.stream.connectors.cassandra.DefaultSessionProvider;
import org.apache.pekko.stream.connectors.cassandra.DriverConfigLoaderFromConfig;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;

/**
 * The Cassandra session of the journal, the snapshots, the projections and the node's own tables
 * (all share {@code pekko.persistence.cassandra}'s session): the plugin's default session, over TLS
 * when {@code billing.cassandra.tls.enabled} is on ({@link CassandraSslEngineFactory}). Configured
 * as {@code pekko.persistence.cassandra.session-provider}.
 */
public final class TlsSessionProvider implements CqlSessionProvider {
  private final ActorSystem system;
  private final Config config;

  /**
   * @param config the plugin's section ({@code pekko.persistence.cassandra})
   */
  public TlsSessionProvider(ActorSystem system, Config config) {
    this.system = system;
    this.config = config;
  }

  @Override
  public Future<CqlSession> connect(ExecutionContext ec) {
    Optional<CassandraSettings.Tls> tls = CassandraSettings.from(system.settings().config()).tls();
    if (tls.isEmpty()) {
      return new DefaultSessionProvider(system, config).connect(ec);
    }
    Config driverConfig = CqlSessionProvider.driverConfig(system, config);
    return FutureConverters.asScala(
        CqlSession.builder()
            .withConfigLoader(DriverConfigLoaderFromConfig.fromConfig(driverConfig))
            .withSslEngineFactory(new CassandraSslEngineFactory(tls.get()))
            .buildAsync());
  }
}
