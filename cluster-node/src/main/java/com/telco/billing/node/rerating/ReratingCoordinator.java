package com.telco.billing.node.rerating;

import com.telco.billing.node.billrun.BillRunPorts;
import com.telco.billing.node.util.Failures;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.rerating.RerateResult;
import com.telco.billing.protocol.rerating.ReratingCommand;
import com.telco.billing.protocol.rerating.ReratingCommand.GetJob;
import com.telco.billing.protocol.rerating.ReratingCommand.ListJobs;
import com.telco.billing.protocol.rerating.ReratingCommand.StartJob;
import com.telco.billing.protocol.rerating.ReratingEvent;
import com.telco.billing.protocol.rerating.ReratingEvent.JobStarted;
import com.telco.billing.protocol.rerating.ReratingEvent.StepRecorded;
import com.telco.billing.protocol.rerating.ReratingJobView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The re-rating singleton (docs/rerating.md): starts jobs ({@code POST /rerating-jobs}) and drives
 * them one step at a time, oldest job first: take the next page of the job's accounts (those it
 * names, or every account of each bill cycle day from the read side for a job over an offering),
 * ask each account to rate its usage again with bounded parallelism, record the step. Failed
 * accounts are recorded and retried after the scan; they never stop a job.
 *
 * <p>Only recorded steps count. When the singleton moves to another node, it recovers and repeats
 * the step in flight: an account rated again already finds no difference the second time (its
 * journal holds the new ratings), so nothing is adjusted twice and no difference is counted twice.
 */
public final class ReratingCoordinator
    extends EventSourcedBehaviorWithEnforcedReplies<ReratingCommand, ReratingEvent, ReratingState> {

  /** The singleton's persistence id. */
  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("Rerating|jobs");

  private enum Tick implements ReratingCommand.Internal {
    INSTANCE
  }

  /** A step finished; the event to record. */
  private record StepDone(StepRecorded step) implements ReratingCommand.Internal {}

  /** A step could not run (the read side did not answer); it is tried again later. */
  private record StepFailed(String jobId, String error) implements ReratingCommand.Internal {}

  /** One account's outcome in a step. */
  private record Visit(String accountId, RerateResult result, String failure) {}

  private final ActorContext<ReratingCommand> context;
  private final TimerScheduler<ReratingCommand> timers;
  private final Clock clock;
  private final ReratingSettings settings;
  private final BillRunPorts.CycleDayAccounts cycleDays;
  private final ReratingPorts.AccountRerater accounts;

  /** A step is in flight (not persisted: after a move, the new incarnation repeats the step). */
  private boolean busy;

  private ReratingCoordinator(
      ActorContext<ReratingCommand> context,
      TimerScheduler<ReratingCommand> timers,
      Clock clock,
      ReratingSettings settings,
      BillRunPorts.CycleDayAccounts cycleDays,
      ReratingPorts.AccountRerater accounts) {
    super(PERSISTENCE_ID);
    this.context = context;
    this.timers = timers;
    this.clock = clock;
    this.settings = settings;
    this.cycleDays = cycleDays;
    this.accounts = accounts;
  }

  public static Behavior<ReratingCommand> create(
      Clock clock,
      ReratingSettings settings,
      BillRunPorts.CycleDayAccounts cycleDays,
      ReratingPorts.AccountRerater accounts) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.tickInterval());
                  return new ReratingCoordinator(
                      context, timers, clock, settings, cycleDays, accounts);
                }));
  }

  @Override
  public ReratingState emptyState() {
    return ReratingState.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public SignalHandler<ReratingState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> context.getSelf().tell(Tick.INSTANCE))
        .build();
  }

  @Override
  public CommandHandlerWithReply<ReratingCommand, ReratingEvent, ReratingState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(StartJob.class, this::onStart)
        .onCommand(GetJob.class, this::onGet)
        .onCommand(ListJobs.class, this::onList)
        .onCommand(Tick.class, (state, tick) -> drive(state))
        .onCommand(StepDone.class, this::onStepDone)
        .onCommand(StepFailed.class, this::onStepFailed)
        .build();
  }

  private ReplyEffect<ReratingEvent, ReratingState> onStart(ReratingState state, StartJob cmd) {
    var known = state.job(cmd.jobId());
    if (known.isPresent()) {
      if (!known.get().fingerprint().equals(cmd.fingerprint())) {
        return Replies.refuse(
            Effect(),
            cmd.replyTo(),
            Refusal.of(
                RefusalCode.IDEMPOTENCY_KEY_REUSED,
                "Idempotency-Key",
                "this idempotency key was used with another request"));
      }
      return Effect()
          .reply(
              cmd.replyTo(),
              StatusReply.success(
                  new ReratingJobView.Started(known.get().toView(clock.instant()), false)));
    }
    var r = cmd.request();
    return Effect()
        .persist(
            new JobStarted(
                cmd.jobId(),
                cmd.fingerprint(),
                r.accounts(),
                r.offeringId(),
                r.from(),
                r.to(),
                r.reason(),
                cmd.origin(),
                clock.instant(),
                cmd.catalogVersions()))
        .thenRun(next -> context.getSelf().tell(Tick.INSTANCE))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    new ReratingJobView.Started(
                        next.job(cmd.jobId()).orElseThrow().toView(clock.instant()), true)));
  }

  private ReplyEffect<ReratingEvent, ReratingState> onGet(ReratingState state, GetJob cmd) {
    return state
        .job(cmd.jobId())
        .map(job -> Effect().reply(cmd.replyTo(), StatusReply.success(job.toView(clock.instant()))))
        .orElseGet(
            () ->
                Replies.refuse(
                    Effect(),
                    cmd.replyTo(),
                    Refusal.of(
                        RefusalCode.RERATING_JOB_NOT_FOUND,
                        "id",
                        "no re-rating job with this id")));
  }

  private ReplyEffect<ReratingEvent, ReratingState> onList(ReratingState state, ListJobs cmd) {
    Instant now = clock.instant();
    List<ReratingJobView> views = new ArrayList<>();
    for (int i = state.jobs().size() - 1; i >= 0; i--) {
      views.add(state.jobs().get(i).toView(now));
    }
    return Effect().reply(cmd.replyTo(), StatusReply.success(new ReratingJobView.JobList(views)));
  }

  private ReplyEffect<ReratingEvent, ReratingState> onStepFailed(
      ReratingState state, StepFailed cmd) {
    busy = false;
    context
        .getLog()
        .warn("re-rating job {}: step failed, tried again: {}", cmd.jobId(), cmd.error());
    timers.startSingleTimer("retry-step", Tick.INSTANCE, settings.retryDelay());
    return Effect().noReply();
  }

  private ReplyEffect<ReratingEvent, ReratingState> onStepDone(ReratingState state, StepDone cmd) {
    busy = false;
    var job = state.job(cmd.step().jobId());
    if (job.isEmpty() || !job.get().active()) {
      return Effect().noReply();
    }
    return Effect()
        .persist(cmd.step())
        .thenRun(next -> context.getSelf().tell(Tick.INSTANCE))
        .thenNoReply();
  }

  /** Starts the next step of the oldest running job, unless one is in flight. */
  private ReplyEffect<ReratingEvent, ReratingState> drive(ReratingState state) {
    if (busy) {
      return Effect().noReply();
    }
    var active = state.activeJob();
    if (active.isEmpty()) {
      return Effect().noReply();
    }
    ReratingState.Job job = active.get();
    busy = true;
    if (!job.scanEnded()) {
      if (job.accounts() != null) {
        int from = job.nextIndex();
        int to = Math.min(job.accounts().size(), from + settings.pageSize());
        pipe(
            job,
            visit(job, job.accounts().subList(from, to))
                .thenApply(v -> scanStep(job, v, to, 0, null, null)));
      } else {
        pipe(job, scanPage(job));
      }
    } else {
      List<String> failed = List.copyOf(job.failures().keySet());
      var later =
          CompletableFuture.delayedExecutor(
              settings.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
      pipe(
          job,
          CompletableFuture.supplyAsync(() -> failed, later)
              .thenCompose(ids -> visit(job, ids))
              .thenApply(
                  visits ->
                      step(
                          job,
                          visits,
                          true,
                          job.nextIndex(),
                          job.scanDay(),
                          job.scanAfter(),
                          null)));
    }
    return Effect().noReply();
  }

  /** The next page of a job over an offering: the accounts of the cycle day being scanned. */
  private CompletionStage<StepRecorded> scanPage(ReratingState.Job job) {
    int day = job.scanDay();
    int pageSize = settings.pageSize();
    return cycleDays
        .accounts(day, job.scanAfter(), pageSize)
        .thenCompose(
            ids -> {
              boolean dayDone = ids.size() < pageSize;
              int nextDay = dayDone ? day + 1 : day;
              String nextAfter = dayDone ? null : ids.get(ids.size() - 1);
              Long total =
                  nextDay >= ReratingState.PAST_LAST_DAY
                      ? job.accountsVisited() + ids.size()
                      : null;
              return visit(job, ids).thenApply(v -> scanStep(job, v, 0, nextDay, nextAfter, total));
            });
  }

  private StepRecorded scanStep(
      ReratingState.Job job, List<Visit> visits, int nextIndex, int day, String after, Long total) {
    return step(job, visits, false, nextIndex, day, after, total);
  }

  /** The event of a step, with whether it completes the job. */
  private StepRecorded step(
      ReratingState.Job job,
      List<Visit> visits,
      boolean retry,
      int nextIndex,
      int scanDay,
      String scanAfter,
      Long total) {
    long selected = 0;
    long changed = 0;
    long lines = 0;
    Map<String, BigDecimal> open = new HashMap<>();
    Map<String, BigDecimal> adjusted = new HashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    List<String> recovered = new ArrayList<>();
    for (Visit v : visits) {
      if (v.failure() != null) {
        failed.put(v.accountId(), v.failure());
        continue;
      }
      if (job.failures().containsKey(v.accountId())) {
        recovered.add(v.accountId());
      }
      RerateResult r = v.result();
      selected += r.selected();
      changed += r.changed();
      lines += r.adjustments().size();
      if (r.openDifference().signum() != 0) {
        open.merge(r.currency(), r.openDifference(), BigDecimal::add);
      }
      for (RerateResult.Adjustment a : r.adjustments()) {
        adjusted.merge(r.currency(), a.amount(), BigDecimal::add);
      }
    }
    boolean scanEnds = job.scanEndsAt(nextIndex, scanDay);
    Map<String, String> failuresAfter = job.failuresAfter(failed, recovered);
    boolean completed;
    if (retry) {
      completed = failuresAfter.isEmpty() || job.retryRound() + 1 >= settings.retryRounds();
    } else {
      completed = scanEnds && (failuresAfter.isEmpty() || settings.retryRounds() == 0);
    }
    return new StepRecorded(
        job.jobId(),
        nextIndex,
        scanDay,
        scanAfter,
        retry,
        retry ? 0 : visits.size(),
        selected,
        changed,
        lines,
        open,
        adjusted,
        failed,
        recovered,
        completed,
        total,
        clock.instant());
  }

  /** Asks each account, at most {@code parallelism} at a time; never fails. */
  private CompletionStage<List<Visit>> visit(ReratingState.Job job, List<String> ids) {
    return Source.from(ids)
        .mapAsync(
            settings.parallelism(),
            id ->
                accounts
                    .rerate(
                        id,
                        job.jobId(),
                        job.from(),
                        job.to(),
                        job.offeringId(),
                        job.catalogVersions(),
                        job.origin())
                    .thenApply(result -> new Visit(id, result, null))
                    .exceptionally(failure -> new Visit(id, null, reason(failure))))
        .runWith(Sink.seq(), context.getSystem());
  }

  private void pipe(ReratingState.Job job, CompletionStage<StepRecorded> step) {
    context.pipeToSelf(
        step,
        (done, failure) ->
            failure == null
                ? new StepDone(done)
                : new StepFailed(job.jobId(), String.valueOf(failure.getMessage())));
  }

  /** A failure's reason: the refusal's code, else the exception's kind. */
  private static String reason(Throwable failure) {
    Throwable cause = Failures.cause(failure);
    if (cause instanceof RefusedException refused) {
      return refused.refusal().code().wire();
    }
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return "timeout";
    }
    return cause.getClass().getSimpleName();
  }

  @Override
  public EventHandler<ReratingState, ReratingEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(ReratingState::apply);
  }
}
