package com.telco.billing.loadgen;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bounding the requests a bench or set-up has in flight with a semaphore. */
final class Permits {
  private Permits() {}

  /**
   * Takes {@code n} permits, waiting at most 10 minutes (taking them all means every request sent
   * was answered).
   */
  static void acquire(Semaphore permits, int n) {
    try {
      if (!permits.tryAcquire(n, 10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("requests unanswered after 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
