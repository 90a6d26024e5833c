package com.telco.billing.node.dunning.driver;

import com.telco.billing.node.dunning.driver.DunningDecisions.Decision;
import com.telco.billing.node.dunning.driver.DunningDecisions.Kind;
import com.telco.billing.node.metrics.DunningMetrics;
import com.telco.billing.node.metrics.DunningMetrics.Stage;
import com.telco.billing.node.rounds.DatedRound;
import com.telco.billing.node.rounds.DatedRound.Failure;
import com.telco.billing.node.rounds.DatedRound.Handled;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.node.rounds.RoundReport;
import com.telco.billing.protocol.dunning.DunningOutcome;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the dunning driver ({@link DatedRound}): reads the due rows from the watermark
 * through today, asks each row's account {@code EvaluateDunning(today)} (at most {@code
 * parallelism} in flight, each with the row writes its answer calls for) and carries out the {@link
 * DunningDecisions}. A row whose ask or whose writes failed stays where it is and is asked again
 * next round (the account answers a repeated evaluation of a date from its state: steps fire once).
 */
public final class DunningRound implements RoundDriver.Round {
  private static final Logger log = LoggerFactory.getLogger(DunningRound.class);

  private final ActorSystem<?> system;
  private final DunningDueRows rows;
  private final DunningTarget target;
  private final int parallelism;
  private final int lookbackDays;
  private final DunningMetrics metrics;

  public DunningRound(
      ActorSystem<?> system,
      DunningDueRows rows,
      DunningTarget target,
      DunningDriverSettings settings,
      DunningMetrics metrics) {
    this.system = system;
    this.rows = rows;
    this.target = target;
    this.parallelism = settings.parallelism();
    this.lookbackDays = settings.lookbackDays();
    this.metrics = metrics;
  }

  /** Runs a round for {@code today}. */
  public CompletionStage<RoundReport> run(LocalDate today) {
    return run(today, Materializer.matFromSystem(system));
  }

  @Override
  public CompletionStage<RoundReport> run(LocalDate today, Materializer materializer) {
    return DatedRound.run(
        rows, today, lookbackDays, parallelism, row -> handle(row, today), materializer);
  }

  /** Asks about one row and carries out the answer; never fails. */
  CompletionStage<Handled> handle(DunningDueRow row, LocalDate today) {
    metrics.asked();
    CompletionStage<DunningOutcome> answer;
    try {
      answer = target.evaluate(row.accountId(), today);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer
        .handle(
            (outcome, failure) -> {
              if (failure != null) {
                metrics.failed(Stage.ASK);
                log.debug(
                    "EvaluateDunning of account {} got no answer, asked again next round: {}",
                    row.accountId(),
                    RoundDriver.describe(failure));
                return CompletableFuture.completedFuture(
                    new Handled(row.evaluateOn(), null, true, Failure.ASK));
              }
              String label = DunningDecisions.outcomeOf(outcome);
              metrics.outcome(label);
              return carryOut(row, label, DunningDecisions.decide(outcome, today));
            })
        .thenCompose(result -> result)
        .exceptionally(
            failure -> {
              // carryOut handles its own failures; this only guards against a bug in it
              log.error("handling the dunning due row {} failed", row, failure);
              return new Handled(row.evaluateOn(), null, true, Failure.OTHER);
            });
  }

  private CompletionStage<Handled> carryOut(DunningDueRow row, String label, Decision decision) {
    if (decision.kind() == Kind.KEEP) {
      return CompletableFuture.completedFuture(
          new Handled(row.evaluateOn(), label, true, Failure.NONE));
    }
    CompletionStage<Done> written =
        decision.kind() == Kind.MOVE
            ? rows.schedule(row.accountId(), decision.to())
                .thenCompose(done -> rows.removeIfUnchanged(row))
            : rows.removeIfUnchanged(row);
    return written.handle(
        (done, failure) -> {
          if (failure == null) {
            return new Handled(row.evaluateOn(), label, false, Failure.NONE);
          }
          metrics.failed(Stage.STORE);
          log.warn(
              "the dunning due row of account {} on {} was not updated, asked again next round:"
                  + " {}",
              row.accountId(),
              row.evaluateOn(),
              RoundDriver.describe(failure));
          return new Handled(row.evaluateOn(), label, true, Failure.OTHER);
        });
  }
}
