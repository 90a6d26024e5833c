package com.telco.billing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** How often schema creation is tried: the rounds the node promises, no more, no fewer. */
class CassandraSchemaRoundsTest {
  private static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void a_round_that_succeeds_after_failures_ends_the_retries() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String result =
        CassandraSchema.<String>inRounds(
                testKit.system(),
                5,
                Duration.ofMillis(10),
                round -> {
                  calls.incrementAndGet();
                  return round < 3
                      ? CompletableFuture.failedFuture(new IllegalStateException("round " + round))
                      : CompletableFuture.completedFuture("created in round " + round);
                })
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals("created in round 3", result);
    assertEquals(3, calls.get());
  }

  @Test
  void every_round_failing_returns_the_last_failure_after_exactly_the_rounds() {
    AtomicInteger calls = new AtomicInteger();
    var outcome =
        CassandraSchema.<String>inRounds(
                testKit.system(),
                4,
                Duration.ofMillis(10),
                round -> {
                  calls.incrementAndGet();
                  return CompletableFuture.failedFuture(
                      new IllegalStateException("round " + round));
                })
            .toCompletableFuture();
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> outcome.get(10, TimeUnit.SECONDS));
    assertEquals("round 4", failure.getCause().getMessage());
    assertEquals(4, calls.get());
  }
}
