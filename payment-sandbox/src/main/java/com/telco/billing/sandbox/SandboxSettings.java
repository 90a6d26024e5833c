package com.telco.billing.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PaymentSandbox} listens and behaves. Start from {@link #defaults()} and change what
 * a test needs with the {@code with...} methods.
 *
 * @param host the address the server binds (loopback by default)
 * @param port the port it binds; 0: a free port
 * @param secretKey the API key every {@code /v1} request must send as {@code Authorization: Bearer}
 * @param threads request-handling threads
 * @param timeoutDelay how long {@code tok_timeout} holds its answer back (the charge itself is
 *     captured at once); longer than the client's read timeout
 * @param asyncDelay how long {@code tok_async} stays {@code processing} (and a refund of it {@code
 *     pending}), and how long after a {@code tok_createDispute} payment its dispute is opened
 * @param webhookFirstRetry the wait before the first redelivery of a webhook that was not answered
 *     2xx; it doubles per attempt
 * @param webhookMaxRetry the longest wait between two deliveries of one event
 * @param webhookTimeout how long one delivery waits for the endpoint's answer
 * @param idempotencyWait how long a request waits for a concurrent request with the same
 *     idempotency key to finish before it is answered 409
 */
public record SandboxSettings(
    String host,
    int port,
    String secretKey,
    int threads,
    Duration timeoutDelay,
    Duration asyncDelay,
    Duration webhookFirstRetry,
    Duration webhookMaxRetry,
    Duration webhookTimeout,
    Duration idempotencyWait) {

  /** The DEV-ONLY API key of the sandbox; never a key of a real gateway account. */
  public static final String DEV_SECRET_KEY = "sk_test_DEV-ONLY_sandbox_0000000000000000";

  public SandboxSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(secretKey, "secretKey");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (secretKey.isBlank()) {
      throw new IllegalArgumentException("secretKey must not be blank");
    }
    for (Duration d :
        new Duration[] {
          timeoutDelay,
          asyncDelay,
          webhookFirstRetry,
          webhookMaxRetry,
          webhookTimeout,
          idempotencyWait
        }) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("durations must be zero or positive");
      }
    }
  }

  /**
   * Loopback, a free port, the DEV-ONLY key, 32 threads, {@code tok_timeout} held 3 s, {@code
   * tok_async} processing for 500 ms, webhooks retried after 1 s doubling up to 60 s.
   */
  public static SandboxSettings defaults() {
    return new SandboxSettings(
        "127.0.0.1",
        0,
        DEV_SECRET_KEY,
        32,
        Duration.ofSeconds(3),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }

  public SandboxSettings withHost(String value) {
    return new SandboxSettings(
        value,
        port,
        secretKey,
        threads,
        timeoutDelay,
        asyncDelay,
        webhookFirstRetry,
        webhookMaxRetry,
        webhookTimeout,
        idempotencyWait);
  }

  public SandboxSettings withPort(int value) {
    return new SandboxSettings(
        host,
        value,
        secretKey,
        threads,
        timeoutDelay,
        asyncDelay,
        webhookFirstRetry,
        webhookMaxRetry,
        webhookTimeout,
        idempotencyWait);
  }

  public SandboxSettings withSecretKey(String value) {
    return new SandboxSettings(
        host,
        port,
        value,
        threads,
        timeoutDelay,
        asyncDelay,
        webhookFirstRetry,
        webhookMaxRetry,
        webhookTimeout,
        idempotencyWait);
  }

  public SandboxSettings withThreads(int value) {
    return new SandboxSettings(
        host,
        port,
        secretKey,
        value,
        timeoutDelay,
        asyncDelay,
        webhookFirstRetry,
        webhookMaxRetry,
        webhookTimeout,
        idempotencyWait);
  }

  public SandboxSettings withTimeoutDelay(Duration value) {
    return new SandboxSettings(
        host,
        port,
        secretKey,
        threads,
        value,
        asyncDelay,
        webhookFirstRetry,
        webhookMaxRetry,
        webhookTimeout,
        idempotencyWait);
  }

  public SandboxSettings withAsyncDelay(Duration value) {
    return new SandboxSettings(
        host,
        port,
        secretKey,
        threads,
        timeoutDelay,
        value,
        webhookFirstRetry,
        webhookMaxRetry,
        webhookTimeout,
        idempotencyWait);
  }

  /** First redelivery after {@code first}, doubling up to {@code max}. */
  public SandboxSettings withWebhookRetry(Duration first, Duration max) {
    return new SandboxSettings(
        host,
        port,
        secretKey,
        threads,
        timeoutDelay,
        asyncDelay,
        first,
        max,
        webhookTimeout,
        idempotencyWait);
  }

  public SandboxSettings withIdempotencyWait(Duration value) {
    return new SandboxSettings(
        host,
        port,
        secretKey,
        threads,
        timeoutDelay,
        asyncDelay,
        webhookFirstRetry,
        webhookMaxRetry,
        webhookTimeout,
        value);
  }
}
