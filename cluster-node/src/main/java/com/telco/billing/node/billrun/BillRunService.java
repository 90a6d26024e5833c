package com.telco.billing.node.billrun;

import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.core.paging.Slice;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import com.telco.billing.protocol.http.BillRunPage;
import com.telco.billing.protocol.http.BillRunRequest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/** The bill-run operations behind the HTTP API: asks the bill-cycle singleton. */
public final class BillRunService {
  private final ActorRef<BillRunCommand> coordinator;
  private final ActorSystem<?> system;
  private final Duration askTimeout;

  /**
   * @param askTimeout how long a request waits for the bill-cycle singleton
   */
  public BillRunService(
      ActorSystem<?> system, ActorRef<BillRunCommand> coordinator, Duration askTimeout) {
    this.system = system;
    this.coordinator = coordinator;
    this.askTimeout = askTimeout;
  }

  /**
   * Starts the run of the request's cycle date, or answers the existing one.
   *
   * @param origin the request that starts it, stored on the run's {@code RunStarted}
   */
  public CompletionStage<BillRunView> start(BillRunRequest request, Origin origin) {
    if (request.cycleDate() == null) {
      return CompletableFuture.failedFuture(
          Refusal.of(RefusalCode.REQUIRED, "cycleDate", "cycleDate is required").toException());
    }
    return AskPattern.askWithStatus(
        coordinator,
        replyTo -> new BillRunCommand.StartRun(request.cycleDate(), "manual", origin, replyTo),
        askTimeout,
        system.scheduler());
  }

  public CompletionStage<BillRunView> get(String runId) {
    return AskPattern.askWithStatus(
        coordinator,
        replyTo -> new BillRunCommand.GetRun(runId, replyTo),
        askTimeout,
        system.scheduler());
  }

  public CompletionStage<BillRunList> list() {
    return AskPattern.askWithStatus(
        coordinator, BillRunCommand.ListRuns::new, askTimeout, system.scheduler());
  }

  /**
   * One page of the remembered runs, newest first (by start time, then run id): at most {@code
   * limit}, after the run the {@code cursor} names (null: from the newest). The singleton keeps at
   * most {@code billing.bill-run.keep-finished-runs} finished runs; the page bounds the answer.
   */
  public CompletionStage<BillRunPage> list(int limit, String cursor) {
    RunKey after;
    try {
      after = cursor == null ? null : RunKey.decode(cursor);
    } catch (RefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
    return list()
        .thenApply(
            all -> {
              List<BillRunView> newestFirst =
                  all.runs().stream().sorted(RunKey.NEWEST_FIRST).toList();
              Slice<BillRunView> page =
                  Slice.of(newestFirst, run -> after == null || after.isBefore(run), limit);
              return new BillRunPage(
                  page.items(), page.more() ? RunKey.of(page.last()).encode() : null);
            });
  }

  /** Where a page of runs ended: the start time and id of its last run. */
  private record RunKey(Instant startedAt, String runId) {
    static final String KIND = "bill-runs";
    static final Comparator<BillRunView> NEWEST_FIRST =
        Comparator.comparing(BillRunView::startedAt).thenComparing(BillRunView::runId).reversed();

    static RunKey of(BillRunView run) {
      return new RunKey(run.startedAt(), run.runId());
    }

    /** Whether {@code run} comes after this key, newest first. */
    boolean isBefore(BillRunView run) {
      int byStart = run.startedAt().compareTo(startedAt);
      return byStart < 0 || (byStart == 0 && run.runId().compareTo(runId) < 0);
    }

    String encode() {
      return PageCursor.encode(KIND, List.of(startedAt.toString(), runId));
    }

    static RunKey decode(String cursor) {
      List<String> fields = Cursors.fields(cursor, KIND, 2);
      try {
        return new RunKey(Instant.parse(fields.get(0)), fields.get(1));
      } catch (DateTimeException e) {
        throw Cursors.invalid();
      }
    }
  }
}
