package com.telco.billing.node.payment.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small circuit breaker for blocking calls: closed, it lets every call through and counts
 * consecutive failures; at {@code maxFailures} it opens and refuses calls for {@code resetTimeout};
 * then it lets one trial call through (half-open), which closes it on success or opens it again on
 * failure. Thread-safe.
 */
final class GatewayCircuitBreaker {
  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int maxFailures;
  private final Duration resetTimeout;
  private final Clock clock;
  private State state = State.CLOSED;
  private int failures;
  private Instant openedAt = Instant.MIN;
  private boolean trialInFlight;

  GatewayCircuitBreaker(int maxFailures, Duration resetTimeout, Clock clock) {
    this.maxFailures = maxFailures;
    this.resetTimeout = resetTimeout;
    this.clock = clock;
  }

  /** Whether a call may go through now; a true answer must be followed by a success or failure. */
  synchronized boolean tryAcquire() {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (clock.instant().isBefore(openedAt.plus(resetTimeout))) {
          return false;
        }
        state = State.HALF_OPEN;
        trialInFlight = true;
        return true;
      default:
        if (trialInFlight) {
          return false;
        }
        trialInFlight = true;
        return true;
    }
  }

  synchronized void onSuccess() {
    failures = 0;
    trialInFlight = false;
    state = State.CLOSED;
  }

  synchronized void onFailure() {
    trialInFlight = false;
    failures++;
    if (state == State.HALF_OPEN || failures >= maxFailures) {
      state = State.OPEN;
      openedAt = clock.instant();
    }
  }

  synchronized State state() {
    if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(resetTimeout))) {
      return State.HALF_OPEN;
    }
    return state;
  }
}
