package com.telco.billing.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * An asynchronous HTTP/1.1 client for one loopback base URL that resends a request identically when
 * the node answers 429 or 503 (after its {@code Retry-After}) or cannot be reached (after a
 * second). Every write of the billing API is idempotent, so a resent request is safe.
 */
final class RetryingHttp implements AutoCloseable {
  /** Attempts per request before the last answer (or failure) is handed back. */
  static final int MAX_ATTEMPTS = 120;

  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private final URI base;
  private final Duration requestTimeout;
  private final ExecutorService executor;
  private final HttpClient client;
  private final LongAdder retries = new LongAdder();
  private final Map<String, LongAdder> retryReasons = new ConcurrentHashMap<>();

  RetryingHttp(URI base, Duration requestTimeout, int threads) {
    this.base = Loopback.requireLoopback(base.toString());
    this.requestTimeout = requestTimeout;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "loadgen-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
  }

  URI base() {
    return base;
  }

  HttpRequest postJson(String path, byte[] body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(requestTimeout)
        .header("Authorization", Credentials.authorization())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  HttpRequest get(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(requestTimeout)
        .header("Authorization", Credentials.authorization())
        .GET()
        .build();
  }

  /** Sends with retries; the future holds the final answer, or the last connection failure. */
  CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> result = new CompletableFuture<>();
    attempt(request, 1, result);
    return result;
  }

  private void attempt(
      HttpRequest request, int attempt, CompletableFuture<HttpResponse<byte[]>> result) {
    client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .whenComplete(
            (response, failure) -> {
              Throwable cause = unwrap(failure);
              if (cause != null) {
                if (cause instanceof IOException && attempt < MAX_ATTEMPTS) {
                  retry(
                      request,
                      attempt,
                      result,
                      DEFAULT_RETRY_AFTER,
                      cause.getClass().getSimpleName());
                } else {
                  result.completeExceptionally(cause);
                }
                return;
              }
              int status = response.statusCode();
              if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                retry(request, attempt, result, retryAfter(response), "HTTP " + status);
              } else {
                result.complete(response);
              }
            });
  }

  private void retry(
      HttpRequest request,
      int attempt,
      CompletableFuture<HttpResponse<byte[]>> result,
      Duration delay,
      String reason) {
    retries.increment();
    retryReasons.computeIfAbsent(reason, k -> new LongAdder()).increment();
    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor)
        .execute(() -> attempt(request, attempt + 1, result));
  }

  /** {@code Retry-After} in seconds (decimals allowed), else 1 s; at most 30 s. */
  static Duration retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      double seconds = Double.parseDouble(header.get().strip());
      if (seconds < 0) {
        return DEFAULT_RETRY_AFTER;
      }
      Duration d = Duration.ofMillis(Math.round(seconds * 1000));
      return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER; // an HTTP date: not worth parsing for a load generator
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  long retries() {
    return retries.sum();
  }

  /** Retries by reason, e.g. {@code HTTP 429 -> 12}. */
  Map<String, Long> retryReasons() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    retryReasons.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
