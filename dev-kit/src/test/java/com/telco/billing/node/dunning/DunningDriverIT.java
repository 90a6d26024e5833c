package com.telco.billing.node.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.node.DayClock;
import com.telco.billing.node.SingleNode;
import com.telco.billing.node.dunning.driver.DunningDriverModule;
import com.telco.billing.node.dunning.driver.DunningDriverSettings;
import com.telco.billing.node.dunning.driver.DunningDueStore;
import com.telco.billing.node.dunning.driver.DunningRound;
import com.telco.billing.node.dunning.driver.DunningTarget;
import com.telco.billing.node.dunning.worklist.DunningProjection;
import com.telco.billing.node.dunning.worklist.DunningReadStore;
import com.telco.billing.node.dunning.worklist.WorkListFilter;
import com.telco.billing.node.dunning.worklist.WorkListPage;
import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.node.rounds.RoundReport;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.dunning.DunningOutcome;
import com.telco.billing.sharding.ShardingInit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The dunning driver singleton with its Cassandra tables (the shared test Cassandra, a keyspace of
 * its own), the due rows written by the projection's handler from {@code DunningChanged} events,
 * and the accounts played by a real actor that answers {@code EvaluateDunning} in sharding
 * envelopes as the test tells it (or not at all). Over several days on a test clock: each account
 * is asked once per due date, a failed ask is asked again the next round, a later next evaluation
 * moves the row, the work list and the collections export follow the facts, and a driver on a new
 * node (the first one's actor system terminated) resumes from what is in Cassandra.
 */
class DunningDriverIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("dunning_driver");
  private static final LocalDate D0 = LocalDate.of(2026, 12, 7);
  private static final Duration ASK_TIMEOUT = Duration.ofMillis(500);

  private static final List<ActorSystem<?>> systems = new ArrayList<>();

  /** How the stand-in accounts answer: by account; an account not in the map gets no answer. */
  private final Map<String, DunningOutcome> answers = new ConcurrentHashMap<>();

  /** Every {@code EvaluateDunning} the stand-in got: {@code account@date}. */
  private final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();

  private final DayClock clock = new DayClock(D0);

  @AfterAll
  static void stopAll() {
    systems.forEach(DunningDriverIT::terminate);
  }

  private static void terminate(ActorSystem<?> system) {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }

  /** A node of its own cluster with the keyspace's schema, as the billing node starts them. */
  private static ActorSystem<Void> node() {
    ActorSystem<Void> system = SingleNode.start("DunningDriverIT", CASSANDRA, KEYSPACE);
    systems.add(system);
    return system;
  }

  private Behavior<ShardingEnvelope<AccountCommand>> accounts() {
    return Behaviors.receiveMessage(
        envelope -> {
          if (envelope.message() instanceof AccountCommand.EvaluateDunning evaluate) {
            asked.add(envelope.entityId() + "@" + evaluate.date());
            DunningOutcome answer = answers.get(envelope.entityId());
            if (answer != null) {
              evaluate.replyTo().tell(StatusReply.success(answer));
            }
          }
          return Behaviors.same();
        });
  }

  private ActorRef<RoundDriver.Command> startDriver(ActorSystem<?> system, DunningDueStore rows) {
    ActorRef<ShardingEnvelope<AccountCommand>> region =
        system.systemActorOf(accounts(), "stand-in-accounts", Props.empty());
    DunningTarget target =
        (account, today) ->
            AskPattern.askWithStatus(
                region,
                replyTo ->
                    new ShardingEnvelope<>(
                        account, new AccountCommand.EvaluateDunning(today, replyTo)),
                ASK_TIMEOUT,
                system.scheduler());
    // the driver's own rounds are an hour apart: the test runs them
    var settings =
        new DunningDriverSettings(Duration.ofHours(1), 4, ASK_TIMEOUT, 35, 100, 1000, 5000, 366);
    var round =
        new DunningRound(system, rows, target, settings, BillingMetrics.get(system).dunning());
    return ShardingInit.initSingleton(
        system,
        DunningDriverModule.SINGLETON,
        DunningDriverModule.driver(system, round, settings, clock));
  }

  private RoundReport oneRound(ActorSystem<?> system, ActorRef<RoundDriver.Command> driver) {
    asked.clear();
    CompletionStage<RoundReport> report =
        AskPattern.askWithStatus(
            driver, RoundDriver.RunRound::new, Duration.ofSeconds(60), system.scheduler());
    return report.toCompletableFuture().join();
  }

  private Set<String> askedSet() {
    List<String> all = List.copyOf(asked);
    assertEquals(all.size(), Set.copyOf(all).size(), "asked once per round: " + all);
    return new TreeSet<>(all);
  }

  private static Set<String> rows(ActorSystem<?> system, DunningDueStore store) {
    Set<String> rows = new TreeSet<>();
    for (LocalDate date = D0.minusDays(40);
        date.isBefore(D0.plusDays(40));
        date = date.plusDays(1)) {
      store
          .dueOn(date)
          .runWith(Sink.seq(), system)
          .toCompletableFuture()
          .join()
          .forEach(r -> rows.add(r.accountId() + "@" + r.evaluateOn()));
    }
    return rows;
  }

  private static void project(
      DunningProjection.DunningHandler handler, String account, long seqNr, DunningFact... facts)
      throws Exception {
    var event =
        new AccountEvent.DunningChanged(
            List.of(facts), Instant.parse("2026-12-07T08:00:00Z"), Origin.BILL_CYCLE);
    handler
        .process(
            List.of(
                EventEnvelope.create(Offset.noOffset(), "Account|" + account, seqNr, event, 0L)))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static DunningOutcome next(LocalDate date) {
    return new DunningOutcome(List.of(), false, date);
  }

  @Test
  void eachAccountIsAskedOncePerDueDateAndANewDriverResumes() throws Exception {
    ActorSystem<Void> first = node();
    var rows = new DunningDueStore(first, KEYSPACE);
    var readSide = new DunningReadStore(first, KEYSPACE);
    var handler = new DunningProjection.DunningHandler(rows, readSide, clock);
    LocalDate d3 = D0.minusDays(1);
    project(
        handler,
        "acc-1",
        1,
        new DunningFact.EpisodeStarted(1, d3, "p", 1, "INV-1", new BigDecimal("59.98")),
        new DunningFact.StepFired(
            1, 0, "reminder", 3, List.of("reminder"), d3, "INV-1", 3, new BigDecimal("59.98")),
        new DunningFact.NextEvaluation(D0));
    project(handler, "acc-2", 1, new DunningFact.NextEvaluation(D0.minusDays(20)));
    project(handler, "acc-3", 1, new DunningFact.NextEvaluation(D0.plusDays(1)));
    // a new date replaces the old row, replays change nothing
    project(handler, "acc-3", 2, new DunningFact.NextEvaluation(D0.plusDays(2)));
    project(handler, "acc-3", 2, new DunningFact.NextEvaluation(D0.plusDays(2)));
    project(handler, "acc-4", 1, new DunningFact.NextEvaluation(D0));
    project(handler, "acc-4", 2, new DunningFact.NextEvaluation(null));
    assertEquals(
        Set.of("acc-1@" + D0, "acc-2@" + D0, "acc-3@" + D0.plusDays(2)), rows(first, rows));

    answers.put("acc-1", next(D0.plusDays(7)));
    // acc-2: no answer

    ActorRef<RoundDriver.Command> driver = startDriver(first, rows);
    RoundReport day0 = oneRound(first, driver);
    assertEquals(Set.of("acc-1@" + D0, "acc-2@" + D0), askedSet());
    assertEquals(1, day0.askFailures(), day0.toString());
    assertEquals(
        Set.of("acc-1@" + D0.plusDays(7), "acc-2@" + D0, "acc-3@" + D0.plusDays(2)),
        rows(first, rows));

    // the same day again: only the unanswered account
    oneRound(first, driver);
    assertEquals(Set.of("acc-2@" + D0), askedSet());

    // the work list knows acc-1 with its days past due growing
    WorkListPage page =
        readSide
            .page(new WorkListFilter(null, 4), null, 10, 100, D0)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertEquals(List.of("acc-1"), page.entries().stream().map(e -> e.accountId()).toList());

    // the node dies; the driver starts on another one, two days later
    terminate(first);
    clock.setDay(D0.plusDays(2));
    ActorSystem<Void> second = node();
    rows = new DunningDueStore(second, KEYSPACE);
    answers.put("acc-2", next(null));
    answers.put("acc-3", next(D0.plusDays(9)));
    ActorRef<RoundDriver.Command> resumed = startDriver(second, rows);
    RoundReport day2 = oneRound(second, resumed);
    assertEquals(D0.minusDays(1), day2.from(), day2.toString());
    assertEquals(Set.of("acc-2@" + D0.plusDays(2), "acc-3@" + D0.plusDays(2)), askedSet());
    assertEquals(Set.of("acc-1@" + D0.plusDays(7), "acc-3@" + D0.plusDays(9)), rows(second, rows));
    assertEquals(Optional.of(D0.plusDays(1)), rows.watermark().toCompletableFuture().join());

    // day 7: acc-1 is due again, once
    clock.setDay(D0.plusDays(7));
    answers.put("acc-1", next(null));
    oneRound(second, resumed);
    assertEquals(Set.of("acc-1@" + D0.plusDays(7)), askedSet());
    assertEquals(Set.of("acc-3@" + D0.plusDays(9)), rows(second, rows));
  }
}
