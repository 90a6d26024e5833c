package com.telco.billing.node.payment.collection;

import com.telco.billing.node.metrics.CollectionMetrics;
import com.telco.billing.node.metrics.CollectionMetrics.Stage;
import com.telco.billing.node.rounds.DatedRound;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.node.rounds.RoundReport;
import com.telco.billing.protocol.payment.CollectionStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the collection driver ({@link DatedRound}): reads the due rows of its dates, oldest
 * first, asks each row's account {@code CollectDue} (at most {@code parallelism} rows in flight,
 * each with the writes its answer calls for), carries out the {@link CollectionDecisions}, and
 * stores the next watermark once every date was read. A row whose ask or whose action failed stays
 * where it is; the round goes on. Reading the rows or the watermark failing fails the round (the
 * watermark stays).
 */
public final class CollectionRound {
  private static final Logger log = LoggerFactory.getLogger(CollectionRound.class);

  private final ActorSystem<?> system;
  private final DueRows rows;
  private final CollectionTarget target;
  private final DirectDebitSink directDebits;
  private final int parallelism;
  private final int lookbackDays;
  private final Clock clock;
  private final CollectionMetrics metrics;

  public CollectionRound(
      ActorSystem<?> system,
      DueRows rows,
      CollectionTarget target,
      DirectDebitSink directDebits,
      CollectionSettings settings,
      Clock clock,
      CollectionMetrics metrics) {
    this.system = system;
    this.rows = rows;
    this.target = target;
    this.directDebits = directDebits;
    this.parallelism = settings.parallelism();
    this.lookbackDays = settings.lookbackDays();
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Runs a round for {@code today}. */
  public CompletionStage<RoundReport> run(LocalDate today) {
    return run(today, Materializer.matFromSystem(system));
  }

  /**
   * Runs a round for {@code today} on {@code materializer}: the driver's own, so that the round
   * stops with it (the rows it had not asked yet are asked by the next driver).
   */
  public CompletionStage<RoundReport> run(LocalDate today, Materializer materializer) {
    return DatedRound.run(
        rows,
        today,
        lookbackDays,
        parallelism,
        row -> handle(row, today).thenApply(CollectionRound::handled),
        materializer);
  }

  private static DatedRound.Handled handled(RowResult result) {
    DatedRound.Failure failure =
        result.failure() == null
            ? DatedRound.Failure.NONE
            : result.failure() == Stage.ASK ? DatedRound.Failure.ASK : DatedRound.Failure.OTHER;
    return new DatedRound.Handled(
        result.row().collectOn(), result.outcome(), result.left(), failure);
  }

  /**
   * What became of one row.
   *
   * @param outcome the answer's outcome label; {@code null} when there was no answer
   * @param left the row is still due at its date
   * @param failure where its handling failed, or {@code null}
   */
  record RowResult(DueRow row, String outcome, boolean left, Stage failure) {}

  /** Asks about one row and carries out the answer; never fails. */
  CompletionStage<RowResult> handle(DueRow row, LocalDate today) {
    metrics.asked();
    CompletionStage<CollectionStatus> answer;
    try {
      answer = target.collectDue(row.accountId(), row.invoiceNumber(), today);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer
        .handle(
            (status, failure) -> {
              if (failure != null) {
                metrics.failed(Stage.ASK);
                log.debug(
                    "CollectDue for invoice {} of account {} got no answer, asked again next"
                        + " round: {}",
                    row.invoiceNumber(),
                    row.accountId(),
                    describe(failure));
                return CompletableFuture.completedFuture(new RowResult(row, null, true, Stage.ASK));
              }
              String outcome = CollectionDecisions.outcomeOf(status);
              metrics.outcome(outcome);
              return carryOut(row, outcome, CollectionDecisions.decide(status, today));
            })
        .thenCompose(result -> result)
        .exceptionally(
            failure -> {
              // carryOut handles its own failures; this only guards against a bug in it
              log.error("handling the due row {} failed", row, failure);
              return new RowResult(row, null, true, Stage.STORE);
            });
  }

  private CompletionStage<RowResult> carryOut(DueRow row, String outcome, RowAction action) {
    if (action instanceof RowAction.Keep) {
      return CompletableFuture.completedFuture(new RowResult(row, outcome, true, null));
    }
    if (action instanceof RowAction.Delete) {
      return delete(row, outcome);
    }
    if (action instanceof RowAction.Move move) {
      return rows.schedule(row.on(move.to()), move.to(), clock.instant())
          .thenCompose(written -> rows.remove(row))
          .handle((done, failure) -> afterWrite(row, outcome, failure));
    }
    RowAction.HandOver handOver = (RowAction.HandOver) action;
    CompletionStage<Done> added;
    try {
      added = directDebits.addPending(handOver.instruction());
    } catch (RuntimeException e) {
      added = CompletableFuture.failedFuture(e);
    }
    return added
        .handle(
            (done, failure) -> {
              if (failure == null) {
                return delete(row, outcome);
              }
              metrics.failed(Stage.DIRECT_DEBIT);
              // the instruction carries the debtor's IBAN: only its end-to-end id is logged
              log.warn(
                  "the direct debit {} for invoice {} was not taken, asked again next round: {}",
                  handOver.instruction().endToEndId(),
                  row.invoiceNumber(),
                  describe(failure));
              return CompletableFuture.completedFuture(
                  new RowResult(row, outcome, true, Stage.DIRECT_DEBIT));
            })
        .thenCompose(result -> result);
  }

  private CompletionStage<RowResult> delete(DueRow row, String outcome) {
    return rows.remove(row).handle((done, failure) -> afterWrite(row, outcome, failure));
  }

  private RowResult afterWrite(DueRow row, String outcome, Throwable failure) {
    if (failure == null) {
      return new RowResult(row, outcome, false, null);
    }
    metrics.failed(Stage.STORE);
    log.warn(
        "the due row of invoice {} on {} was not updated, asked again next round: {}",
        row.invoiceNumber(),
        row.collectOn(),
        describe(failure));
    return new RowResult(row, outcome, true, Stage.STORE);
  }

  /** A failure's class and message, without the ask's actor paths. */
  static String describe(Throwable failure) {
    return RoundDriver.describe(failure);
  }
}
