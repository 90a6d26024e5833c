package com.telco.billing.node;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.http}: where the HTTP API listens and how long a request waits for the entities.
 *
 * @param host the interface the API binds
 * @param port the port it binds (0: any free port)
 * @param askTimeout how long a request waits for an entity's (or the singleton's) answer; the
 *     services use it for every ask on behalf of a request
 * @param shutdownDeadline time in-flight requests get to finish when the node stops
 */
public record HttpSettings(String host, int port, Duration askTimeout, Duration shutdownDeadline) {

  public static HttpSettings from(Config config) {
    int port = config.getInt("billing.http.port");
    if (port < 0 || port > 65_535) {
      throw ConfigChecks.badValue("billing.http.port", "must be 0 to 65535, not " + port);
    }
    return new HttpSettings(
        config.getString("billing.http.host"),
        port,
        ConfigChecks.positiveDuration(config, "billing.http.ask-timeout"),
        ConfigChecks.positiveDuration(config, "billing.http.shutdown-deadline"));
  }
}
