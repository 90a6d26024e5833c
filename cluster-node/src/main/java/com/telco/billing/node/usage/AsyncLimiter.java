package com.telco.billing.node.usage;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Bounds how many asynchronous calls run at once; the others wait in arrival order. The intake uses
 * it so that a burst of batches over many accounts cannot start thousands of entity recoveries at
 * the same time and push the journal into timeouts.
 *
 * <p>The bound may change while calls run ({@link #AsyncLimiter(IntSupplier)}): it is read each
 * time a call could start. A lower bound lets the calls above it finish and starts no new one until
 * fewer run; a higher one starts more as the running calls complete.
 */
public final class AsyncLimiter {
  private final IntSupplier maxConcurrent;
  private final AtomicInteger running = new AtomicInteger();
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  /** A fixed bound. */
  public AsyncLimiter(int maxConcurrent) {
    this(() -> maxConcurrent);
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("at least one call must be able to run");
    }
  }

  /** A bound read each time a call could start; values below 1 count as 1. */
  public AsyncLimiter(IntSupplier maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
  }

  /** Runs {@code call} when fewer than the bound run; its slot frees when its stage completes. */
  public <T> CompletionStage<T> submit(Supplier<CompletionStage<T>> call) {
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
                running.decrementAndGet();
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

  /** Calls running now. */
  public int running() {
    return running.get();
  }

  private void drain() {
    while (!waiting.isEmpty()) {
      int now = running.get();
      if (now >= Math.max(1, maxConcurrent.getAsInt())) {
        return;
      }
      if (!running.compareAndSet(now, now + 1)) {
        continue;
      }
      Runnable next = waiting.poll();
      if (next == null) {
        // another drain took it; look again, an item added meanwhile must not wait
        running.decrementAndGet();
        continue;
      }
      next.run();
    }
  }
}
