package com.telco.billing.node.http;

import com.telco.billing.node.HttpSettings;
import com.telco.billing.node.tls.TlsContexts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.function.Creator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the HTTP API and registers it with CoordinatedShutdown: on shutdown the port is unbound
 * first, in-flight requests get {@code billing.http.shutdown-deadline} to finish, and only then do
 * sharding and the cluster stop. With {@code billing.http.tls} configured the port serves HTTPS
 * only, offering the configured TLS versions (1.2 and newer).
 */
public final class HttpServer {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, Route route, HttpSettings settings) {
    Duration deadline = settings.shutdownDeadline();
    ServerBuilder server = Http.get(system).newServerAt(settings.host(), settings.port());
    Optional<HttpsConnectionContext> https = settings.tls().map(HttpServer::https);
    if (https.isPresent()) {
      server = server.enableHttps(https.get());
    }
    String scheme = https.isPresent() ? "https" : "http";
    return server
        .bind(route)
        .thenApply(
            binding -> {
              InetSocketAddress address = binding.localAddress();
              if (https.isEmpty() && !address.getAddress().isLoopbackAddress()) {
                log.warn(
                    "the HTTP API takes credentials in clear on a non-loopback address; configure"
                        + " billing.http.tls (docs/operations.md, TLS)");
              }
              log.info(
                  "Billing HTTP API online at {}://{}:{}/",
                  scheme,
                  address.getHostString(),
                  address.getPort());
              return binding.addToCoordinatedShutdown(deadline, system);
            });
  }

  private static HttpsConnectionContext https(HttpSettings.Tls tls) {
    return ConnectionContext.httpsServer(engines(tls));
  }

  /** The TLS engine of each HTTPS connection: the node's key, only the configured TLS versions. */
  static Creator<SSLEngine> engines(HttpSettings.Tls tls) {
    SSLContext context = TlsContexts.context(Optional.of(tls.keystore()), Optional.empty());
    return () -> TlsContexts.serverEngine(context, tls.protocols());
  }
}
