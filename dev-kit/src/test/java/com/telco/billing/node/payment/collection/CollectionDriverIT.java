package com.telco.billing.node.payment.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.node.DayClock;
import com.telco.billing.node.SingleNode;
import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.rounds.AfterRound;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.node.rounds.RoundReport;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import com.telco.billing.sharding.ShardingInit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
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
 * The collection driver singleton with its Cassandra tables (the shared test Cassandra, a keyspace
 * of its own), the due rows written by the projection's handler, and the accounts played by a real
 * actor that answers {@code CollectDue} in sharding envelopes as the test tells it (or not at all).
 * Over several days on a test clock: rows of past dates are asked once per round until they are
 * done, a decline moves its row to the retry date, pending and unanswered rows stay, direct debits
 * go to the sink before their rows go, the watermark advances, and a driver on a new node (the
 * first one's actor system terminated) resumes from what is in Cassandra, without the lookback.
 */
class CollectionDriverIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("collection_driver");
  private static final LocalDate D0 = LocalDate.of(2026, 12, 7);
  private static final Duration ASK_TIMEOUT = Duration.ofMillis(500);

  private static final List<ActorSystem<?>> systems = new ArrayList<>();

  /** How the stand-in accounts answer: by invoice; an invoice not in the map gets no answer. */
  private final Map<String, CollectionStatus> answers = new ConcurrentHashMap<>();

  /** Every {@code CollectDue} the stand-in got: {@code account/invoice@today}. */
  private final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();

  private final ConcurrentLinkedQueue<DirectDebitInstruction> directDebits =
      new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<LocalDate> afterRounds = new ConcurrentLinkedQueue<>();
  private final DayClock clock = new DayClock(D0);

  @AfterAll
  static void stopAll() {
    systems.forEach(CollectionDriverIT::terminate);
  }

  private static void terminate(ActorSystem<?> system) {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }

  /** A node of its own cluster with the keyspace's schema, as the billing node starts them. */
  private static ActorSystem<Void> node() {
    ActorSystem<Void> system = SingleNode.start("CollectionDriverIT", CASSANDRA, KEYSPACE);
    systems.add(system);
    return system;
  }

  /** The stand-in accounts: one actor taking the envelopes a shard region would. */
  private Behavior<ShardingEnvelope<AccountCommand>> accounts() {
    return Behaviors.receiveMessage(
        envelope -> {
          if (envelope.message() instanceof AccountCommand.CollectDue due) {
            asked.add(envelope.entityId() + "/" + due.invoiceNumber() + "@" + due.today());
            CollectionStatus answer = answers.get(due.invoiceNumber());
            if (answer != null) {
              due.replyTo().tell(StatusReply.success(answer));
            }
          }
          return Behaviors.same();
        });
  }

  /** The driver singleton on {@code system}, asking the stand-in accounts. */
  private ActorRef<RoundDriver.Command> startDriver(ActorSystem<?> system, CollectionStore store) {
    ActorRef<ShardingEnvelope<AccountCommand>> region =
        system.systemActorOf(accounts(), "stand-in-accounts", Props.empty());
    CollectionTarget target =
        (account, invoice, today) ->
            AskPattern.askWithStatus(
                region,
                replyTo ->
                    new ShardingEnvelope<>(
                        account, new AccountCommand.CollectDue(invoice, today, replyTo)),
                ASK_TIMEOUT,
                system.scheduler());
    DirectDebitSink sink =
        instruction -> {
          directDebits.add(instruction);
          return CompletableFuture.completedFuture(Done.getInstance());
        };
    AfterRound afterRound =
        today -> {
          afterRounds.add(today);
          return CompletableFuture.completedFuture(Done.getInstance());
        };
    var settings = new CollectionSettings(Duration.ofHours(1), 4, ASK_TIMEOUT, 35);
    var metrics = BillingMetrics.get(system).collections();
    var round = new CollectionRound(system, store, target, sink, settings, clock, metrics);
    return ShardingInit.initCollectionSingleton(
        system, CollectionDriver.create(round, afterRound, clock, settings.interval(), metrics));
  }

  private static RoundReport runRound(ActorSystem<?> system, ActorRef<RoundDriver.Command> driver) {
    CompletionStage<RoundReport> report =
        AskPattern.askWithStatus(
            driver, RoundDriver.RunRound::new, Duration.ofSeconds(60), system.scheduler());
    return report.toCompletableFuture().join();
  }

  /** One round, recording its asks alone (the driver's own rounds are an hour apart). */
  private RoundReport oneRound(ActorSystem<?> system, ActorRef<RoundDriver.Command> driver) {
    asked.clear();
    return runRound(system, driver);
  }

  private Set<String> askedSet() {
    List<String> all = List.copyOf(asked);
    assertEquals(all.size(), Set.copyOf(all).size(), "asked once per round: " + all);
    return new TreeSet<>(all);
  }

  private static Set<String> rows(
      ActorSystem<?> system, CollectionStore store, LocalDate... dates) {
    Set<String> rows = new TreeSet<>();
    for (LocalDate date : dates) {
      store
          .dueOn(date)
          .runWith(Sink.seq(), system)
          .toCompletableFuture()
          .join()
          .forEach(r -> rows.add(r.accountId() + "/" + r.invoiceNumber() + "@" + r.collectOn()));
    }
    return rows;
  }

  private static LocalDate[] days(LocalDate from, LocalDate to) {
    return from.datesUntil(to.plusDays(1)).toArray(LocalDate[]::new);
  }

  private static String ask(String account, String invoice, LocalDate today) {
    return account + "/" + invoice + "@" + today;
  }

  private static DirectDebitInstruction instruction() {
    return new DirectDebitInstruction(
        "E2E-INV-7",
        "acc-7",
        "INV-7",
        "PAY-00000000000000a7-acc-7",
        "TELCO-DE",
        D0,
        new BigDecimal("19.99"),
        Currency.getInstance("EUR"),
        "MNDT-7",
        LocalDate.of(2026, 1, 2),
        DirectDebitInstruction.FIRST,
        "Max Mustermann",
        "DE89370400440532013000",
        null);
  }

  private static CompletionStage<Done> project(
      CollectionProjection.ScheduledHandler handler, String account, String invoice, LocalDate on) {
    var event =
        new AccountEvent.CollectionScheduled(
            invoice, on, Instant.parse("2026-12-07T08:00:00Z"), Origin.BILL_CYCLE);
    return handler.process(
        List.of(EventEnvelope.create(Offset.noOffset(), "Account|" + account, 5, event, 0L)));
  }

  @Test
  void rowsAreAskedEachRoundUntilDoneAndANewDriverResumes() throws Exception {
    ActorSystem<Void> first = node();
    CollectionStore store = new CollectionStore(first, KEYSPACE);
    var handler = new CollectionProjection.ScheduledHandler(store, clock);
    Instant at = clock.instant();
    CompletableFuture.allOf(
            store
                .schedule(new DueRow(D0.minusDays(3), "acc-1", "INV-1"), D0.minusDays(3), at)
                .toCompletableFuture(),
            store
                .schedule(new DueRow(D0.minusDays(2), "acc-2", "INV-2"), D0.minusDays(2), at)
                .toCompletableFuture(),
            store
                .schedule(new DueRow(D0.minusDays(1), "acc-3", "INV-3"), D0.minusDays(1), at)
                .toCompletableFuture(),
            store.schedule(new DueRow(D0, "acc-4", "INV-4"), D0, at).toCompletableFuture(),
            store.schedule(new DueRow(D0, "acc-7", "INV-7"), D0, at).toCompletableFuture(),
            // through the projection: a future date, replayed; a date long past, due today
            project(handler, "acc-5", "INV-5", D0.plusDays(1)).toCompletableFuture(),
            project(handler, "acc-5", "INV-5", D0.plusDays(1)).toCompletableFuture(),
            project(handler, "acc-6", "INV-6", D0.minusDays(40)).toCompletableFuture())
        .get(30, TimeUnit.SECONDS);
    assertEquals(
        Set.of(
            "acc-1/INV-1@" + D0.minusDays(3),
            "acc-2/INV-2@" + D0.minusDays(2),
            "acc-3/INV-3@" + D0.minusDays(1),
            "acc-4/INV-4@" + D0,
            "acc-6/INV-6@" + D0,
            "acc-7/INV-7@" + D0,
            "acc-5/INV-5@" + D0.plusDays(1)),
        rows(first, store, days(D0.minusDays(45), D0.plusDays(5))));

    answers.put("INV-1", new CollectionStatus.Collected("PAY-00000000000000a1-acc-1"));
    answers.put("INV-2", new CollectionStatus.Pending("PAY-00000000000000a2-acc-2", D0));
    answers.put("INV-3", new CollectionStatus.Failed("insufficient_funds", D0.plusDays(3)));
    // INV-4: no answer (the ask times out)
    answers.put("INV-6", new CollectionStatus.NothingToCollect("settled"));
    answers.put("INV-7", new CollectionStatus.DirectDebitScheduled(instruction()));

    // day 0, first node: the first round looks back 35 days
    ActorRef<RoundDriver.Command> driver = startDriver(first, store);
    RoundReport firstRound = oneRound(first, driver);
    assertEquals(D0.minusDays(35), firstRound.from(), firstRound.toString());
    assertEquals(
        Set.of(
            ask("acc-1", "INV-1", D0),
            ask("acc-2", "INV-2", D0),
            ask("acc-3", "INV-3", D0),
            ask("acc-4", "INV-4", D0),
            ask("acc-6", "INV-6", D0),
            ask("acc-7", "INV-7", D0)),
        askedSet());
    assertEquals(
        Set.of(
            "acc-2/INV-2@" + D0.minusDays(2),
            "acc-4/INV-4@" + D0,
            "acc-5/INV-5@" + D0.plusDays(1),
            "acc-3/INV-3@" + D0.plusDays(3)),
        rows(first, store, days(D0.minusDays(45), D0.plusDays(5))));
    assertEquals(List.of(instruction()), List.copyOf(directDebits));
    assertEquals(Optional.of(D0.minusDays(2)), store.watermark().toCompletableFuture().join());
    assertTrue(afterRounds.contains(D0));

    // another round the same day asks the pending and the unanswered rows again, once each
    RoundReport again = oneRound(first, driver);
    assertEquals(Set.of(ask("acc-2", "INV-2", D0), ask("acc-4", "INV-4", D0)), askedSet());
    assertEquals(1, again.askFailures(), again.toString());
    assertEquals(1, again.outcome("pending"), again.toString());
    assertEquals(D0.minusDays(2), again.from());

    // the node dies; the driver starts on another one, a day later
    terminate(first);
    clock.setDay(D0.plusDays(1));
    ActorSystem<Void> second = node();
    store = new CollectionStore(second, KEYSPACE);
    answers.put("INV-2", new CollectionStatus.Collected("PAY-00000000000000a2-acc-2"));
    answers.put("INV-4", new CollectionStatus.NothingToCollect("manual"));
    answers.put(
        "INV-5", new CollectionStatus.Pending("PAY-00000000000000a5-acc-5", D0.plusDays(2)));
    ActorRef<RoundDriver.Command> resumed = startDriver(second, store);

    RoundReport day1 = oneRound(second, resumed);
    // it starts at the stored watermark, not 35 days back
    assertEquals(D0.minusDays(2), day1.from(), day1.toString());
    assertEquals(
        Set.of(
            ask("acc-2", "INV-2", D0.plusDays(1)),
            ask("acc-4", "INV-4", D0.plusDays(1)),
            ask("acc-5", "INV-5", D0.plusDays(1))),
        askedSet());
    assertEquals(
        Set.of("acc-5/INV-5@" + D0.plusDays(2), "acc-3/INV-3@" + D0.plusDays(3)),
        rows(second, store, days(D0.minusDays(45), D0.plusDays(5))));
    assertEquals(Optional.of(D0), store.watermark().toCompletableFuture().join());

    // day 2: the pending row comes back; the declined one waits for its retry date
    clock.setDay(D0.plusDays(2));
    answers.put("INV-5", new CollectionStatus.Collected("PAY-00000000000000a5-acc-5"));
    RoundReport day2 = oneRound(second, resumed);
    assertEquals(Set.of(ask("acc-5", "INV-5", D0.plusDays(2))), askedSet());
    assertEquals(1, day2.outcome("collected"), day2.toString());

    // day 3: the retry
    clock.setDay(D0.plusDays(3));
    answers.put("INV-3", new CollectionStatus.Collected("PAY-00000000000000b3-acc-3"));
    RoundReport day3 = oneRound(second, resumed);
    assertEquals(Set.of(ask("acc-3", "INV-3", D0.plusDays(3))), askedSet());
    assertEquals(D0.plusDays(1), day3.from());
    assertEquals(Set.of(), rows(second, store, days(D0.minusDays(45), D0.plusDays(10))));
    assertEquals(Optional.of(D0.plusDays(2)), store.watermark().toCompletableFuture().join());
    assertTrue(afterRounds.contains(D0.plusDays(3)));
    assertEquals(1, directDebits.size());
  }
}
