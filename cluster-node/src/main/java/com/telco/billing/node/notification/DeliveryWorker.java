package com.telco.billing.node.notification;

import com.telco.billing.node.notification.NotificationStore.QueueRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The delivery worker, a cluster singleton (docs/notifications.md, "Delivery"): every poll interval
 * it reads the queue from its watermark to the current minute and starts the tries that are due, at
 * most {@code parallelism} in flight and at most {@code perSubscriberParallelism} to one
 * subscription, so a slow or dead subscriber holds its own share only; tries run on while the next
 * scans start others. It keeps nothing but what is in flight: the queue, the deliveries and the
 * watermark are in Cassandra, so the worker started on another node resumes from them.
 *
 * <p>The watermark is the oldest minute whose partition still had rows, but never later than {@code
 * settle} before now: a delivery written a little late (its queue row's minute already passed) is
 * still read.
 */
public final class DeliveryWorker extends AbstractBehavior<DeliveryWorker.Command> {

  /** The worker's messages. */
  public interface Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  private record WatermarkLoaded(Optional<Long> minute, Throwable failure) implements Command {}

  private record Scanned(Instant now, List<QueueRow> rows, Throwable failure) implements Command {}

  private record Tried(QueueRow row, Throwable failure) implements Command {}

  private final DeliveryQueue store;
  private final Function<QueueRow, CompletionStage<Done>> attempts;
  private final NotificationSettings settings;
  private final Clock clock;
  private final Materializer materializer;

  private Long watermark;
  private boolean scanning;
  private final Set<String> inFlight = new HashSet<>();
  private final Map<String, Integer> perSubscription = new HashMap<>();

  private DeliveryWorker(
      ActorContext<Command> context,
      DeliveryQueue store,
      Function<QueueRow, CompletionStage<Done>> attempts,
      NotificationSettings settings,
      Clock clock) {
    super(context);
    this.store = store;
    this.attempts = attempts;
    this.settings = settings;
    this.clock = clock;
    this.materializer = Materializer.createMaterializer(context);
  }

  /**
   * The worker's behavior, restarted (with a back-off) should it ever fail.
   *
   * @param attempts makes one try of a queue row and records it ({@link DeliveryAttempts#attempt})
   */
  public static Behavior<Command> create(
      DeliveryQueue store,
      Function<QueueRow, CompletionStage<Done>> attempts,
      NotificationSettings settings,
      Clock clock) {
    Behavior<Command> worker =
        Behaviors.setup(
            context ->
                Behaviors.withTimers(
                    timers -> {
                      timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.pollInterval());
                      DeliveryWorker w =
                          new DeliveryWorker(context, store, attempts, settings, clock);
                      w.loadWatermark();
                      return w;
                    }));
    return Behaviors.supervise(worker)
        .onFailure(
            SupervisorStrategy.restartWithBackoff(
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessage(WatermarkLoaded.class, this::onWatermarkLoaded)
        .onMessage(Scanned.class, this::onScanned)
        .onMessage(Tried.class, this::onTried)
        .build();
  }

  private void loadWatermark() {
    scanning = true;
    getContext()
        .pipeToSelf(store.watermark(), (minute, failure) -> new WatermarkLoaded(minute, failure));
  }

  private Behavior<Command> onWatermarkLoaded(WatermarkLoaded loaded) {
    scanning = false;
    if (loaded.failure() != null) {
      getContext()
          .getLog()
          .warn("reading the notification watermark failed: {}", loaded.failure().toString());
      return this; // the next tick tries again
    }
    watermark =
        loaded
            .minute()
            .orElse(
                NotificationStore.minuteOf(clock.instant().minus(settings.firstScanLookback())));
    return this;
  }

  private Behavior<Command> onTick() {
    if (scanning) {
      return this;
    }
    if (watermark == null) {
      loadWatermark();
      return this;
    }
    if (inFlight.size() >= settings.parallelism()) {
      return this;
    }
    scanning = true;
    Instant now = clock.instant();
    CompletionStage<List<QueueRow>> rows =
        store
            .queue(watermark, NotificationStore.minuteOf(now))
            .take(settings.scanLimit())
            .runWith(Sink.seq(), materializer);
    getContext().pipeToSelf(rows, (read, failure) -> new Scanned(now, read, failure));
    return this;
  }

  private Behavior<Command> onScanned(Scanned scanned) {
    scanning = false;
    if (scanned.failure() != null) {
      getContext()
          .getLog()
          .warn("reading the notification queue failed: {}", scanned.failure().toString());
      return this;
    }
    Instant now = scanned.now();
    for (QueueRow row : scanned.rows()) {
      if (inFlight.size() >= settings.parallelism()) {
        break;
      }
      if (row.dueAt().isAfter(now) || inFlight.contains(row.deliveryId())) {
        continue;
      }
      int running = perSubscription.getOrDefault(row.subscriptionId(), 0);
      if (running >= settings.perSubscriberParallelism()) {
        continue;
      }
      inFlight.add(row.deliveryId());
      perSubscription.put(row.subscriptionId(), running + 1);
      getContext().pipeToSelf(tryOnce(row), (done, failure) -> new Tried(row, failure));
    }
    long oldest =
        scanned.rows().isEmpty() ? NotificationStore.minuteOf(now) : scanned.rows().get(0).minute();
    long next = Math.min(oldest, NotificationStore.minuteOf(now.minus(settings.settle())));
    if (next > watermark) {
      watermark = next;
      var log = getContext().getSystem().log();
      store
          .saveWatermark(next, now)
          .whenComplete(
              (done, failure) -> {
                if (failure != null) {
                  log.warn("saving the notification watermark failed: {}", failure.toString());
                }
              });
    }
    return this;
  }

  private CompletionStage<Done> tryOnce(QueueRow row) {
    try {
      return attempts.apply(row);
    } catch (RuntimeException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  private Behavior<Command> onTried(Tried tried) {
    QueueRow row = tried.row();
    inFlight.remove(row.deliveryId());
    perSubscription.computeIfPresent(row.subscriptionId(), (id, n) -> n <= 1 ? null : n - 1);
    if (tried.failure() != null) {
      // the row stays queued: the next scan tries it again
      getContext()
          .getLog()
          .warn(
              "recording the delivery {} failed: {}", row.deliveryId(), tried.failure().toString());
    }
    return this;
  }
}
