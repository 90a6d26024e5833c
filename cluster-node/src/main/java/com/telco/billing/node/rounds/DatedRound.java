package com.telco.billing.node.rounds;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One round over dated due rows: reads the rows of the {@link RoundPlan}'s dates, oldest first,
 * hands each to {@code handle} (at most {@code parallelism} in flight), and stores the next
 * watermark once every date was read. Reading the rows or the watermark failing fails the round
 * (the watermark stays); {@code handle} must never fail (it reports its failures in {@link
 * Handled}).
 */
public final class DatedRound {
  private DatedRound() {}

  /**
   * What became of one row.
   *
   * @param dueOn the row's date
   * @param outcome the answer's outcome label; {@code null} when there was no answer
   * @param left the row is still due at its date
   * @param failure where its handling failed
   */
  public record Handled(LocalDate dueOn, String outcome, boolean left, Failure failure) {}

  /** Where a row's handling failed. */
  public enum Failure {
    NONE,
    /** The ask got no answer (refused, timed out). */
    ASK,
    /** The answer could not be carried out (e.g. a row write failed). */
    OTHER
  }

  /** Runs the round for {@code today}. */
  public static <R> CompletionStage<RoundReport> run(
      DatedRows<R> rows,
      LocalDate today,
      int lookbackDays,
      int parallelism,
      Function<R, CompletionStage<Handled>> handle,
      Materializer materializer) {
    return rows.watermark()
        .thenCompose(
            watermark -> {
              RoundPlan plan = RoundPlan.of(watermark, today, lookbackDays);
              return Source.from(plan.dates())
                  .flatMapConcat(rows::dueOn)
                  .mapAsyncUnordered(parallelism, handle::apply)
                  .runFold(new Tally(), Tally::add, materializer)
                  .thenCompose(tally -> tally.finish(rows, plan, watermark));
            });
  }

  /** The round's counts, folded one row at a time (the fold is sequential). */
  static final class Tally {
    long read;
    long askFailures;
    long otherFailures;
    long left;
    LocalDate oldestLeft;
    final Map<String, Long> outcomes = new HashMap<>();

    Tally add(Handled result) {
      read++;
      if (result.outcome() != null) {
        outcomes.merge(result.outcome(), 1L, Long::sum);
      }
      if (result.failure() == Failure.ASK) {
        askFailures++;
      } else if (result.failure() == Failure.OTHER) {
        otherFailures++;
      }
      if (result.left()) {
        left++;
        if (oldestLeft == null || result.dueOn().isBefore(oldestLeft)) {
          oldestLeft = result.dueOn();
        }
      }
      return this;
    }

    CompletionStage<RoundReport> finish(
        DatedRows<?> rows, RoundPlan plan, Optional<LocalDate> watermark) {
      LocalDate next = plan.nextWatermark(Optional.ofNullable(oldestLeft));
      CompletionStage<Done> saved =
          watermark.equals(Optional.of(next))
              ? CompletableFuture.completedFuture(Done.getInstance())
              : rows.saveWatermark(next);
      return saved.thenApply(
          done ->
              new RoundReport(
                  plan.today(),
                  plan.from(),
                  read,
                  outcomes,
                  askFailures,
                  otherFailures,
                  left,
                  next));
    }
  }
}
