package com.telco.billing.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Stripe's idempotent requests: the first answer to a key is kept (24 hours) and replayed to every
 * later request with the same key and the same parameters; the same key with other parameters is
 * refused ({@code idempotency_error}, 400). Like Stripe, only answers of requests that ran are kept
 * (2xx, and card declines, 402); a refused request (other 4xx) or a failure (5xx) keeps nothing, so
 * the key can be used again.
 *
 * <p>A request whose key is still in use by a running request waits for that request (up to {@link
 * SandboxSettings#idempotencyWait()}) and replays its answer; if it is still running then, the
 * answer is 409 {@code idempotency_error}, as Stripe answers concurrent requests.
 */
final class Idempotency {
  static final Duration KEPT_FOR = Duration.ofHours(24);

  private final Clock clock;
  private final Duration wait;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** A kept answer; {@code null} body: the first request kept nothing. */
  record Stored(int status, byte[] body, String requestId) {}

  private record Entry(String fingerprint, Instant createdAt, CompletableFuture<Stored> answer) {}

  /** The answer to send, and whether it is a replay. */
  record Outcome(Stored stored, Duration delay, boolean replayed) {}

  /** What a fresh request produces: the answer to keep and how long to hold it back. */
  record Fresh(Stored stored, Duration delay) {}

  Idempotency(Clock clock, Duration wait) {
    this.clock = clock;
    this.wait = wait;
  }

  Outcome run(String key, String fingerprint, Supplier<Fresh> request) {
    while (true) {
      Entry mine = new Entry(fingerprint, clock.instant(), new CompletableFuture<>());
      Entry first = entries.putIfAbsent(key, mine);
      if (first == null) {
        return runFirst(key, mine, request);
      }
      if (first.createdAt().plus(KEPT_FOR).isBefore(clock.instant())) {
        entries.remove(key, first);
        continue;
      }
      if (!first.fingerprint().equals(fingerprint)) {
        throw ApiError.of(
            400,
            "idempotency_error",
            null,
            null,
            "Keys for idempotent requests can only be used with the same parameters they were"
                + " first used with. Try using a key other than '"
                + key
                + "' if you meant to execute a different request.");
      }
      Stored stored = await(first);
      if (stored.body() != null) {
        return new Outcome(stored, Duration.ZERO, true);
      }
      // the first request kept nothing: this one runs as a fresh request
      entries.remove(key, first);
    }
  }

  private Outcome runFirst(String key, Entry mine, Supplier<Fresh> request) {
    Fresh fresh;
    try {
      fresh = request.get();
    } catch (RuntimeException e) {
      entries.remove(key, mine);
      mine.answer().complete(new Stored(0, null, null));
      throw e;
    }
    int status = fresh.stored().status();
    if (status / 100 == 2 || status == 402) {
      mine.answer().complete(fresh.stored());
    } else {
      entries.remove(key, mine);
      mine.answer().complete(new Stored(status, null, null));
    }
    return new Outcome(fresh.stored(), fresh.delay(), false);
  }

  private Stored await(Entry first) {
    try {
      return first.answer().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw ApiError.of(
          409,
          "idempotency_error",
          "idempotency_key_in_use",
          null,
          "There is currently another in-progress request using this Idempotency Key (that"
              + " probably means you submitted twice, and the other request is still going"
              + " through). Please try again later.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Drops answers older than 24 hours. */
  void expire() {
    Instant limit = clock.instant().minus(KEPT_FOR);
    entries.values().removeIf(e -> e.answer().isDone() && e.createdAt().isBefore(limit));
  }
}
