package com.telco.billing.node.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Sends one signed notification to a subscriber: {@code POST url} with the body and headers, the
 * answer's status code as the result (a failed stage: no answer, e.g. a timeout). Redirects are not
 * followed (a 3xx is a failed try).
 */
@FunctionalInterface
public interface WebhookPost {

  CompletionStage<Integer> post(String url, Map<String, String> headers, String body);

  /**
   * Over the JDK's HTTP client: a connection within {@code connectTimeout}, an answer within {@code
   * requestTimeout}; the answer's body is read and dropped.
   */
  static WebhookPost jdk(Duration connectTimeout, Duration requestTimeout) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return (url, headers, body) -> {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(requestTimeout)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(request::header);
      return client
          .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
          .thenApply(HttpResponse::statusCode);
    };
  }
}
