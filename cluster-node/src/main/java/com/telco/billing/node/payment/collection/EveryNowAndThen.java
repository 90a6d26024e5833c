package com.telco.billing.node.payment.collection;

import com.telco.billing.node.rounds.AfterRound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * An {@link AfterRound} that runs its work after a round only when {@code every} has passed since
 * it last succeeded, or the date changed: rounds come every few seconds, the direct debit files of
 * a date need building far less often (and each build reads Cassandra).
 */
public final class EveryNowAndThen implements AfterRound {
  private final AfterRound work;
  private final Duration every;
  private final Clock clock;
  private volatile Instant lastDone;
  private volatile LocalDate lastDate;

  public EveryNowAndThen(AfterRound work, Duration every, Clock clock) {
    this.work = work;
    this.every = every;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Done> run(LocalDate today) {
    Instant now = clock.instant();
    Instant last = lastDone;
    if (last != null && today.equals(lastDate) && now.isBefore(last.plus(every))) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return work.run(today)
        .thenApply(
            done -> {
              lastDone = now;
              lastDate = today;
              return done;
            });
  }
}
