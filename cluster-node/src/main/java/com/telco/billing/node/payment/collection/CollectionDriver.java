package com.telco.billing.node.payment.collection;

import com.telco.billing.node.metrics.CollectionMetrics;
import com.telco.billing.node.metrics.CollectionMetrics.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.stream.Materializer;

/**
 * The collection driver, a cluster singleton: a {@link CollectionRound} {@code interval} after it
 * started and then {@code interval} after the end of each round, one at a time, each followed by
 * the {@link AfterRound} hook (a driver moving between nodes does not start rounds in a burst). It
 * keeps nothing but whether a round is in flight: the due rows and the watermark are in Cassandra,
 * so the driver started on another node after this one died resumes where the last ended round left
 * off (the rows of a round cut short are asked again; the account answers a repeated {@code
 * CollectDue} from its own state).
 */
public final class CollectionDriver extends AbstractBehavior<CollectionDriver.Command> {

  /** The driver's messages. */
  public interface Command {}

  /**
   * Runs a round now, or right after the one in flight, and answers its report (an error if the
   * round failed).
   */
  public record RunRound(ActorRef<StatusReply<RoundReport>> replyTo) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  private record RoundEnded(LocalDate today, RoundReport report, Throwable failure)
      implements Command {}

  private record HookDone(StatusReply<RoundReport> result) implements Command {}

  private final TimerScheduler<Command> timers;
  private final CollectionRound round;
  private final AfterRound afterRound;
  private final Clock clock;
  private final Duration interval;
  private final CollectionMetrics metrics;

  /** Streams that stop with this actor. */
  private final Materializer materializer;

  private boolean busy;
  private List<ActorRef<StatusReply<RoundReport>>> waiting = new ArrayList<>();
  private List<ActorRef<StatusReply<RoundReport>>> waitingForNext = new ArrayList<>();

  private CollectionDriver(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      CollectionRound round,
      AfterRound afterRound,
      Clock clock,
      Duration interval,
      CollectionMetrics metrics) {
    super(context);
    this.timers = timers;
    this.round = round;
    this.afterRound = afterRound;
    this.clock = clock;
    this.interval = interval;
    this.metrics = metrics;
    this.materializer = Materializer.createMaterializer(context);
  }

  /**
   * The driver's behavior, restarted (with a back-off) should it ever fail.
   *
   * @param interval the wait between the end of a round and the start of the next
   */
  public static Behavior<Command> create(
      CollectionRound round,
      AfterRound afterRound,
      Clock clock,
      Duration interval,
      CollectionMetrics metrics) {
    Behavior<Command> driver =
        Behaviors.setup(
            context ->
                Behaviors.withTimers(
                    timers -> {
                      timers.startSingleTimer(Tick.INSTANCE, interval);
                      return new CollectionDriver(
                          context, timers, round, afterRound, clock, interval, metrics);
                    }));
    return Behaviors.supervise(driver)
        .onFailure(
            SupervisorStrategy.restartWithBackoff(
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onMessage(RunRound.class, this::onRunRound)
        .onMessage(RoundEnded.class, this::onRoundEnded)
        .onMessage(HookDone.class, this::onHookDone)
        .onSignal(PostStop.class, signal -> onStop())
        .build();
  }

  private Behavior<Command> onTick() {
    if (!busy) {
      start();
    }
    return this;
  }

  private Behavior<Command> onRunRound(RunRound cmd) {
    if (busy) {
      waitingForNext.add(cmd.replyTo());
    } else {
      waiting.add(cmd.replyTo());
      start();
    }
    return this;
  }

  private void start() {
    busy = true;
    timers.cancel(Tick.INSTANCE);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    CompletionStage<RoundReport> report;
    try {
      report = round.run(today, materializer);
    } catch (RuntimeException e) {
      report = CompletableFuture.failedFuture(e);
    }
    getContext().pipeToSelf(report, (done, failure) -> new RoundEnded(today, done, failure));
  }

  private Behavior<Command> onRoundEnded(RoundEnded ended) {
    StatusReply<RoundReport> result;
    if (ended.failure() == null) {
      RoundReport report = ended.report();
      metrics.roundEnded(report.rowsLeft());
      if (report.askFailures() + report.otherFailures() > 0) {
        getContext().getLog().warn("collection {}", report);
      } else if (report.rowsRead() > 0) {
        getContext().getLog().info("collection {}", report);
      } else {
        getContext().getLog().debug("collection {}", report);
      }
      result = StatusReply.success(report);
    } else {
      metrics.failed(Stage.ROUND);
      String why = CollectionRound.describe(ended.failure());
      getContext()
          .getLog()
          .warn("collection round of {} failed, the next one starts over: {}", ended.today(), why);
      result = StatusReply.error("collection round failed: " + why);
    }
    CompletionStage<Done> hook;
    try {
      hook = afterRound.run(ended.today());
    } catch (RuntimeException e) {
      hook = CompletableFuture.failedFuture(e);
    }
    LocalDate today = ended.today();
    getContext().pipeToSelf(hook, (done, failure) -> afterHook(today, result, failure));
    return this;
  }

  private HookDone afterHook(LocalDate today, StatusReply<RoundReport> result, Throwable failure) {
    if (failure != null) {
      metrics.failed(Stage.AFTER_ROUND);
      getContext()
          .getLog()
          .warn("the after-round step of {} failed: {}", today, CollectionRound.describe(failure));
    }
    return new HookDone(result);
  }

  private Behavior<Command> onHookDone(HookDone done) {
    busy = false;
    waiting.forEach(replyTo -> replyTo.tell(done.result()));
    waiting = waitingForNext;
    waitingForNext = new ArrayList<>();
    if (waiting.isEmpty()) {
      timers.startSingleTimer(Tick.INSTANCE, interval);
    } else {
      start();
    }
    return this;
  }

  private Behavior<Command> onStop() {
    metrics.driverStopped();
    return this;
  }
}
