package com.telco.billing.node.usage.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.usage.AsyncLimiter;
import com.telco.billing.node.usage.UsageService.ReceivedRating;
import com.telco.billing.protocol.usage.UsageOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates one batch to its end: {@code rated} (outcomes stored) or {@code parked} (reason stored),
 * never an endless retry. Each attempt rates only the records that have no outcome yet, so records
 * rated in an earlier attempt keep their outcome (an {@code ACCEPTED} amount is not turned into a
 * {@code DUPLICATE}); the attempts after the first send each record alone, so that a record whose
 * event cannot be persisted fails alone and the others of its account are rated.
 *
 * <p>After {@code max-attempts} failed attempts the batch is parked with the outcomes it has, the
 * records without one counted as parked. An attempt counts only if Cassandra takes the write that
 * records it (QUORUM, like the journal): while Cassandra is down or refuses writes, failures are
 * transient, nothing is parked (nor could be), and the batch is retried with backoff as before.
 */
final class BatchRating {
  private static final Logger logger = LoggerFactory.getLogger(BatchRating.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** How a batch ended. */
  enum Ending {
    RATED,
    PARKED
  }

  /**
   * The writes of {@link IntakeLog} a batch's rating ends with; a seam so that the attempt rule can
   * be tested without Cassandra.
   */
  interface Store {
    int partitionOf(UUID batchId);

    CompletionStage<Done> putAttempt(IntakeLog.Attempt attempt);

    CompletionStage<Done> putStatus(UUID batchId, Instant ratedAt, String outcomesJson);

    CompletionStage<Done> clearAttempts(UUID batchId);

    CompletionStage<Done> park(IntakeLog.Parked parked);
  }

  private final Store log;
  private final IntakeReader.Rating rating;
  private final IntakeSettings settings;
  private final AsyncLimiter calls;
  private final Clock clock;

  BatchRating(
      Store log,
      IntakeReader.Rating rating,
      IntakeSettings settings,
      AsyncLimiter calls,
      Clock clock) {
    this.log = log;
    this.rating = rating;
    this.settings = settings;
    this.calls = calls;
    this.clock = clock;
  }

  /**
   * Rates {@code batch}, whose records have the outcomes {@code known} already (null: none; a null
   * element: that record has none), and stores how it ended.
   */
  CompletionStage<Ending> rate(IntakeLog.Batch batch, List<UsageOutcome> known) {
    List<JsonNode> elements;
    try {
      elements = IntakeService.records(batch.format(), batch.body());
    } catch (RuntimeException e) {
      // the same body fails the same way every time: park it at once
      logger.warn("usage batch {} cannot be read back: {}", batch.batchId(), e.toString());
      return park(
          batch,
          new ArrayList<>(Collections.nCopies(batch.received(), null)),
          RatingFailure.unreadable(e),
          1);
    }
    List<UsageOutcome> outcomes =
        known != null && known.size() == elements.size()
            ? new ArrayList<>(known)
            : new ArrayList<>(Collections.nCopies(elements.size(), null));
    return attempt(batch, elements, outcomes, 1, settings.attemptBackoff());
  }

  private CompletionStage<Ending> attempt(
      IntakeLog.Batch batch,
      List<JsonNode> elements,
      List<UsageOutcome> outcomes,
      int attempt,
      Duration backoff) {
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == null) {
        pending.add(i);
      }
    }
    List<JsonNode> subset = pending.stream().map(elements::get).toList();
    CompletionStage<ReceivedRating> rated;
    try {
      rated = rating.rate(subset, batch.receivedAt(), calls, attempt > 1, batch.origin());
    } catch (RuntimeException e) {
      rated = CompletableFuture.failedFuture(e);
    }
    return rated
        .handle(
            (result, failure) -> {
              int failed = 0;
              Throwable first = failure;
              for (int k = 0; k < pending.size(); k++) {
                UsageOutcome outcome = failure == null ? result.outcomes().get(k) : null;
                if (outcome != null) {
                  outcomes.set(pending.get(k), outcome);
                } else {
                  failed++;
                  if (first == null) {
                    first = result.failures().get(k);
                  }
                }
              }
              return failed == 0 ? null : RatingFailure.of(first, failed, pending.size());
            })
        .thenCompose(
            failure -> {
              if (failure == null) {
                return rated(batch, outcomes, attempt);
              }
              return counted(batch, attempt, failure)
                  .thenCompose(
                      counts -> {
                        if (counts && attempt >= settings.maxAttempts()) {
                          return park(batch, outcomes, failure, attempt);
                        }
                        logger.warn(
                            "usage batch {}: attempt {} of {} failed ({}), trying again in {}{}",
                            batch.batchId(),
                            attempt,
                            settings.maxAttempts(),
                            failure.reason(),
                            backoff,
                            counts ? "" : " (not counted: Cassandra did not take the attempt)");
                        Duration next =
                            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                                ? MAX_BACKOFF
                                : backoff.multipliedBy(2);
                        return after(backoff)
                            .thenCompose(
                                done ->
                                    attempt(
                                        batch,
                                        elements,
                                        outcomes,
                                        counts ? attempt + 1 : attempt,
                                        next));
                      });
            });
  }

  /** Whether the failed attempt counts: Cassandra took the record of it. */
  private CompletionStage<Boolean> counted(
      IntakeLog.Batch batch, int attempt, RatingFailure failure) {
    return log.putAttempt(
            new IntakeLog.Attempt(
                batch.batchId(), attempt, failure.reason(), failure.message(), clock.instant()))
        .handle((done, writeFailure) -> writeFailure == null);
  }

  private CompletionStage<Ending> rated(
      IntakeLog.Batch batch, List<UsageOutcome> outcomes, int attempt) {
    CompletionStage<?> stored =
        log.putStatus(batch.batchId(), clock.instant(), IntakeService.outcomesJson(outcomes));
    if (attempt > 1) {
      stored = stored.thenCompose(done -> log.clearAttempts(batch.batchId()));
    }
    return stored.thenApply(done -> Ending.RATED);
  }

  private CompletionStage<Ending> park(
      IntakeLog.Batch batch, List<UsageOutcome> outcomes, RatingFailure failure, int attempts) {
    logger.error(
        "usage batch {} parked after {} attempts: {}: {}",
        batch.batchId(),
        attempts,
        failure.reason(),
        failure.message());
    return log.park(
            new IntakeLog.Parked(
                log.partitionOf(batch.batchId()),
                batch.batchId(),
                clock.instant(),
                attempts,
                failure.reason(),
                failure.message(),
                IntakeService.outcomesJson(outcomes),
                null))
        .thenCompose(done -> log.clearAttempts(batch.batchId()))
        .thenApply(done -> Ending.PARKED);
  }

  private static CompletionStage<Void> after(Duration wait) {
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
  }
}
