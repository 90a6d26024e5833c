package com.telco.billing.node.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.notification.NotificationStore.QueueRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery worker over an in-memory queue: what it tries, how many at once, and how far its
 * watermark moves.
 */
class DeliveryWorkerTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final Instant AT = Instant.parse("2026-12-07T08:00:30Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static final NotificationSettings SETTINGS =
      new NotificationSettings(
          Duration.ofMillis(20),
          4,
          2,
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          List.of(Duration.ofSeconds(1)),
          Duration.ofMinutes(2),
          Duration.ofHours(1),
          100,
          50,
          500);

  /** The queue's rows, by minute, time and id, and the watermarks saved. */
  static final class InMemoryQueue implements DeliveryQueue {
    final ConcurrentSkipListSet<QueueRow> rows =
        new ConcurrentSkipListSet<>(
            Comparator.comparingLong(QueueRow::minute)
                .thenComparing(QueueRow::dueAt)
                .thenComparing(QueueRow::deliveryId));
    final List<Long> saved = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Optional<Long>> watermark() {
      return CompletableFuture.completedFuture(
          saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1)));
    }

    @Override
    public CompletionStage<Done> saveWatermark(long minute, Instant at) {
      saved.add(minute);
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public Source<QueueRow, NotUsed> queue(long from, long to) {
      List<QueueRow> in = new ArrayList<>();
      for (QueueRow row : rows) {
        if (row.minute() >= from && row.minute() <= to) {
          in.add(row);
        }
      }
      return Source.from(in);
    }

    QueueRow add(String deliveryId, String subscriptionId, Instant dueAt) {
      QueueRow row =
          new QueueRow(NotificationStore.minuteOf(dueAt), dueAt, deliveryId, subscriptionId);
      rows.add(row);
      return row;
    }
  }

  /**
   * Tries that complete when the test says so ({@code slow}) or at once, each removing its row as
   * the real tries do once recorded.
   */
  static final class Tries {
    final InMemoryQueue queue;
    final List<String> started = new CopyOnWriteArrayList<>();
    final ConcurrentHashMap<String, CompletableFuture<Done>> waiting = new ConcurrentHashMap<>();

    Tries(InMemoryQueue queue) {
      this.queue = queue;
    }

    CompletionStage<Done> attempt(QueueRow row) {
      started.add(row.deliveryId());
      if (row.subscriptionId().equals("slow")) {
        CompletableFuture<Done> answer = new CompletableFuture<>();
        waiting.put(row.deliveryId(), answer);
        return answer.thenApply(
            done -> {
              queue.rows.remove(row);
              return done;
            });
      }
      queue.rows.remove(row);
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    long startedOf(String prefix) {
      return started.stream().filter(id -> id.startsWith(prefix)).count();
    }
  }

  private ActorRef<DeliveryWorker.Command> worker;

  private ActorRef<DeliveryWorker.Command> start(InMemoryQueue queue, Tries tries) {
    worker =
        testKit.spawn(
            DeliveryWorker.create(
                queue, tries::attempt, SETTINGS, Clock.fixed(AT, ZoneOffset.UTC)));
    return worker;
  }

  @AfterEach
  void stopWorker() {
    if (worker != null) {
      testKit.stop(worker);
    }
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aSlowSubscriberHoldsItsOwnShareOnlyAndTheOthersAreDelivered() {
    InMemoryQueue queue = new InMemoryQueue();
    Tries tries = new Tries(queue);
    // the slow subscriber's rows come first in the queue
    for (int i = 0; i < 6; i++) {
      queue.add("slow-" + i, "slow", AT.minusSeconds(20 - i));
    }
    for (int i = 0; i < 3; i++) {
      queue.add("fast-" + i, "fast", AT.minusSeconds(5 - i));
    }
    start(queue, tries);

    await(() -> tries.startedOf("fast-") == 3, "the fast subscriber's tries");
    await(() -> tries.startedOf("slow-") == 2, "two tries of the slow subscriber");
    pause(Duration.ofMillis(300));
    assertEquals(2, tries.startedOf("slow-"), "no more than its share while they hang");
    assertEquals(3, tries.startedOf("fast-"), "each row is tried once");

    tries.waiting.values().forEach(answer -> answer.complete(Done.getInstance()));
    await(() -> tries.startedOf("slow-") == 4, "the next two once the first answered");
  }

  @Test
  void aRowNotYetDueIsLeftForLater() {
    InMemoryQueue queue = new InMemoryQueue();
    Tries tries = new Tries(queue);
    queue.add("later", "fast", AT.plusSeconds(1));
    queue.add("now", "fast", AT);
    start(queue, tries);

    await(() -> tries.started.contains("now"), "the due row");
    pause(Duration.ofMillis(200));
    assertFalse(tries.started.contains("later"));
  }

  @Test
  void theWatermarkStopsAtTheOldestRowStillQueuedAndSettleBeforeNow() {
    InMemoryQueue queue = new InMemoryQueue();
    Tries tries = new Tries(queue);
    QueueRow old = queue.add("slow-old", "slow", AT.minus(Duration.ofMinutes(30)));
    start(queue, tries);

    await(() -> tries.started.contains("slow-old"), "the old row");
    await(() -> !queue.saved.isEmpty(), "a saved watermark");
    assertEquals(old.minute(), queue.saved.get(queue.saved.size() - 1), "held by the old row");

    tries.waiting.get("slow-old").complete(Done.getInstance());
    long settled = NotificationStore.minuteOf(AT.minus(SETTINGS.settle()));
    await(
        () -> queue.saved.get(queue.saved.size() - 1) == settled,
        "the watermark at settle before now");
    assertTrue(queue.saved.stream().allMatch(m -> m <= settled));
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      pause(Duration.ofMillis(10));
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
