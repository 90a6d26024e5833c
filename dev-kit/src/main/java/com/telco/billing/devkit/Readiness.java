package com.telco.billing.devkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits for a node's Pekko Management {@code /ready} to answer 200 (member Up, Cassandra reachable,
 * services started, catalog read): what the dev launchers, the load generator and the tests wait
 * for before they send requests.
 */
public final class Readiness {
  private Readiness() {}

  /**
   * Polls {@code managementUrl/ready} until it answers 200.
   *
   * @param gone checked before every poll: a reason the node can never become ready (its process
   *     exited), or null while it may
   * @throws IllegalStateException when {@code gone} answers, or the time runs out (with the last
   *     answer)
   */
  public static void await(String managementUrl, Duration timeout, Supplier<String> gone) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    URI ready = URI.create(managementUrl + "/ready");
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      String reason = gone.get();
      if (reason != null) {
        throw new IllegalStateException(reason);
      }
      try {
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
        last = answer.statusCode() + " " + answer.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + ready, e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + ready, e);
      }
    }
    throw new IllegalStateException("not ready within " + timeout + ": " + last);
  }
}
