package com.telco.billing.node.billrun;

import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.billrun.AccountResult;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.billrun.BillRunCommand.GetRun;
import com.telco.billing.protocol.billrun.BillRunCommand.ListRuns;
import com.telco.billing.protocol.billrun.BillRunCommand.StartRun;
import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The bill-cycle singleton. It starts the run of each cycle date by itself (once the date has begun
 * everywhere, {@code billing.bill-run.auto-start-after}) and on demand ({@code POST /bill-runs}),
 * and drives the runs one step at a time: read a page of the cycle day's accounts from the read
 * side, close their periods with bounded parallelism (sharding spreads the accounts over the
 * cluster), record the step. Failed accounts are recorded and retried after the scan; they never
 * stop a run.
 *
 * <p>Only recorded steps count. When the singleton moves to another node, it recovers its state and
 * repeats the step that was in flight: accounts that already issued their invoice answer it again
 * (the account entity is idempotent per period), so nothing is invoiced twice and no count is taken
 * twice. The clock is injected, for tests of the schedule.
 */
public final class BillRunCoordinator
    extends EventSourcedBehaviorWithEnforcedReplies<BillRunCommand, BillRunEvent, BillRunState> {

  /** The singleton's persistence id. */
  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("BillCycle|runs");

  private final ActorContext<BillRunCommand> context;
  private final TimerScheduler<BillRunCommand> timers;
  private final Clock clock;
  private final BillRunSettings settings;
  private final BillRunPorts.CycleDayAccounts accounts;
  private final BillRunPorts.PeriodCloser closer;

  /** The singleton's timer: look at the clock (scheduled runs) and drive the active run. */
  private enum Tick implements BillRunCommand.Internal {
    INSTANCE
  }

  /** The timer's tick, for tests that drive the schedule on a manual clock instead of waiting. */
  static BillRunCommand tick() {
    return Tick.INSTANCE;
  }

  /**
   * A step of a run finished. {@code cursor} is the last account id the step read from the
   * cycle-day read side ({@code null} for a retry step); {@code scanEnded} when the read side had
   * no more accounts.
   */
  private record StepDone(
      String runId, String cursor, boolean scanEnded, List<AccountResult> results)
      implements BillRunCommand.Internal {}

  /** A step could not run (e.g. the read side did not answer); it is tried again. */
  private record StepFailed(String runId, String error) implements BillRunCommand.Internal {}

  /** The accounts of the run's cycle day were counted. */
  private record AccountsCounted(String runId, long count) implements BillRunCommand.Internal {}

  /** Counting the accounts of the run's cycle day failed: the count stays unknown. */
  private record CountFailed(String runId) implements BillRunCommand.Internal {}

  /** A step is in flight (not persisted: after a move, the new incarnation repeats the step). */
  private boolean busy;

  private BillRunCoordinator(
      ActorContext<BillRunCommand> context,
      TimerScheduler<BillRunCommand> timers,
      Clock clock,
      BillRunSettings settings,
      BillRunPorts.CycleDayAccounts accounts,
      BillRunPorts.PeriodCloser closer) {
    super(PERSISTENCE_ID);
    this.context = context;
    this.timers = timers;
    this.clock = clock;
    this.settings = settings;
    this.accounts = accounts;
    this.closer = closer;
  }

  public static Behavior<BillRunCommand> create(
      Clock clock,
      BillRunSettings settings,
      BillRunPorts.CycleDayAccounts accounts,
      BillRunPorts.PeriodCloser closer) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.tickInterval());
                  return new BillRunCoordinator(context, timers, clock, settings, accounts, closer);
                }));
  }

  @Override
  public BillRunState emptyState() {
    return BillRunState.EMPTY;
  }

  @Override
  public SnapshotAdapter<BillRunState> snapshotAdapter() {
    return BillRunJournal.SNAPSHOTS;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public SignalHandler<BillRunState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> context.getSelf().tell(Tick.INSTANCE))
        .build();
  }

  @Override
  public CommandHandlerWithReply<BillRunCommand, BillRunEvent, BillRunState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(StartRun.class, this::onStart)
        .onCommand(GetRun.class, this::onGet)
        .onCommand(ListRuns.class, this::onList)
        .onCommand(Tick.class, this::onTick)
        .onCommand(AccountsCounted.class, this::onCounted)
        .onCommand(CountFailed.class, this::onCountFailed)
        .onCommand(StepDone.class, this::onStepDone)
        .onCommand(StepFailed.class, this::onStepFailed)
        .build();
  }

  private ReplyEffect<BillRunEvent, BillRunState> onStart(BillRunState state, StartRun cmd) {
    LocalDate date = cmd.cycleDate();
    if (date.getDayOfMonth() > 28) {
      return Replies.refuse(
          Effect(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.NOT_A_CYCLE_DATE, "cycleDate", "bill cycle days are 1..28, not " + date));
    }
    if (date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      return Replies.refuse(
          Effect(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.CYCLE_DATE_IN_FUTURE,
              "cycleDate",
              "the cycle date " + date + " has not begun"));
    }
    List<BillRunState.Run> passes = state.runsOf(date);
    var active = passes.stream().filter(BillRunState.Run::active).findFirst();
    if (active.isPresent()) {
      return Effect()
          .reply(cmd.replyTo(), StatusReply.success(active.get().toView(clock.instant(), false)));
    }
    // a later pass over a completed cycle date closes what the earlier ones did not (accounts
    // opened since, failures); invoiced accounts just answer their invoice
    String runId = BillRunState.runIdOf(date, nextPass(passes));
    return Effect()
        .persist(
            new BillRunEvent.RunStarted(runId, date, cmd.trigger(), clock.instant(), cmd.origin()))
        .thenRun(this::drive)
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(next.run(runId).orElseThrow().toView(clock.instant(), true)));
  }

  private static int nextPass(List<BillRunState.Run> passes) {
    int last = 0;
    for (BillRunState.Run run : passes) {
      String id = run.runId();
      String suffix = id.substring(("BR-" + run.cycleDate()).length());
      last = Math.max(last, suffix.isEmpty() ? 1 : Integer.parseInt(suffix.substring(1)));
    }
    return last + 1;
  }

  private ReplyEffect<BillRunEvent, BillRunState> onGet(BillRunState state, GetRun cmd) {
    return state
        .run(cmd.runId())
        .map(
            run ->
                Effect()
                    .reply(cmd.replyTo(), StatusReply.success(run.toView(clock.instant(), false))))
        .orElseGet(
            () ->
                Replies.refuse(
                    Effect(),
                    cmd.replyTo(),
                    Refusal.of(RefusalCode.BILL_RUN_NOT_FOUND, "id", "no bill run with this id")));
  }

  private ReplyEffect<BillRunEvent, BillRunState> onList(BillRunState state, ListRuns cmd) {
    Instant now = clock.instant();
    List<BillRunView> views = new ArrayList<>();
    for (int i = state.runs().size() - 1; i >= 0; i--) {
      views.add(state.runs().get(i).toView(now, false));
    }
    return Effect().reply(cmd.replyTo(), StatusReply.success(new BillRunList(views)));
  }

  private ReplyEffect<BillRunEvent, BillRunState> onTick(BillRunState state, Tick tick) {
    List<BillRunEvent> scheduled = scheduled(state, clock.instant());
    if (scheduled.isEmpty()) {
      drive(state);
      return Effect().noReply();
    }
    return Effect().persist(scheduled).thenRun(this::drive).thenNoReply();
  }

  /**
   * The runs the schedule starts now: every cycle date (day 1..28) from the day after the last
   * scheduled one up to the latest date whose start (00:00 UTC) lies {@code auto-start-after}
   * behind. The first time, only that latest date: a new cluster does not bill the past.
   */
  private List<BillRunEvent> scheduled(BillRunState state, Instant now) {
    if (!settings.autoStart()) {
      return List.of();
    }
    LocalDate latest = LocalDate.ofInstant(now.minus(settings.autoStartAfter()), ZoneOffset.UTC);
    LocalDate from =
        state.scheduledThrough() == null ? latest : state.scheduledThrough().plusDays(1);
    if (from.isAfter(latest)) {
      return List.of();
    }
    List<BillRunEvent> events = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(latest); d = d.plusDays(1)) {
      String runId = BillRunState.runIdOf(d, 1);
      if (d.getDayOfMonth() <= 28 && state.runsOf(d).isEmpty()) {
        events.add(new BillRunEvent.RunStarted(runId, d, "schedule", now, Origin.BILL_CYCLE));
      }
    }
    events.add(new BillRunEvent.ScheduledThrough(latest));
    return events;
  }

  private ReplyEffect<BillRunEvent, BillRunState> onCounted(
      BillRunState state, AccountsCounted cmd) {
    busy = false;
    return Effect()
        .persist(
            BillRunJournal.accountsDueCounted(cmd.runId(), new AccountsDue.Counted(cmd.count())))
        .thenRun(this::drive)
        .thenNoReply();
  }

  /** The count is for progress only: the run goes on without it. */
  private ReplyEffect<BillRunEvent, BillRunState> onCountFailed(
      BillRunState state, CountFailed cmd) {
    busy = false;
    return Effect()
        .persist(BillRunJournal.accountsDueCounted(cmd.runId(), AccountsDue.CountFailed.INSTANCE))
        .thenRun(this::drive)
        .thenNoReply();
  }

  private ReplyEffect<BillRunEvent, BillRunState> onStepFailed(BillRunState state, StepFailed cmd) {
    busy = false;
    context.getLog().warn("bill run {}: step failed, tried again: {}", cmd.runId(), cmd.error());
    timers.startSingleTimer("retry-step", Tick.INSTANCE, settings.retryDelay());
    return Effect().noReply();
  }

  private ReplyEffect<BillRunEvent, BillRunState> onStepDone(BillRunState state, StepDone cmd) {
    busy = false;
    var maybeRun = state.run(cmd.runId());
    if (maybeRun.isEmpty() || !maybeRun.get().active()) {
      return Effect().noReply();
    }
    BillRunState.Run run = maybeRun.get();
    Instant now = clock.instant();
    boolean scan = run.phase() == BillRunState.Phase.SCANNING;
    List<BillRunEvent> events = new ArrayList<>();
    events.add(
        recorded(
            run.runId(), scan ? cmd.cursor() : null, scan, cmd.results(), run.failures(), now));
    Map<String, String> failuresAfter = new LinkedHashMap<>(run.failures());
    for (AccountResult r : cmd.results()) {
      if (r instanceof AccountResult.Failed failed) {
        failuresAfter.put(failed.accountId(), failed.reason());
      } else {
        failuresAfter.remove(r.accountId());
      }
    }
    if (scan) {
      if (cmd.scanEnded()) {
        events.add(new BillRunEvent.ScanCompleted(run.runId(), now));
        if (failuresAfter.isEmpty() || settings.retryRounds() == 0) {
          events.add(new BillRunEvent.RunCompleted(run.runId(), now));
        }
      }
    } else {
      int round = run.retryRound() + 1;
      events.add(new BillRunEvent.RetryRoundCompleted(run.runId(), round, now));
      if (failuresAfter.isEmpty() || round >= settings.retryRounds()) {
        events.add(new BillRunEvent.RunCompleted(run.runId(), now));
      }
    }
    return Effect().persist(events).thenRun(this::drive).thenNoReply();
  }

  /**
   * The event of a step. Only accounts that were failures before are named as recovered (not every
   * account of the page: the event stays small).
   */
  private static BillRunEvent.StepRecorded recorded(
      String runId,
      String cursor,
      boolean scan,
      List<AccountResult> results,
      Map<String, String> failedBefore,
      Instant now) {
    long invoiced = 0;
    long skipped = 0;
    Map<String, BigDecimal> amounts = new HashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    List<String> recovered = new ArrayList<>();
    for (AccountResult r : results) {
      if (r instanceof AccountResult.Invoiced done) {
        invoiced++;
        amounts.merge(done.currency(), done.amount(), BigDecimal::add);
      } else if (r instanceof AccountResult.Skipped) {
        skipped++;
      } else if (r instanceof AccountResult.Failed failure) {
        failed.put(failure.accountId(), failure.reason());
      }
      if (!(r instanceof AccountResult.Failed) && failedBefore.containsKey(r.accountId())) {
        recovered.add(r.accountId());
      }
    }
    return new BillRunEvent.StepRecorded(
        runId,
        cursor,
        scan ? results.size() : 0,
        invoiced,
        skipped,
        amounts,
        failed,
        recovered,
        now);
  }

  /** Starts the next step of the oldest active run, unless one is in flight. */
  private void drive(BillRunState state) {
    if (busy) {
      return;
    }
    var active = state.activeRun();
    if (active.isEmpty()) {
      return;
    }
    BillRunState.Run run = active.get();
    busy = true;
    String runId = run.runId();
    int cycleDay = run.cycleDate().getDayOfMonth();
    if (run.accountsDue() == AccountsDue.NotCounted.INSTANCE) {
      context.pipeToSelf(
          accounts.countAccounts(cycleDay),
          (count, failure) ->
              failure == null ? new AccountsCounted(runId, count) : new CountFailed(runId));
    } else if (run.phase() == BillRunState.Phase.SCANNING) {
      int pageSize = settings.pageSize();
      pipe(
          runId,
          accounts
              .accounts(cycleDay, run.cursor(), pageSize)
              .thenCompose(
                  ids ->
                      ids.isEmpty()
                          ? CompletableFuture.completedFuture(
                              new StepDone(runId, run.cursor(), true, List.of()))
                          : closeAll(ids, run.cycleDate(), run.startedAt())
                              .thenApply(
                                  results ->
                                      new StepDone(
                                          runId,
                                          ids.get(ids.size() - 1),
                                          ids.size() < pageSize,
                                          results))));
    } else {
      List<String> failed = List.copyOf(run.failures().keySet());
      var later =
          CompletableFuture.delayedExecutor(
              settings.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
      pipe(
          runId,
          CompletableFuture.supplyAsync(() -> failed, later)
              .thenCompose(ids -> closeAll(ids, run.cycleDate(), run.startedAt()))
              .thenApply(results -> new StepDone(runId, null, false, results)));
    }
  }

  private void pipe(String runId, CompletionStage<? extends BillRunCommand> step) {
    context.pipeToSelf(
        step,
        (done, failure) ->
            failure == null ? done : new StepFailed(runId, String.valueOf(failure.getMessage())));
  }

  /**
   * Closes the periods of {@code ids}, at most {@code parallelism} at a time; never fails. An
   * invoice issued before this run started was issued by an earlier pass: it counts as skipped
   * ({@code already_invoiced}) here. One issued by this run (before a failover repeated the step)
   * counts as this run's.
   */
  private CompletionStage<List<AccountResult>> closeAll(
      List<String> ids, LocalDate cycleDate, Instant runStart) {
    return Source.from(ids)
        .mapAsyncUnordered(
            settings.parallelism(),
            id ->
                closer
                    .close(id, cycleDate)
                    .thenApply(result -> countedFor(result, runStart))
                    .exceptionally(failure -> new AccountResult.Failed(id, reason(failure))))
        .runWith(Sink.seq(), context.getSystem());
  }

  private static AccountResult countedFor(AccountResult result, Instant runStart) {
    if (result instanceof AccountResult.Invoiced invoiced
        && invoiced.issuedAt().isBefore(runStart)) {
      return new AccountResult.Skipped(result.accountId(), ALREADY_INVOICED);
    }
    return result;
  }

  /** Why an account is skipped by a later pass: an earlier one invoiced it. */
  static final String ALREADY_INVOICED = "already_invoiced";

  private static String reason(Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof java.util.concurrent.TimeoutException) {
      // the ask's own message names actor paths and message classes
      return "TimeoutException: the cluster did not answer in time";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public EventHandler<BillRunState, BillRunEvent> eventHandler() {
    int keep = settings.keepFinishedRuns();
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent((state, event) -> state.apply(event, keep));
  }
}
