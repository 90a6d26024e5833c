package com.telco.billing.node.usage;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many asynchronous calls run at once; the others wait in arrival order. The intake uses
 * it so that a burst of batches over many accounts cannot start thousands of entity recoveries at
 * the same time and push the journal into timeouts.
 */
final class AsyncLimiter {
  private final Semaphore permits;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  AsyncLimiter(int maxConcurrent) {
    this.permits = new Semaphore(maxConcurrent);
  }

  /** Runs {@code call} when a permit is free; the permit returns when its stage completes. */
  <T> CompletionStage<T> submit(Supplier<CompletionStage<T>> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    waiting.add(
        () -> {
          CompletionStage<T> started;
          try {
            started = call.get();
          } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
          }
          started.whenComplete(
              (value, failure) -> {
                permits.release();
                drain();
                if (failure != null) {
                  result.completeExceptionally(failure);
                } else {
                  result.complete(value);
                }
              });
        });
    drain();
    return result;
  }

  private void drain() {
    while (!waiting.isEmpty() && permits.tryAcquire()) {
      Runnable next = waiting.poll();
      if (next == null) {
        permits.release();
        return;
      }
      next.run();
    }
  }
}
