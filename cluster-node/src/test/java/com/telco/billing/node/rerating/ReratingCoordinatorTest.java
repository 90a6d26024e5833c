package com.telco.billing.node.rerating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.billrun.BillRunPorts;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.rerating.RerateResult;
import com.telco.billing.protocol.rerating.ReratingCommand;
import com.telco.billing.protocol.rerating.ReratingJobRequest;
import com.telco.billing.protocol.rerating.ReratingJobView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The re-rating singleton over an in-memory journal, with the accounts played by a stand-in that
 * behaves as the entity does (the first visit finds differences, later ones none). The real
 * accounts are exercised by {@code AccountReratingTest} and {@code ReratingApiIT}.
 */
class ReratingCoordinatorTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final Origin ORIGIN = new Origin("finance-desk", "req-9");
  private static final ReratingSettings SETTINGS =
      new ReratingSettings(Duration.ofMillis(100), 4, 3, 3, Duration.ofMillis(50));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clearJournal() {
    PersistenceTestKit.create(testKit.system()).clearAll();
  }

  /** Accounts of cycle days 1 and 5, ordered by id per day. */
  static final class Days implements BillRunPorts.CycleDayAccounts {
    final Map<Integer, List<String>> byDay =
        Map.of(1, List.of("a-1", "a-2", "a-3", "a-4", "a-5"), 5, List.of("e-1", "e-2"));

    @Override
    public CompletionStage<List<String>> accounts(int cycleDay, String after, int limit) {
      return CompletableFuture.completedFuture(
          byDay.getOrDefault(cycleDay, List.of()).stream()
              .filter(id -> after == null || id.compareTo(after) > 0)
              .limit(limit)
              .toList());
    }

    @Override
    public CompletionStage<Long> countAccounts(int cycleDay) {
      return CompletableFuture.completedFuture(
          (long) byDay.getOrDefault(cycleDay, List.of()).size());
    }
  }

  /**
   * Accounts like the entity: the first job to visit an account changes 2 records (an adjustment of
   * -0.08 and -0.04 on the open period) and every visit of that job answers them; other jobs change
   * nothing. "acc-3" fails twice, then works; "acc-7" is not found; {@code gate} holds every visit
   * while set.
   */
  static final class Accounts implements ReratingPorts.AccountRerater {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, String> reratedBy = new ConcurrentHashMap<>();
    volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    @Override
    public CompletionStage<RerateResult> rerate(
        String accountId,
        String jobId,
        Instant from,
        Instant to,
        String offeringId,
        int catalogVersions,
        Origin origin) {
      assertEquals(1, catalogVersions, "the job's catalog versions reach the accounts");
      return gate.thenApply(
          open -> {
            int call =
                calls.computeIfAbsent(accountId, id -> new AtomicInteger()).incrementAndGet();
            if (accountId.equals("acc-3") && call <= 2) {
              throw Refusal.of(RefusalCode.ACCOUNT_BUSY, null, "busy").toException();
            }
            if (accountId.equals("acc-7")) {
              throw Refusal.of(RefusalCode.ACCOUNT_NOT_FOUND, null, "no account").toException();
            }
            String by = reratedBy.computeIfAbsent(accountId, id -> jobId);
            return by.equals(jobId)
                ? new RerateResult(
                    accountId,
                    "EUR",
                    3,
                    2,
                    Map.of(),
                    new BigDecimal("-0.040000"),
                    List.of(
                        new RerateResult.Adjustment(
                            "RR-" + accountId, new BigDecimal("-0.08"), "x", List.of("r1"))))
                : new RerateResult(
                    accountId, "EUR", 3, 0, Map.of(), BigDecimal.ZERO.setScale(6), List.of());
          });
    }
  }

  private static ReratingJobRequest.Valid request(List<String> accounts, String offering) {
    return new ReratingJobRequest(
            accounts, offering, "2026-11-05T00:00:00Z", "2026-12-05T00:00:00Z", "SMS price")
        .validate()
        .value();
  }

  private static StatusReply<ReratingJobView.Started> start(
      ActorRef<ReratingCommand> coordinator, String jobId, ReratingJobRequest.Valid request) {
    TestProbe<StatusReply<ReratingJobView.Started>> probe = testKit.createTestProbe();
    coordinator.tell(
        new ReratingCommand.StartJob(
            jobId, request.fingerprint(), request, 1, ORIGIN, probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(5));
  }

  private static ReratingJobView get(ActorRef<ReratingCommand> coordinator, String jobId) {
    TestProbe<StatusReply<ReratingJobView>> probe = testKit.createTestProbe();
    coordinator.tell(new ReratingCommand.GetJob(jobId, probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(5)).getValue();
  }

  private static ReratingJobView awaitCompleted(ActorRef<ReratingCommand> coordinator, String jobId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      ReratingJobView view = get(coordinator, jobId);
      if (view.status().equals("completed")) {
        return view;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job " + jobId + " did not complete: " + get(coordinator, jobId));
  }

  private static List<String> accounts(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add("acc-" + i);
    }
    return ids;
  }

  @Test
  void visitsEveryAccountRetriesFailuresAndAddsUpTheDifferences() throws Exception {
    Accounts stand = new Accounts();
    var coordinator =
        testKit.spawn(ReratingCoordinator.create(Clock.systemUTC(), SETTINGS, new Days(), stand));
    var started = start(coordinator, "RJ-1", request(accounts(10), null)).getValue();
    assertTrue(started.created());
    assertEquals("finance-desk", started.job().startedBy());
    ReratingJobView done = awaitCompleted(coordinator, "RJ-1");
    var p = done.progress();
    assertEquals(10L, p.accountsTotal());
    assertEquals(10, p.accountsDone());
    assertEquals(27, p.recordsSelected(), "9 accounts answered, 3 records each");
    assertEquals(18, p.recordsChanged());
    assertEquals(9, p.adjustmentLines());
    assertEquals(0, new BigDecimal("-0.72").compareTo(p.adjusted().get("EUR")));
    assertEquals(0, new BigDecimal("-0.36").compareTo(p.openDifference().get("EUR")));
    assertEquals(Map.of("acc-7", "account_not_found"), p.failures());
    assertEquals(3, stand.calls.get("acc-3").get(), "recovered in the second retry round");
    assertEquals(4, stand.calls.get("acc-7").get(), "the scan and three retry rounds");

    // the same key and body: the job as it stands; another body: refused
    var replay = start(coordinator, "RJ-1", request(accounts(10), null)).getValue();
    assertFalse(replay.created());
    var reused = start(coordinator, "RJ-1", request(accounts(3), null));
    assertEquals(
        RefusalCode.IDEMPOTENCY_KEY_REUSED,
        ((RefusedException) reused.getError()).refusal().code());

    // a second job over the same accounts finds nothing to change
    start(coordinator, "RJ-2", request(accounts(10), null));
    var second = awaitCompleted(coordinator, "RJ-2").progress();
    assertEquals(0, second.recordsChanged());
    assertEquals(0, second.adjustmentLines());
    assertTrue(second.adjusted().isEmpty());
    testKit.stop(coordinator);
  }

  @Test
  void aJobOverAnOfferingScansEveryCycleDay() throws Exception {
    Accounts stand = new Accounts();
    var coordinator =
        testKit.spawn(ReratingCoordinator.create(Clock.systemUTC(), SETTINGS, new Days(), stand));
    var started = start(coordinator, "RJ-3", request(null, "MOBILE_S")).getValue();
    assertNull(started.job().progress().accountsTotal(), "unknown while it scans");
    var done = awaitCompleted(coordinator, "RJ-3").progress();
    assertEquals(7L, done.accountsTotal());
    assertEquals(7, done.accountsDone());
    assertEquals(
        List.of("a-1", "a-2", "a-3", "a-4", "a-5", "e-1", "e-2"),
        stand.calls.keySet().stream().sorted().toList());
    testKit.stop(coordinator);
  }

  @Test
  void aJobResumesAfterTheSingletonMovesAndNothingIsCountedTwice() throws Exception {
    Accounts stand = new Accounts();
    var first =
        testKit.spawn(ReratingCoordinator.create(Clock.systemUTC(), SETTINGS, new Days(), stand));
    start(
        first,
        "RJ-4",
        request(List.of("acc-1", "acc-2", "acc-4", "acc-5", "acc-6", "acc-8"), null));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (get(first, "RJ-4").progress().accountsDone() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    // hold the second page in flight and lose the node
    CompletableFuture<Void> gate = new CompletableFuture<>();
    stand.gate = gate;
    Thread.sleep(100);
    testKit.stop(first);
    gate.complete(null);
    stand.gate = CompletableFuture.completedFuture(null);
    var second =
        testKit.spawn(ReratingCoordinator.create(Clock.systemUTC(), SETTINGS, new Days(), stand));
    var done = awaitCompleted(second, "RJ-4").progress();
    assertEquals(6, done.accountsDone());
    assertEquals(12, done.recordsChanged(), "each account's differences counted once");
    assertEquals(0, new BigDecimal("-0.48").compareTo(done.adjusted().get("EUR")));
    testKit.stop(second);
  }
}
