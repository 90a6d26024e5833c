package com.telco.billing.node.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.billrun.AccountResult;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bill-cycle singleton over an in-memory journal, with the read side and the accounts played by
 * in-memory stand-ins that behave as the real ones do (an account closed twice answers its invoice
 * again). The real components are exercised by {@code BillRunApiIT}.
 */
class BillRunCoordinatorTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final LocalDate CYCLE = LocalDate.of(2026, 11, 26);

  /** The request that starts the manual runs of these tests. */
  private static final Origin ORIGIN = new Origin("finance-desk", "req-42");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clearJournal() {
    PersistenceTestKit.create(testKit.system()).clearAll();
  }

  static BillRunSettings settings(boolean autoStart) {
    return new BillRunSettings(
        autoStart,
        Duration.ofHours(14),
        Duration.ofMillis(100),
        4,
        3,
        3,
        Duration.ofMillis(50),
        10);
  }

  /** 25 accounts of cycle day 26, ordered by id, as the read side answers them. */
  static final class Accounts implements BillRunPorts.CycleDayAccounts {
    final List<String> ids = new ArrayList<>();

    Accounts(int n) {
      for (int i = 0; i < n; i++) {
        ids.add(String.format("acc-%02d", i));
      }
    }

    @Override
    public CompletionStage<List<String>> accounts(int cycleDay, String after, int limit) {
      return CompletableFuture.completedFuture(
          ids.stream().filter(id -> id.compareTo(after) > 0).limit(limit).toList());
    }

    @Override
    public CompletionStage<Long> countAccounts(int cycleDay) {
      return CompletableFuture.completedFuture((long) ids.size());
    }
  }

  /**
   * Accounts that behave like the entity: the first successful close issues the invoice, later ones
   * answer it again. acc-05 has nothing to bill, acc-03 fails twice before it works, acc-07 always
   * fails. {@code gate}, when set, holds every close until completed.
   */
  static final class Closer implements BillRunPorts.PeriodCloser {
    final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();
    final Map<String, Instant> issuedAt = new ConcurrentHashMap<>();
    final Clock clock;

    Closer(Clock clock) {
      this.clock = clock;
    }

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    final java.util.Set<String> fixed = ConcurrentHashMap.newKeySet();

    @Override
    public CompletionStage<AccountResult> close(String accountId, LocalDate cycleDate) {
      return gate.thenApply(
          open -> {
            int call =
                calls.computeIfAbsent(accountId, id -> new AtomicInteger()).incrementAndGet();
            boolean broken = accountId.equals("acc-07") && !fixed.contains(accountId);
            if (broken || (accountId.equals("acc-03") && call <= 2)) {
              throw new IllegalStateException("account_unavailable");
            }
            if (accountId.equals("acc-05")) {
              return new AccountResult.Skipped(accountId, "nothing_to_bill");
            }
            issued.computeIfAbsent(accountId, id -> new AtomicInteger()).compareAndSet(0, 1);
            Instant at = issuedAt.computeIfAbsent(accountId, id -> clock.instant());
            return new AccountResult.Invoiced(
                accountId, "EUR", new BigDecimal("10.00"), "INV-" + accountId, at);
          });
    }
  }

  private BillRunView start(ActorRef<BillRunCommand> coordinator, LocalDate date) {
    TestProbe<StatusReply<BillRunView>> probe = testKit.createTestProbe();
    coordinator.tell(new BillRunCommand.StartRun(date, "manual", ORIGIN, probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(5)).getValue();
  }

  private StatusReply<BillRunView> get(ActorRef<BillRunCommand> coordinator, String runId) {
    TestProbe<StatusReply<BillRunView>> probe = testKit.createTestProbe();
    coordinator.tell(new BillRunCommand.GetRun(runId, probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(5));
  }

  private BillRunView awaitCompleted(ActorRef<BillRunCommand> coordinator, String runId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      BillRunView view = get(coordinator, runId).getValue();
      if (view.status().equals("COMPLETED")) {
        return view;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + runId + " did not complete: " + get(coordinator, runId));
  }

  @Test
  void runsEveryAccountOfTheCycleDayRetriesFailuresAndCountsOnce() throws Exception {
    Closer closer = new Closer(clock);
    var coordinator =
        testKit.spawn(BillRunCoordinator.create(clock, settings(false), new Accounts(25), closer));
    BillRunView started = start(coordinator, CYCLE);
    assertTrue(started.created());
    assertEquals("BR-2026-11-26", started.runId());
    assertEquals(
        List.of(ORIGIN),
        runsStarted().stream().map(BillRunEvent.RunStarted::origin).toList(),
        "a manual run is started by its request");

    BillRunView done = awaitCompleted(coordinator, started.runId());
    assertEquals(25, done.accountsDue());
    assertEquals(25, done.processed());
    assertEquals(23, done.invoiced());
    assertEquals(1, done.skipped());
    assertEquals(1, done.failed());
    assertEquals(
        List.of(new BillRunView.Failure("acc-07", "IllegalStateException: account_unavailable")),
        done.failures());
    assertEquals(0, new BigDecimal("230.00").compareTo(done.amounts().get("EUR")));
    assertEquals(3, done.retryRound(), "acc-07 was retried every round");
    assertEquals(4, closer.calls.get("acc-07").get(), "the scan and three retry rounds");
    assertEquals(3, closer.calls.get("acc-03").get(), "recovered in the second retry round");

    // a second pass once the cause is fixed: the failed account is invoiced, the others are
    // counted as already invoiced (or nothing to bill), nobody is invoiced twice
    closer.fixed.add("acc-07");
    clock.set(clock.instant().plusSeconds(60));
    BillRunView second = start(coordinator, CYCLE);
    assertTrue(second.created());
    assertEquals("BR-2026-11-26-2", second.runId());
    BillRunView pass2 = awaitCompleted(coordinator, second.runId());
    assertEquals(25, pass2.processed());
    assertEquals(1, pass2.invoiced());
    assertEquals(24, pass2.skipped());
    assertEquals(0, pass2.failed());
    assertEquals(0, new BigDecimal("10.00").compareTo(pass2.amounts().get("EUR")));
    closer.issued.forEach((id, n) -> assertEquals(1, n.get(), id + " issued once"));
    assertEquals(23, get(coordinator, started.runId()).getValue().invoiced(), "pass 1 unchanged");
    testKit.stop(coordinator);
  }

  @Test
  void aRunResumesAfterTheSingletonMovesAndNothingIsCountedTwice() throws Exception {
    Closer closer = new Closer(clock);
    Accounts accounts = new Accounts(25);
    var first = testKit.spawn(BillRunCoordinator.create(clock, settings(false), accounts, closer));
    String runId = start(first, CYCLE).runId();
    // let two pages through, then hold the third step in flight and lose the node
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (get(first, runId).getValue().processed() < 8 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    CompletableFuture<Void> gate = new CompletableFuture<>();
    closer.gate = gate;
    Thread.sleep(100);
    testKit.stop(first);
    long processedBefore = closer.calls.values().stream().mapToInt(AtomicInteger::get).sum();
    gate.complete(null);
    closer.gate = CompletableFuture.completedFuture(null);

    var second = testKit.spawn(BillRunCoordinator.create(clock, settings(false), accounts, closer));
    BillRunView done = awaitCompleted(second, runId);
    assertEquals(25, done.processed(), "every account once, though a step was repeated");
    assertEquals(23, done.invoiced());
    assertEquals(1, done.skipped());
    assertEquals(0, new BigDecimal("230.00").compareTo(done.amounts().get("EUR")));
    closer.issued.forEach((id, n) -> assertEquals(1, n.get(), id + " issued once"));
    assertTrue(processedBefore >= 8);
    testKit.stop(second);
  }

  @Test
  void theScheduleStartsEachCycleDateOnceItHasBegunEverywhere() throws Exception {
    clock.set(Instant.parse("2026-12-01T13:00:00Z"));
    Closer closer = new Closer(clock);
    var coordinator =
        testKit.spawn(BillRunCoordinator.create(clock, settings(true), new Accounts(3), closer));
    // 2026-12-01 13:00 minus 14 h is still 2026-11-30: day 30 has no accounts, nothing starts.
    // The schedule is decided in the tick itself, so the list asked after it answers for it.
    coordinator.tell(BillRunCoordinator.tick());
    assertEquals(List.of(), list(coordinator).runs());

    clock.set(Instant.parse("2026-12-02T15:00:00Z"));
    coordinator.tell(BillRunCoordinator.tick());
    List<BillRunView> runs = list(coordinator).runs();
    assertEquals(
        List.of("BR-2026-12-02", "BR-2026-12-01"), runs.stream().map(BillRunView::runId).toList());
    runs.forEach(run -> assertEquals("schedule", run.trigger()));
    assertEquals(
        List.of(Origin.BILL_CYCLE, Origin.BILL_CYCLE),
        runsStarted().stream().map(BillRunEvent.RunStarted::origin).toList(),
        "scheduled runs are started by the bill cycle");
    awaitCompleted(coordinator, "BR-2026-12-02");

    TestProbe<StatusReply<BillRunView>> probe = testKit.createTestProbe();
    coordinator.tell(
        new BillRunCommand.StartRun(LocalDate.of(2026, 12, 3), "manual", ORIGIN, probe.ref()));
    assertTrue(probe.receiveMessage().getError().getMessage().startsWith("cycle_date_in_future"));
    coordinator.tell(
        new BillRunCommand.StartRun(LocalDate.of(2026, 11, 30), "manual", ORIGIN, probe.ref()));
    assertTrue(probe.receiveMessage().getError().getMessage().startsWith("not_a_cycle_date"));
    testKit.stop(coordinator);
  }

  /** The runs started in the journal, in order. */
  private List<BillRunEvent.RunStarted> runsStarted() {
    return PersistenceTestKit.create(testKit.system())
        .persistedInStorage(BillRunCoordinator.PERSISTENCE_ID.id())
        .stream()
        .filter(BillRunEvent.RunStarted.class::isInstance)
        .map(BillRunEvent.RunStarted.class::cast)
        .toList();
  }

  private BillRunList list(ActorRef<BillRunCommand> coordinator) {
    TestProbe<StatusReply<BillRunList>> probe = testKit.createTestProbe();
    coordinator.tell(new BillRunCommand.ListRuns(probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(5)).getValue();
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant next) {
      now = next;
    }

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
}
