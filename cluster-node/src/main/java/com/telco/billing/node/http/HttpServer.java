package com.telco.billing.node.http;

import com.telco.billing.node.HttpSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the HTTP API and registers it with CoordinatedShutdown: on shutdown the port is unbound
 * first, in-flight requests get {@code billing.http.shutdown-deadline} to finish, and only then do
 * sharding and the cluster stop.
 */
public final class HttpServer {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, Route route, HttpSettings settings) {
    Duration deadline = settings.shutdownDeadline();
    return Http.get(system)
        .newServerAt(settings.host(), settings.port())
        .bind(route)
        .thenApply(
            binding -> {
              InetSocketAddress address = binding.localAddress();
              log.info(
                  "Billing HTTP API online at http://{}:{}/",
                  address.getHostString(),
                  address.getPort());
              return binding.addToCoordinatedShutdown(deadline, system);
            });
  }
}
