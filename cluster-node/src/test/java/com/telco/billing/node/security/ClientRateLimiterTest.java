package com.telco.billing.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.Main;
import com.telco.billing.node.security.ClientRateLimiter.Decision;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
  private final AtomicLong clock = new AtomicLong(123_456_789L);

  /** 10 requests a second, 5 at once. */
  private ClientRateLimiter limiter(int maxClients) {
    return new ClientRateLimiter(new RateLimitSettings(true, 10, 5, maxClients), clock::get);
  }

  private void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  @Test
  void aFullBucketGrantsTheBurstThenOneRequestPerInterval() {
    ClientRateLimiter limiter = limiter(100);
    for (int i = 0; i < 5; i++) {
      assertTrue(limiter.tryAcquire("key-1", 1).allowed(), "request " + i);
    }
    Decision refused = limiter.tryAcquire("key-1", 1);
    assertFalse(refused.allowed());
    assertEquals(Duration.ofMillis(100), refused.retryAfter());
    advance(Duration.ofMillis(99));
    assertEquals(Duration.ofMillis(1), limiter.tryAcquire("key-1", 1).retryAfter());
    advance(Duration.ofMillis(1));
    assertTrue(limiter.tryAcquire("key-1", 1).allowed());
    assertFalse(limiter.tryAcquire("key-1", 1).allowed());
  }

  @Test
  void aRefusedRequestTakesNothing() {
    ClientRateLimiter limiter = limiter(100);
    assertTrue(limiter.tryAcquire("key-1", 5).allowed());
    for (int i = 0; i < 10; i++) {
      assertFalse(limiter.tryAcquire("key-1", 1).allowed());
    }
    advance(Duration.ofMillis(100));
    assertTrue(limiter.tryAcquire("key-1", 1).allowed());
  }

  @Test
  void severalPermitsCostSeveralIntervals() {
    ClientRateLimiter limiter = limiter(100);
    assertTrue(limiter.tryAcquire("key-1", 4).allowed());
    Decision refused = limiter.tryAcquire("key-1", 3);
    assertFalse(refused.allowed());
    assertEquals(Duration.ofMillis(200), refused.retryAfter());
    assertTrue(limiter.tryAcquire("key-1", 1).allowed());
  }

  @Test
  void anIdleBucketRefillsUpToTheBurstOnly() {
    ClientRateLimiter limiter = limiter(100);
    assertTrue(limiter.tryAcquire("key-1", 5).allowed());
    advance(Duration.ofHours(1));
    assertTrue(limiter.tryAcquire("key-1", 5).allowed());
    assertFalse(limiter.tryAcquire("key-1", 1).allowed());
  }

  @Test
  void clientsHaveBucketsOfTheirOwn() {
    ClientRateLimiter limiter = limiter(100);
    assertTrue(limiter.tryAcquire("key-1", 5).allowed());
    assertFalse(limiter.tryAcquire("key-1", 1).allowed());
    assertTrue(limiter.tryAcquire("key-2", 5).allowed());
  }

  @Test
  void theRateIsKeptOverTime() {
    ClientRateLimiter limiter = limiter(100);
    int granted = 0;
    // one request every millisecond for ten seconds: the burst, then 10 a second
    for (int ms = 0; ms < 10_000; ms++) {
      if (limiter.tryAcquire("key-1", 1).allowed()) {
        granted++;
      }
      advance(Duration.ofMillis(1));
    }
    assertEquals(5 + 100 - 1, granted, "burst plus rate times duration");
  }

  @Test
  void permitsOutsideOneToTheBurstAreAMistake() {
    ClientRateLimiter limiter = limiter(100);
    assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire("key-1", 0));
    assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire("key-1", 6));
  }

  @Test
  void fullBucketsAreDroppedBeyondMaxClients() {
    ClientRateLimiter limiter = limiter(3);
    for (int i = 0; i < 50; i++) {
      assertTrue(limiter.tryAcquire("key-" + i, 1).allowed());
      advance(Duration.ofSeconds(1)); // every earlier bucket is full again
      assertTrue(limiter.clients() <= 3, "clients " + limiter.clients());
    }
  }

  @Test
  void beyondMaxClientsTheLongestIdleBucketsAreDroppedWhenAllAreInUse() {
    ClientRateLimiter limiter = limiter(3);
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire("key-" + i, 5).allowed());
      advance(Duration.ofMillis(1));
    }
    // key-0 is used again: key-1 is now the longest idle
    advance(Duration.ofMillis(100));
    assertTrue(limiter.tryAcquire("key-0", 1).allowed());
    assertTrue(limiter.tryAcquire("key-3", 5).allowed());
    assertEquals(3, limiter.clients());
    assertFalse(limiter.tryAcquire("key-0", 1).allowed(), "key-0 kept its bucket");
    assertFalse(limiter.tryAcquire("key-2", 2).allowed(), "key-2 kept its bucket");
    assertTrue(limiter.tryAcquire("key-1", 5).allowed(), "key-1 started again with a full one");
  }

  @Test
  void concurrentRequestsNeverTakeMoreThanTheBucketHolds() throws Exception {
    ClientRateLimiter limiter =
        new ClientRateLimiter(new RateLimitSettings(true, 1, 1000, 100), clock::get);
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 500; i++) {
                    if (limiter.tryAcquire("key-1", 1).allowed()) {
                      granted.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1000, granted.get());
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUp() {
    assertEquals(1, new Decision(false, Duration.ofMillis(1)).retryAfterSeconds());
    assertEquals(1, new Decision(false, Duration.ofSeconds(1)).retryAfterSeconds());
    assertEquals(2, new Decision(false, Duration.ofMillis(1001)).retryAfterSeconds());
  }

  @Test
  void settingsAreReadFromTheNodeConfiguration() {
    RateLimitSettings settings = RateLimitSettings.from(Main.loadConfig(ConfigFactory.empty()));
    assertTrue(settings.enabled());
    assertEquals(0, Double.compare(200, settings.rate()));
    assertEquals(400, settings.burst());
    assertEquals(10_000, settings.maxClients());
    ConfigException failure =
        assertThrows(
            ConfigException.class,
            () ->
                RateLimitSettings.from(
                    Main.loadConfig(
                        ConfigFactory.parseString(
                            "billing.security.rate-limit.requests-per-second = 0"))));
    assertTrue(failure.getMessage().contains("requests-per-second"), failure.getMessage());
  }
}
