package com.telco.billing.node.rounds;

import com.telco.billing.node.util.Failures;
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
 * A driver over dated due rows, run as a cluster singleton (the collection driver, the dunning
 * driver): a {@link Round} {@code interval} after it started and then {@code interval} after the
 * end of each round, one at a time, each followed by the {@link AfterRound} hook (a driver moving
 * between nodes does not start rounds in a burst). It keeps nothing but whether a round is in
 * flight: the due rows and the watermark are in Cassandra, so the driver started on another node
 * after this one died resumes where the last ended round left off (the rows of a round cut short
 * are asked again; the accounts answer a repeated ask from their own state).
 */
public final class RoundDriver extends AbstractBehavior<RoundDriver.Command> {

  /** The driver's messages. */
  public interface Command {}

  /**
   * Runs a round now, or right after the one in flight, and answers its report (an error if the
   * round failed).
   */
  public record RunRound(ActorRef<StatusReply<RoundReport>> replyTo) implements Command {}

  /** One round of the driver on {@code today} (UTC). */
  public interface Round {
    /**
     * Runs the round on {@code materializer}: the driver's own, so that the round stops with it
     * (the rows it had not asked yet are asked by the next driver).
     */
    CompletionStage<RoundReport> run(LocalDate today, Materializer materializer);
  }

  private enum Tick implements Command {
    INSTANCE
  }

  private record RoundEnded(LocalDate today, RoundReport report, Throwable failure)
      implements Command {}

  private record HookDone(StatusReply<RoundReport> result) implements Command {}

  private final String name;
  private final TimerScheduler<Command> timers;
  private final Round round;
  private final AfterRound afterRound;
  private final Clock clock;
  private final Duration interval;
  private final RoundMetrics metrics;

  /** Streams that stop with this actor. */
  private final Materializer materializer;

  private boolean busy;
  private List<ActorRef<StatusReply<RoundReport>>> waiting = new ArrayList<>();
  private List<ActorRef<StatusReply<RoundReport>>> waitingForNext = new ArrayList<>();

  private RoundDriver(
      String name,
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      Round round,
      AfterRound afterRound,
      Clock clock,
      Duration interval,
      RoundMetrics metrics) {
    super(context);
    this.name = name;
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
   * @param name what its log lines call it ({@code collection}, {@code dunning})
   * @param interval the wait between the end of a round and the start of the next
   */
  public static Behavior<Command> create(
      String name,
      Round round,
      AfterRound afterRound,
      Clock clock,
      Duration interval,
      RoundMetrics metrics) {
    Behavior<Command> driver =
        Behaviors.setup(
            context ->
                Behaviors.withTimers(
                    timers -> {
                      timers.startSingleTimer(Tick.INSTANCE, interval);
                      return new RoundDriver(
                          name, context, timers, round, afterRound, clock, interval, metrics);
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
        getContext().getLog().warn("{} {}", name, report);
      } else if (report.rowsRead() > 0) {
        getContext().getLog().info("{} {}", name, report);
      } else {
        getContext().getLog().debug("{} {}", name, report);
      }
      result = StatusReply.success(report);
    } else {
      metrics.roundFailed();
      String why = describe(ended.failure());
      getContext()
          .getLog()
          .warn("{} round of {} failed, the next one starts over: {}", name, ended.today(), why);
      result = StatusReply.error(name + " round failed: " + why);
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
      metrics.afterRoundFailed();
      getContext()
          .getLog()
          .warn("the after-round step of {} {} failed: {}", name, today, describe(failure));
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

  /** A failure's class and message, without the ask's actor paths. */
  public static String describe(Throwable failure) {
    Throwable cause = Failures.cause(failure);
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return "TimeoutException: no answer in time";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
