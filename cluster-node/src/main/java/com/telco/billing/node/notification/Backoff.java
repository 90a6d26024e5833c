package com.telco.billing.node.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery that failed is tried again: after the {@code n}-th failed try, the {@code n}-th
 * wait of the schedule (by default 1 min, 5 min, 30 min, 2 h, 12 h, 1 day); after a failed try
 * beyond the schedule, never (the delivery is failed for good, until redelivered).
 */
public record Backoff(List<Duration> waits) {

  public Backoff {
    waits = List.copyOf(waits);
  }

  /** Tries a delivery gets at most: the first and one per wait. */
  public int maxAttempts() {
    return waits.size() + 1;
  }

  /**
   * When to try again after {@code attempts} failed tries (1 after the first), the last at {@code
   * failedAt}; empty when the delivery is to be marked failed.
   */
  public Optional<Instant> nextAttempt(int attempts, Instant failedAt) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts < 1: " + attempts);
    }
    if (attempts > waits.size()) {
      return Optional.empty();
    }
    return Optional.of(failedAt.plus(waits.get(attempts - 1)));
  }
}
