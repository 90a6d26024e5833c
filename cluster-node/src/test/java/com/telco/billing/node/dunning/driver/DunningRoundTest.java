package com.telco.billing.node.dunning.driver;

import static com.telco.billing.node.dunning.driver.InMemoryDunningDueRows.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.rounds.RoundReport;
import com.telco.billing.protocol.dunning.DunningOutcome;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One round of the dunning driver over in-memory due rows, the accounts played by a stand-in. */
class DunningRoundTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** Answers each account as told (no answer for an account not told); records every ask. */
  static final class Accounts implements DunningTarget {
    final Map<String, DunningOutcome> answers = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();
    volatile Runnable onAsk = () -> {};

    Accounts answer(String account, DunningOutcome outcome) {
      answers.put(account, outcome);
      return this;
    }

    @Override
    public CompletionStage<DunningOutcome> evaluate(String accountId, LocalDate today) {
      asked.add(accountId + "@" + today);
      onAsk.run();
      DunningOutcome outcome = answers.get(accountId);
      return outcome == null
          ? CompletableFuture.failedFuture(new IllegalStateException("no answer"))
          : CompletableFuture.completedFuture(outcome);
    }
  }

  static DunningOutcome next(LocalDate date) {
    return new DunningOutcome(List.of(), false, date);
  }

  static DunningOutcome ended() {
    return new DunningOutcome(List.of(), true, null);
  }

  private static DunningRound round(DunningDueRows rows, DunningTarget accounts, int parallelism) {
    return new DunningRound(
        testKit.system(),
        rows,
        accounts,
        new DunningDriverSettings(
            Duration.ofSeconds(1), parallelism, Duration.ofSeconds(5), 35, 100, 1000, 5000, 366),
        BillingMetrics.get(testKit.system()).dunning());
  }

  private static RoundReport run(DunningRound round) throws Exception {
    return round.run(TODAY).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void everyDueAccountIsAskedOnceForTodayAndItsRowFollowsTheAnswer() throws Exception {
    var rows = new InMemoryDunningDueRows();
    rows.watermark = TODAY.minusDays(5);
    rows.schedule("acc-1", TODAY.minusDays(2));
    rows.schedule("acc-2", TODAY.minusDays(1));
    rows.schedule("acc-3", TODAY);
    rows.schedule("acc-4", TODAY);
    rows.schedule("acc-5", TODAY.plusDays(3));
    var accounts =
        new Accounts()
            .answer("acc-1", next(TODAY.plusDays(7)))
            .answer("acc-2", ended())
            .answer("acc-3", next(TODAY));
    // acc-4: no answer

    RoundReport report = run(round(rows, accounts, 8));

    assertEquals(
        Set.of("acc-1@" + TODAY, "acc-2@" + TODAY, "acc-3@" + TODAY, "acc-4@" + TODAY),
        Set.copyOf(accounts.asked));
    assertEquals(4, accounts.asked.size());
    // moved to its next date; deleted; kept (asked again next round); kept (no answer)
    assertEquals(
        Set.of(
            key("acc-1", TODAY.plusDays(7)),
            key("acc-3", TODAY),
            key("acc-4", TODAY),
            key("acc-5", TODAY.plusDays(3))),
        rows.rows.keySet());
    assertEquals(4, report.rowsRead());
    assertEquals(1, report.askFailures());
    assertEquals(1, report.outcome("ended"));
    assertEquals(2, report.outcome("unchanged"));
    assertEquals(2, report.rowsLeft());
    assertEquals(TODAY.minusDays(1), rows.watermark);

    // the next round asks the rows left, and only those, once each
    accounts.asked.clear();
    accounts.answer("acc-3", next(null)).answer("acc-4", next(TODAY.plusDays(1)));
    run(round(rows, accounts, 8));
    assertEquals(Set.of("acc-3@" + TODAY, "acc-4@" + TODAY), Set.copyOf(accounts.asked));
    assertEquals(
        Set.of(
            key("acc-1", TODAY.plusDays(7)),
            key("acc-4", TODAY.plusDays(1)),
            key("acc-5", TODAY.plusDays(3))),
        rows.rows.keySet());
  }

  @Test
  void aRowWrittenAgainWhileItsAccountWasAskedStays() throws Exception {
    var rows = new InMemoryDunningDueRows();
    rows.schedule("acc-1", TODAY);
    var accounts = new Accounts().answer("acc-1", ended());
    // the projection writes the same date again (a new NextEvaluation) while the ask is out
    accounts.onAsk = () -> rows.schedule("acc-1", TODAY);

    RoundReport report = run(round(rows, accounts, 8));

    assertEquals(Set.of(key("acc-1", TODAY)), rows.rows.keySet());
    assertEquals(1, report.outcome("ended"));
  }

  @Test
  void aRowThatCouldNotBeDeletedStaysAndHoldsTheWatermark() throws Exception {
    var rows = new InMemoryDunningDueRows();
    rows.watermark = TODAY.minusDays(9);
    rows.schedule("acc-1", TODAY.minusDays(7));
    rows.failRemoves = true;
    var accounts = new Accounts().answer("acc-1", ended());

    RoundReport report = run(round(rows, accounts, 8));

    assertEquals(1, report.otherFailures());
    assertEquals(Set.of(key("acc-1", TODAY.minusDays(7))), rows.rows.keySet());
    assertEquals(TODAY.minusDays(7), rows.watermark);
  }

  @Test
  void neverMoreThanParallelismAsksInFlight() throws Exception {
    var rows = new InMemoryDunningDueRows();
    for (int i = 0; i < 60; i++) {
      rows.schedule("acc-" + i, TODAY.minusDays(i % 3));
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    var later = CompletableFuture.delayedExecutor(15, TimeUnit.MILLISECONDS);
    DunningTarget slow =
        (account, today) -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          return CompletableFuture.supplyAsync(
              () -> {
                inFlight.decrementAndGet();
                return new DunningOutcome(List.of(), false, null);
              },
              later);
        };

    RoundReport report = run(round(rows, slow, 4));

    assertEquals(60, report.rowsRead());
    assertEquals(Set.of(), rows.rows.keySet());
    assertTrue(most.get() <= 4, "at most 4 in flight, saw " + most.get());
    assertTrue(most.get() >= 2, "asks overlap, saw " + most.get());
  }
}
