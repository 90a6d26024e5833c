package com.telco.billing.node.usage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.usage.AsyncLimiter;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Rates the batches of one intake partition, in batch id order, with at-least-once delivery: it
 * reads up to {@code batches-in-flight} batches older than the settle delay, rates them together
 * ({@link UsageService#rateReceived}), writes each batch's outcomes, and only then stores its
 * offset. After a crash the batches after the stored offset are read again: one whose outcomes were
 * stored (or that was parked) is skipped, the others are rated again, and the account entities
 * answer {@code DUPLICATE} for every record they accepted the first time, so nothing is charged
 * twice.
 *
 * <p>A batch whose records keep failing is parked after a bounded number of attempts ({@link
 * BatchRating}) and the offset moves past it: no batch can hold up the ones behind it. Before each
 * step a reader rates the parked batches of its partition an operator asked to redrive.
 *
 * <p>One reader per partition, spread over the cluster as a sharded daemon process ({@link #init}).
 */
public final class IntakeReader {
  /** Name of the sharded daemon process. */
  public static final String NAME = "usage-intake";

  private static final org.slf4j.Logger LOGGER =
      org.slf4j.LoggerFactory.getLogger(IntakeReader.class);

  private IntakeReader() {}

  /**
   * How a reader rates records: {@link UsageService#rateReceived} in a node; a test may put a
   * failing call in front of it.
   */
  @FunctionalInterface
  public interface Rating {
    /** See {@link UsageService#rateReceived}. */
    CompletionStage<UsageService.ReceivedRating> rate(
        List<JsonNode> elements,
        Instant receivedAt,
        AsyncLimiter calls,
        boolean oneByOne,
        Origin origin);
  }

  /** Messages of a reader (to itself). */
  public sealed interface Command {}

  private record Started(IntakeLog.Offset offset) implements Command {}

  private enum Next implements Command {
    STEP
  }

  private record Stepped(IntakeLog.Offset offset, boolean idle) implements Command {}

  private record Failed(Throwable failure) implements Command {}

  /** Starts (or joins) the readers when {@code billing.usage.intake.rating} is on. */
  public static void init(
      ActorSystem<?> system,
      IntakeLog log,
      UsageService usage,
      IntakeSettings settings,
      IntSupplier receiving,
      Clock clock) {
    init(system, log, usage::rateReceived, settings, receiving, clock);
  }

  /** Starts (or joins) the readers, rating through {@code rating}. */
  public static void init(
      ActorSystem<?> system,
      IntakeLog log,
      Rating rating,
      IntakeSettings settings,
      IntSupplier receiving,
      Clock clock) {
    if (!settings.rating()) {
      system.log().info("usage intake: rating is off on this node, batches are only received");
      return;
    }
    AsyncLimiter calls = ratingCalls(settings, receiving);
    ShardingInit.initDaemonProcess(
        system,
        Command.class,
        NAME,
        settings.partitions(),
        partition -> create(partition, log, rating, settings, receiving, calls, clock),
        Optional.empty());
  }

  /**
   * The bound the readers of one node share: {@code rating-calls-while-receiving} while the node
   * receives a batch, else {@code rating-calls-in-flight}.
   */
  static AsyncLimiter ratingCalls(IntakeSettings settings, IntSupplier receiving) {
    return new AsyncLimiter(
        () ->
            receiving.getAsInt() > 0
                ? settings.ratingCallsWhileReceiving()
                : settings.ratingCalls());
  }

  static Behavior<Command> create(
      int partition,
      IntakeLog log,
      Rating rating,
      IntakeSettings settings,
      IntSupplier receiving,
      AsyncLimiter calls,
      Clock clock) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers ->
                    new Reader(
                            partition, log, rating, settings, receiving, calls, clock, context,
                            timers)
                        .start()));
  }

  private static final class Reader {
    private final int partition;
    private final IntakeLog log;
    private final BatchRating batches;
    private final IntakeSettings settings;
    private final IntSupplier receiving;
    private final AsyncLimiter calls;
    private final Clock clock;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private IntakeLog.Offset offset;
    private Duration backoff;
    private long yieldingSinceNanos = -1;

    Reader(
        int partition,
        IntakeLog log,
        Rating rating,
        IntakeSettings settings,
        IntSupplier receiving,
        AsyncLimiter calls,
        Clock clock,
        ActorContext<Command> context,
        TimerScheduler<Command> timers) {
      this.partition = partition;
      this.log = log;
      this.batches = new BatchRating(log, rating, settings, calls, clock);
      this.settings = settings;
      this.receiving = receiving;
      this.calls = calls;
      this.clock = clock;
      this.context = context;
      this.timers = timers;
      this.backoff = settings.retryBackoff();
    }

    Behavior<Command> start() {
      context.pipeToSelf(
          log.offset(partition),
          (stored, failure) ->
              failure != null
                  ? new Failed(failure)
                  : new Started(
                      stored.orElseGet(
                          () ->
                              new IntakeLog.Offset(
                                  Math.floorDiv(
                                      clock.millis() - settings.firstScanLookback().toMillis(),
                                      3_600_000L),
                                  null))));
      return Behaviors.receive(Command.class)
          .onMessage(Started.class, this::onStarted)
          .onMessage(Failed.class, this::onFailedToStart)
          .build();
    }

    private Behavior<Command> onStarted(Started started) {
      offset = started.offset();
      context.getLog().debug("intake partition {} starts at {}", partition, offset);
      context.getSelf().tell(Next.STEP);
      return running();
    }

    private Behavior<Command> onFailedToStart(Failed failed) {
      context
          .getLog()
          .warn(
              "intake partition {}: reading the offset failed, retrying",
              partition,
              failed.failure());
      timers.startSingleTimer(Next.STEP, settings.retryBackoff());
      return Behaviors.receive(Command.class)
          .onMessageEquals(Next.STEP, this::start)
          .onMessage(Started.class, this::onStarted)
          .onMessage(Failed.class, this::onFailedToStart)
          .build();
    }

    private Behavior<Command> running() {
      return Behaviors.receive(Command.class)
          .onMessageEquals(Next.STEP, this::step)
          .onMessage(Stepped.class, this::onStepped)
          .onMessage(Failed.class, this::onFailed)
          .build();
    }

    private Behavior<Command> step() {
      if (shouldYield()) {
        timers.startSingleTimer(Next.STEP, settings.pollInterval());
        return Behaviors.same();
      }
      context.pipeToSelf(
          stepOnce(offset), (result, failure) -> failure != null ? new Failed(failure) : result);
      return Behaviors.same();
    }

    /**
     * Whether to leave the cores to the intake for now: while this node receives at least {@code
     * yield-at} batches, for at most {@code max-yield} in a row.
     */
    private boolean shouldYield() {
      if (settings.yieldAt() <= 0 || receiving.getAsInt() < settings.yieldAt()) {
        yieldingSinceNanos = -1;
        return false;
      }
      long now = System.nanoTime();
      if (yieldingSinceNanos < 0) {
        yieldingSinceNanos = now;
        return true;
      }
      if (now - yieldingSinceNanos < settings.maxYield().toNanos()) {
        return true;
      }
      yieldingSinceNanos = -1;
      return false;
    }

    private Behavior<Command> onStepped(Stepped stepped) {
      offset = stepped.offset();
      backoff = settings.retryBackoff();
      if (stepped.idle()) {
        timers.startSingleTimer(Next.STEP, settings.pollInterval());
      } else {
        context.getSelf().tell(Next.STEP);
      }
      return Behaviors.same();
    }

    private Behavior<Command> onFailed(Failed failed) {
      context
          .getLog()
          .warn(
              "intake partition {}: rating from {} failed, trying again in {}: {}",
              partition,
              offset,
              backoff,
              failed.failure() instanceof CompletionException && failed.failure().getCause() != null
                  ? failed.failure().getCause().toString()
                  : failed.failure().toString());
      timers.startSingleTimer(Next.STEP, backoff);
      backoff =
          backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
              ? Duration.ofSeconds(30)
              : backoff.multipliedBy(2);
      return Behaviors.same();
    }

    /**
     * One step: the batches of the partition waiting for a redrive, if there are any; else the next
     * page of settled batches of the current hour bucket, rated (or parked) and their offset
     * stored; or, with none left in a bucket that is over and settled, the next bucket.
     */
    private CompletionStage<Stepped> stepOnce(IntakeLog.Offset from) {
      return log.redrives(partition, settings.batchesInFlight())
          .thenCompose(
              redrives -> {
                if (redrives.isEmpty()) {
                  return scan(from);
                }
                CompletableFuture<?>[] redriven =
                    redrives.stream()
                        .map(r -> redrive(r).toCompletableFuture())
                        .toArray(CompletableFuture[]::new);
                return CompletableFuture.allOf(redriven)
                    .thenApply(done -> new Stepped(from, false));
              });
    }

    private CompletionStage<Stepped> scan(IntakeLog.Offset from) {
      long settled = clock.millis() - settings.settleDelay().toMillis();
      long bucketStart = IntakeLog.hourStartMillis(from.hour());
      long bucketEnd = IntakeLog.hourStartMillis(from.hour() + 1);
      if (settled < bucketStart) {
        return CompletableFuture.completedFuture(new Stepped(from, true));
      }
      long until = Math.min(settled, bucketEnd - 1);
      return log.page(partition, from.hour(), from.after(), until, settings.batchesInFlight())
          .thenCompose(
              batches -> {
                if (batches.isEmpty()) {
                  if (bucketEnd <= settled) {
                    IntakeLog.Offset next = new IntakeLog.Offset(from.hour() + 1, null);
                    return log.storeOffset(partition, next, clock.instant())
                        .thenApply(done -> new Stepped(next, false));
                  }
                  return CompletableFuture.completedFuture(new Stepped(from, true));
                }
                CompletableFuture<?>[] rated =
                    batches.stream()
                        .map(b -> rate(b).toCompletableFuture())
                        .toArray(CompletableFuture[]::new);
                UUID last = batches.get(batches.size() - 1).batchId();
                IntakeLog.Offset next = new IntakeLog.Offset(from.hour(), last);
                return CompletableFuture.allOf(rated)
                    .thenCompose(done -> log.storeOffset(partition, next, clock.instant()))
                    .thenApply(done -> new Stepped(next, false));
              });
    }

    /**
     * Rates one batch unless its outcomes are stored already or it was parked (a reader that parked
     * it may have stopped before storing its offset), then stores how it ended.
     */
    private CompletionStage<?> rate(IntakeLog.Batch batch) {
      CompletableFuture<Boolean> rated = log.isRated(batch.batchId()).toCompletableFuture();
      CompletableFuture<Optional<IntakeLog.Parked>> parked =
          log.parked(batch.batchId()).toCompletableFuture();
      return rated
          .thenCombine(parked, (r, p) -> r || p.isPresent())
          .thenCompose(
              done ->
                  done
                      ? CompletableFuture.completedFuture(BatchRating.Ending.RATED)
                      : batches.rate(batch, null));
    }

    /**
     * Rates a parked batch an operator asked to redrive: the records that have no outcome yet, with
     * the same bounded attempts. Rated, it leaves the parked batches; failing again, it is parked
     * again. The request is removed last, so a reader that stops halfway does it again.
     */
    private CompletionStage<Done> redrive(IntakeLog.Redrive request) {
      UUID batchId = request.batchId();
      CompletableFuture<Boolean> rated = log.isRated(batchId).toCompletableFuture();
      CompletableFuture<Optional<IntakeLog.Parked>> parked =
          log.parked(batchId).toCompletableFuture();
      CompletableFuture<Optional<IntakeLog.Batch>> batch = log.batch(batchId).toCompletableFuture();
      return CompletableFuture.allOf(rated, parked, batch)
          .thenCompose(
              all -> {
                if (rated.join() || batch.join().isEmpty()) {
                  return log.unpark(batchId);
                }
                List<UsageOutcome> known =
                    parked
                        .join()
                        .map(p -> IntakeService.parse(p.outcomes(), IntakeService.OUTCOMES))
                        .orElse(null);
                // not context.getLog(): this runs in a future's callback, outside the actor
                LOGGER.info("intake partition {}: redriving batch {}", partition, batchId);
                return batches
                    .rate(batch.join().get().ratedFor(request.origin()), known)
                    .thenCompose(
                        ending ->
                            ending == BatchRating.Ending.RATED
                                ? log.unpark(batchId)
                                : CompletableFuture.completedFuture(Done.getInstance()));
              })
          .thenCompose(done -> log.redriven(request));
    }
  }
}
