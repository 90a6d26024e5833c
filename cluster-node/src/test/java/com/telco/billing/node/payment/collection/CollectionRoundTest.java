package com.telco.billing.node.payment.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.metrics.ScrapedMetrics;
import com.telco.billing.node.rounds.RoundReport;
import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One round of the driver over in-memory due rows, with the accounts played by a stand-in. */
class CollectionRoundTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** Answers each invoice as told; records every ask. */
  static final class Accounts implements CollectionTarget {
    final Map<String, Function<LocalDate, CompletionStage<CollectionStatus>>> answers =
        new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();

    Accounts answer(String invoice, CollectionStatus status) {
      answers.put(invoice, today -> CompletableFuture.completedFuture(status));
      return this;
    }

    @Override
    public CompletionStage<CollectionStatus> collectDue(
        String accountId, String invoiceNumber, LocalDate today) {
      asked.add(accountId + "/" + invoiceNumber + "@" + today);
      return answers
          .getOrDefault(
              invoiceNumber,
              t -> CompletableFuture.failedFuture(new IllegalStateException("no answer")))
          .apply(today);
    }
  }

  private static CollectionSettings settings(int parallelism) {
    return new CollectionSettings(Duration.ofSeconds(10), parallelism, Duration.ofSeconds(5), 35);
  }

  private static CollectionRound round(
      DueRows rows, CollectionTarget accounts, DirectDebitSink sink, int parallelism) {
    return new CollectionRound(
        testKit.system(),
        rows,
        accounts,
        sink,
        settings(parallelism),
        CLOCK,
        BillingMetrics.get(testKit.system()).collections());
  }

  private static RoundReport run(CollectionRound round) throws Exception {
    return round.run(TODAY).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static DueRow row(int daysFromToday, String account, String invoice) {
    return new DueRow(TODAY.plusDays(daysFromToday), account, invoice);
  }

  @Test
  void everyDueRowIsAskedOnceAndTheAnswersCarriedOut() throws Exception {
    LocalDate retry = TODAY.plusDays(3);
    var rows =
        new InMemoryDueRows()
            .add(
                row(-2, "acc-1", "INV-1"),
                row(-1, "acc-2", "INV-2"),
                row(0, "acc-3", "INV-3"),
                row(2, "acc-4", "INV-4"));
    rows.watermark = TODAY.minusDays(4);
    var accounts =
        new Accounts()
            .answer("INV-1", new CollectionStatus.Collected("PAY-1-acc-1"))
            .answer("INV-2", new CollectionStatus.NothingToCollect("settled"))
            .answer("INV-3", new CollectionStatus.Failed("insufficient_funds", retry));

    RoundReport report = run(round(rows, accounts, DirectDebitSink.NOT_CONFIGURED, 8));

    assertEquals(
        Set.of("acc-1/INV-1@" + TODAY, "acc-2/INV-2@" + TODAY, "acc-3/INV-3@" + TODAY),
        Set.copyOf(accounts.asked));
    assertEquals(3, accounts.asked.size());
    // the future row is not asked; the failed one waits for its retry date
    assertEquals(Set.of(row(2, "acc-4", "INV-4"), new DueRow(retry, "acc-3", "INV-3")), rows.rows);
    assertEquals(3, report.rowsRead());
    assertEquals(1, report.outcome("collected"));
    assertEquals(1, report.outcome("nothing_to_collect"));
    assertEquals(1, report.outcome("failed"));
    assertEquals(0, report.rowsLeft());
    assertEquals(TODAY.minusDays(4), report.from());
    assertEquals(TODAY.minusDays(1), report.watermark());
    assertEquals(TODAY.minusDays(1), rows.watermark);
  }

  @Test
  void pendingAndUnansweredRowsStayAndHoldTheWatermark() throws Exception {
    var rows =
        new InMemoryDueRows()
            .add(row(-5, "acc-1", "INV-1"), row(-3, "acc-2", "INV-2"), row(-1, "acc-3", "INV-3"));
    rows.watermark = TODAY.minusDays(6);
    var accounts =
        new Accounts()
            .answer("INV-1", new CollectionStatus.Pending("PAY-1-acc-1", TODAY))
            .answer("INV-3", new CollectionStatus.Pending("PAY-3-acc-3", TODAY.plusDays(1)));

    RoundReport report = run(round(rows, accounts, DirectDebitSink.NOT_CONFIGURED, 8));

    assertEquals(
        Set.of(row(-5, "acc-1", "INV-1"), row(-3, "acc-2", "INV-2"), row(1, "acc-3", "INV-3")),
        rows.rows);
    assertEquals(1, report.askFailures());
    assertEquals(2, report.rowsLeft());
    assertEquals(2, report.outcome("pending"));
    assertEquals(TODAY.minusDays(5), rows.watermark);

    // the next round asks the rows left, and only those
    accounts.asked.clear();
    accounts.answer("INV-1", new CollectionStatus.Collected("PAY-1-acc-1"));
    accounts.answer("INV-2", new CollectionStatus.Collected("PAY-2-acc-2"));
    run(round(rows, accounts, DirectDebitSink.NOT_CONFIGURED, 8));

    assertEquals(
        Set.of("acc-1/INV-1@" + TODAY, "acc-2/INV-2@" + TODAY), Set.copyOf(accounts.asked));
    assertEquals(Set.of(row(1, "acc-3", "INV-3")), rows.rows);
    assertEquals(TODAY.minusDays(1), rows.watermark);
  }

  @Test
  void aDirectDebitRowGoesOnlyOnceTheSinkTookIt() throws Exception {
    DueRow due = row(0, "acc-9", "INV-9");
    var rows = new InMemoryDueRows().add(due);
    DirectDebitInstruction instruction = Instructions.of("acc-9", "INV-9", TODAY);
    var accounts =
        new Accounts().answer("INV-9", new CollectionStatus.DirectDebitScheduled(instruction));
    CompletableFuture<Done> taken = new CompletableFuture<>();
    CountDownLatch handedOver = new CountDownLatch(1);
    ConcurrentLinkedQueue<DirectDebitInstruction> received = new ConcurrentLinkedQueue<>();
    DirectDebitSink sink =
        i -> {
          received.add(i);
          handedOver.countDown();
          return taken;
        };

    CompletableFuture<RoundReport> report =
        round(rows, accounts, sink, 8).run(TODAY).toCompletableFuture();

    assertTrue(handedOver.await(5, TimeUnit.SECONDS));
    Thread.sleep(100);
    assertTrue(rows.rows.contains(due), "the row stays until the sink took the instruction");
    assertFalse(report.isDone());
    taken.complete(Done.getInstance());

    assertEquals(1, report.get(5, TimeUnit.SECONDS).outcome("direct_debit_scheduled"));
    assertEquals(List.of(instruction), List.copyOf(received));
    assertEquals(Set.of(), rows.rows);
  }

  @Test
  void aDirectDebitTheSinkRefusedStays() throws Exception {
    DueRow due = row(0, "acc-9", "INV-9");
    var rows = new InMemoryDueRows().add(due);
    var accounts =
        new Accounts()
            .answer(
                "INV-9",
                new CollectionStatus.DirectDebitScheduled(
                    Instructions.of("acc-9", "INV-9", TODAY)));

    RoundReport report = run(round(rows, accounts, DirectDebitSink.NOT_CONFIGURED, 8));

    assertEquals(Set.of(due), rows.rows);
    assertEquals(1, report.otherFailures());
    assertEquals(1, report.rowsLeft());
    assertEquals(TODAY.minusDays(1), rows.watermark);
  }

  @Test
  void aRowThatCouldNotBeDeletedStaysCounted() throws Exception {
    DueRow due = row(-7, "acc-1", "INV-1");
    var rows = new InMemoryDueRows().add(due);
    rows.failRemoves = true;
    var accounts = new Accounts().answer("INV-1", new CollectionStatus.Collected("PAY-1-acc-1"));

    RoundReport report = run(round(rows, accounts, DirectDebitSink.NOT_CONFIGURED, 8));

    assertEquals(1, report.otherFailures());
    assertEquals(TODAY.minusDays(7), rows.watermark);
  }

  @Test
  void neverMoreThanParallelismAsksInFlight() throws Exception {
    var rows = new InMemoryDueRows();
    for (int i = 0; i < 60; i++) {
      rows.add(row(-(i % 3), "acc-" + i, "INV-" + i));
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    var later = CompletableFuture.delayedExecutor(15, TimeUnit.MILLISECONDS);
    CollectionTarget slow =
        (account, invoice, today) -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          return CompletableFuture.supplyAsync(
              () -> {
                inFlight.decrementAndGet();
                return (CollectionStatus) new CollectionStatus.Collected("PAY-" + invoice);
              },
              later);
        };

    RoundReport report = run(round(rows, slow, DirectDebitSink.NOT_CONFIGURED, 4));

    assertEquals(60, report.rowsRead());
    assertEquals(Set.of(), rows.rows);
    assertTrue(most.get() <= 4, "at most 4 in flight, saw " + most.get());
    assertTrue(most.get() >= 2, "asks overlap, saw " + most.get());
  }

  @Test
  void aFailedReadFailsTheRoundAndLeavesTheWatermark() {
    var rows = new InMemoryDueRows().add(row(-3, "acc-1", "INV-1"));
    rows.watermark = TODAY.minusDays(3);
    rows.failReadsOn = TODAY.minusDays(1);
    var accounts = new Accounts().answer("INV-1", new CollectionStatus.Collected("PAY-1"));

    assertThrows(
        ExecutionException.class,
        () ->
            round(rows, accounts, DirectDebitSink.NOT_CONFIGURED, 8)
                .run(TODAY)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS));
    assertEquals(TODAY.minusDays(3), rows.watermark);
    assertEquals(0, rows.watermarkWrites);
  }

  @Test
  void theRoundIsCountedInTheMetrics() throws Exception {
    var metrics = BillingMetrics.get(testKit.system());
    ScrapedMetrics before = scrape(metrics);
    var rows =
        new InMemoryDueRows()
            .add(row(0, "acc-1", "INV-m1"), row(0, "acc-2", "INV-m2"), row(0, "acc-3", "INV-m3"));
    var accounts =
        new Accounts()
            .answer("INV-m1", new CollectionStatus.Collected("PAY-1"))
            .answer("INV-m2", new CollectionStatus.Pending("PAY-2", TODAY));

    run(round(rows, accounts, DirectDebitSink.NOT_CONFIGURED, 8));

    ScrapedMetrics after = scrape(metrics);
    assertEquals(3, delta(before, after, "billing_collection_asks_total"));
    assertEquals(
        1, delta(before, after, "billing_collection_outcomes_total", "outcome", "collected"));
    assertEquals(
        1, delta(before, after, "billing_collection_outcomes_total", "outcome", "pending"));
    assertEquals(1, delta(before, after, "billing_collection_failures_total", "stage", "ask"));
  }

  private static ScrapedMetrics scrape(BillingMetrics metrics) {
    return ScrapedMetrics.parse(new String(metrics.scrape(), StandardCharsets.UTF_8));
  }

  private static double delta(
      ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
