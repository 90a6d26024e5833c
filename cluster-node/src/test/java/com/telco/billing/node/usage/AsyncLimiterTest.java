package com.telco.billing.node.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {

  /** Calls that complete only when the test says so, in the order they were started. */
  private static final class Calls {
    final List<Integer> started = new ArrayList<>();
    final List<CompletableFuture<Integer>> pending = new ArrayList<>();

    CompletionStage<Integer> submit(AsyncLimiter limiter, int id) {
      return limiter.submit(
          () -> {
            started.add(id);
            CompletableFuture<Integer> call = new CompletableFuture<>();
            pending.add(call);
            return call;
          });
    }

    void complete(int index) {
      pending.get(index).complete(started.get(index));
    }
  }

  @Test
  void startsAtMostTheBoundAndTheRestInArrivalOrder() throws Exception {
    AsyncLimiter limiter = new AsyncLimiter(3);
    Calls calls = new Calls();
    List<CompletionStage<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      results.add(calls.submit(limiter, i));
    }
    assertEquals(List.of(0, 1, 2), calls.started);
    assertEquals(3, limiter.running());

    calls.complete(1);
    assertEquals(List.of(0, 1, 2, 3), calls.started);
    assertEquals(1, results.get(1).toCompletableFuture().get());
    assertEquals(3, limiter.running());

    calls.complete(0);
    calls.complete(2);
    assertEquals(List.of(0, 1, 2, 3, 4, 5), calls.started);
    for (int i = 3; i < 6; i++) {
      calls.complete(i);
    }
    assertEquals(0, limiter.running());
    for (int i = 0; i < 6; i++) {
      assertEquals(i, results.get(i).toCompletableFuture().get());
    }
  }

  @Test
  void aLowerBoundStartsNothingUntilFewerRunAndAHigherOneStartsMoreAsCallsComplete()
      throws Exception {
    AtomicInteger bound = new AtomicInteger(4);
    AsyncLimiter limiter = new AsyncLimiter(bound::get);
    Calls calls = new Calls();
    for (int i = 0; i < 10; i++) {
      calls.submit(limiter, i);
    }
    assertEquals(4, calls.started.size());

    bound.set(2);
    calls.complete(0);
    calls.complete(1);
    assertEquals(4, calls.started.size(), "two still run: none may start at a bound of 2");
    calls.complete(2);
    assertEquals(5, calls.started.size(), "one ran: one more may start");
    assertEquals(2, limiter.running());

    bound.set(6);
    calls.complete(3);
    assertEquals(10, calls.started.size(), "the completion starts every call the bound allows");
    assertEquals(6, limiter.running());
  }

  @Test
  void aBoundBelowOneStillLetsOneCallRun() {
    AtomicInteger bound = new AtomicInteger(0);
    AsyncLimiter limiter = new AsyncLimiter(bound::get);
    Calls calls = new Calls();
    calls.submit(limiter, 0);
    calls.submit(limiter, 1);
    assertEquals(List.of(0), calls.started);
    calls.complete(0);
    assertEquals(List.of(0, 1), calls.started);
  }

  @Test
  void aCallThatThrowsFailsItsStageAndFreesItsSlot() throws Exception {
    AsyncLimiter limiter = new AsyncLimiter(1);
    CompletionStage<Integer> failed =
        limiter.submit(
            () -> {
              throw new IllegalStateException("broken");
            });
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> failed.toCompletableFuture().get());
    assertTrue(e.getCause() instanceof IllegalStateException);
    assertEquals(0, limiter.running());
    assertEquals(
        7, limiter.submit(() -> CompletableFuture.completedFuture(7)).toCompletableFuture().get());
  }

  @Test
  void aFixedBoundBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AsyncLimiter(0));
  }
}
