package com.telco.billing.node.billrun;

import com.telco.billing.node.http.ApiException;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import com.telco.billing.protocol.http.BillRunRequest;
import java.time.Duration;
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

  public BillRunService(ActorSystem<?> system, ActorRef<BillRunCommand> coordinator) {
    this.system = system;
    this.coordinator = coordinator;
    this.askTimeout = system.settings().config().getDuration("billing.http.ask-timeout");
  }

  /** Starts the run of the request's cycle date, or answers the existing one. */
  public CompletionStage<BillRunView> start(BillRunRequest request) {
    if (request.cycleDate() == null) {
      return CompletableFuture.failedFuture(
          ApiException.badRequest("required", "cycleDate", "cycleDate is required"));
    }
    return ApiException.mapFailure(
        AskPattern.askWithStatus(
            coordinator,
            replyTo -> new BillRunCommand.StartRun(request.cycleDate(), "manual", replyTo),
            askTimeout,
            system.scheduler()));
  }

  public CompletionStage<BillRunView> get(String runId) {
    return ApiException.mapFailure(
        AskPattern.askWithStatus(
            coordinator,
            replyTo -> new BillRunCommand.GetRun(runId, replyTo),
            askTimeout,
            system.scheduler()));
  }

  public CompletionStage<BillRunList> list() {
    return ApiException.mapFailure(
        AskPattern.askWithStatus(
            coordinator, BillRunCommand.ListRuns::new, askTimeout, system.scheduler()));
  }
}
