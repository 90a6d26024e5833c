package com.telco.billing.node.payment.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.node.rounds.AfterRound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.junit.jupiter.api.Test;

class EveryNowAndThenTest {
  static final class Moving extends Clock {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void runsOncePerPeriodAndAgainOnANewDateOrAfterAFailure() {
    Moving clock = new Moving();
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger failNext = new AtomicInteger();
    AfterRound work =
        today -> {
          runs.incrementAndGet();
          return failNext.getAndSet(0) > 0
              ? CompletableFuture.failedFuture(new IllegalStateException("down"))
              : CompletableFuture.completedFuture(Done.getInstance());
        };
    EveryNowAndThen throttled = new EveryNowAndThen(work, Duration.ofMinutes(1), clock);
    LocalDate day = LocalDate.of(2026, 12, 7);
    throttled.run(day).toCompletableFuture().join();
    throttled.run(day).toCompletableFuture().join();
    assertEquals(1, runs.get());
    throttled.run(day.plusDays(1)).toCompletableFuture().join();
    assertEquals(2, runs.get());
    clock.now = clock.now.plusSeconds(61);
    failNext.set(1);
    throttled
        .run(day.plusDays(1))
        .exceptionally(t -> Done.getInstance())
        .toCompletableFuture()
        .join();
    throttled.run(day.plusDays(1)).toCompletableFuture().join();
    assertEquals(4, runs.get(), "a failed run is tried again on the next round");
  }
}
