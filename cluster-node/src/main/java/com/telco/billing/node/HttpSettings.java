package com.telco.billing.node;

import com.telco.billing.node.tls.StoreFile;
import com.telco.billing.node.tls.TlsSettings;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code billing.http}: where the HTTP API listens and how long a request waits for the entities.
 *
 * @param host the interface the API binds
 * @param port the port it binds (0: any free port)
 * @param askTimeout how long a request waits for an entity's (or the singleton's) answer; the
 *     services use it for every ask on behalf of a request
 * @param shutdownDeadline time in-flight requests get to finish when the node stops
 * @param tls HTTPS on the port ({@code billing.http.tls}); empty: plain HTTP
 */
public record HttpSettings(
    String host, int port, Duration askTimeout, Duration shutdownDeadline, Optional<Tls> tls) {

  /** Plain HTTP. */
  public HttpSettings(String host, int port, Duration askTimeout, Duration shutdownDeadline) {
    this(host, port, askTimeout, shutdownDeadline, Optional.empty());
  }

  /**
   * {@code billing.http.tls}: the API serves HTTPS only.
   *
   * @param keystore the server's private key and certificate chain
   * @param protocols the TLS versions offered (1.2 and newer)
   */
  public record Tls(StoreFile keystore, List<String> protocols) {}

  public static HttpSettings from(Config config) {
    return from(config, System::getenv);
  }

  /**
   * @param environment looks up the environment variable that may hold the keystore password
   */
  public static HttpSettings from(Config config, Function<String, String> environment) {
    int port = config.getInt("billing.http.port");
    if (port < 0 || port > 65_535) {
      throw ConfigChecks.badValue("billing.http.port", "must be 0 to 65535, not " + port);
    }
    List<String> protocols = TlsSettings.protocols(config, "billing.http.tls.protocols");
    Optional<Tls> tls =
        TlsSettings.store(config, "billing.http.tls", "keystore", environment, true)
            .map(keystore -> new Tls(keystore, protocols));
    return new HttpSettings(
        config.getString("billing.http.host"),
        port,
        ConfigChecks.positiveDuration(config, "billing.http.ask-timeout"),
        ConfigChecks.positiveDuration(config, "billing.http.shutdown-deadline"),
        tls);
  }
}
