package com.telco.billing.node.payment.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.rounds.AfterRound;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.node.rounds.RoundReport;
import com.telco.billing.protocol.payment.CollectionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The driver actor: rounds on demand and on its interval, the after-round hook, a new start. */
class CollectionDriverTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static ActorRef<RoundDriver.Command> driver(
      DueRows rows, CollectionTarget accounts, AfterRound afterRound, Duration interval) {
    var metrics = BillingMetrics.get(testKit.system()).collections();
    var round =
        new CollectionRound(
            testKit.system(),
            rows,
            accounts,
            DirectDebitSink.NOT_CONFIGURED,
            new CollectionSettings(interval, 8, Duration.ofSeconds(5), 35),
            CLOCK,
            metrics);
    return testKit.spawn(CollectionDriver.create(round, afterRound, CLOCK, interval, metrics));
  }

  private static StatusReply<RoundReport> runRound(ActorRef<RoundDriver.Command> driver) {
    TestProbe<StatusReply<RoundReport>> probe = testKit.createTestProbe();
    driver.tell(new RoundDriver.RunRound(probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(10));
  }

  @Test
  void eachRoundIsFollowedByTheAfterRoundStepForItsDate() {
    var rows = new InMemoryDueRows().add(new DueRow(TODAY, "acc-1", "INV-1"));
    var accounts =
        new CollectionRoundTest.Accounts()
            .answer("INV-1", new CollectionStatus.Collected("PAY-1-acc-1"));
    ConcurrentLinkedQueue<String> steps = new ConcurrentLinkedQueue<>();
    AfterRound afterRound =
        today -> {
          steps.add("after " + today + " with " + rows.rows.size() + " rows");
          return CompletableFuture.completedFuture(Done.getInstance());
        };
    var driver = driver(rows, accounts, afterRound, Duration.ofHours(1));

    StatusReply<RoundReport> first = runRound(driver);
    StatusReply<RoundReport> second = runRound(driver);

    assertTrue(first.isSuccess());
    assertTrue(second.isSuccess());
    // the driver's own first round may have done the work: between them, one ask
    assertEquals(List.of("acc-1/INV-1@" + TODAY), List.copyOf(accounts.asked));
    assertTrue(steps.size() >= 2, steps.toString());
    steps.forEach(step -> assertEquals("after " + TODAY + " with 0 rows", step));
    testKit.stop(driver);
  }

  @Test
  void aFailedRoundIsAnsweredAndTheNextRunsAnyway() {
    var rows = new InMemoryDueRows();
    rows.failReadsOn = TODAY;
    ConcurrentLinkedQueue<LocalDate> hooks = new ConcurrentLinkedQueue<>();
    AfterRound failing =
        today -> {
          hooks.add(today);
          return CompletableFuture.failedFuture(new IllegalStateException("no file written"));
        };
    var driver = driver(rows, new CollectionRoundTest.Accounts(), failing, Duration.ofHours(1));

    StatusReply<RoundReport> failed = runRound(driver);
    rows.failReadsOn = null;
    StatusReply<RoundReport> next = runRound(driver);

    assertTrue(failed.isError());
    assertTrue(next.isSuccess());
    assertTrue(hooks.size() >= 2);
    testKit.stop(driver);
  }

  @Test
  void roundsRunOnTheIntervalByThemselves() {
    var rows = new InMemoryDueRows();
    var accounts =
        new CollectionRoundTest.Accounts()
            .answer("INV-7", new CollectionStatus.Collected("PAY-7-acc-7"));
    var driver = driver(rows, accounts, AfterRound.NOTHING, Duration.ofMillis(50));

    rows.add(new DueRow(TODAY.minusDays(1), "acc-7", "INV-7"));

    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(5),
        () -> {
          assertEquals(Set.of(), rows.rows);
          return null;
        });
    assertEquals(List.of("acc-7/INV-7@" + TODAY), List.copyOf(accounts.asked));
    testKit.stop(driver);
  }

  @Test
  void aNewDriverStartsAtTheStoredWatermark() {
    var rows = new InMemoryDueRows().add(new DueRow(TODAY.minusDays(20), "acc-1", "INV-1"));
    var accounts = new CollectionRoundTest.Accounts();
    var first = driver(rows, accounts, AfterRound.NOTHING, Duration.ofHours(1));
    assertTrue(runRound(first).isSuccess());
    testKit.stop(first);
    // the first round looked back 35 days and left the unanswered row's date as the watermark
    assertEquals(TODAY.minusDays(20), rows.watermark);

    var second = driver(rows, accounts, AfterRound.NOTHING, Duration.ofHours(1));
    RoundReport resumed = runRound(second).getValue();

    assertEquals(TODAY.minusDays(20), resumed.from());
    assertEquals(1, resumed.askFailures());
    testKit.stop(second);
  }

  /** A driver that stops (its singleton moving away) stops its round: the next driver asks. */
  @Test
  void aStoppedDriverAsksNoMore() throws Exception {
    var rows = new InMemoryDueRows();
    for (int i = 0; i < 200; i++) {
      rows.add(new DueRow(TODAY, "acc-" + i, "INV-" + i));
    }
    AtomicInteger asks = new AtomicInteger();
    var later = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
    CollectionTarget slow =
        (account, invoice, today) -> {
          asks.incrementAndGet();
          return CompletableFuture.supplyAsync(
              () -> (CollectionStatus) new CollectionStatus.Collected("PAY-" + invoice), later);
        };
    var driver = driver(rows, slow, AfterRound.NOTHING, Duration.ofHours(1));
    driver.tell(
        new RoundDriver.RunRound(testKit.<StatusReply<RoundReport>>createTestProbe().ref()));
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(5),
        () -> {
          assertTrue(asks.get() >= 8);
          return null;
        });

    testKit.stop(driver);
    Thread.sleep(300);
    int atStop = asks.get();
    Thread.sleep(500);

    assertEquals(atStop, asks.get());
    assertTrue(atStop < 200, "asked " + atStop);
    assertTrue(rows.rows.size() > 0);
  }
}
