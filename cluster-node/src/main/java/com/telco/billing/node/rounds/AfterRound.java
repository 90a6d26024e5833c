package com.telco.billing.node.rounds;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Runs after each round of a {@link RoundDriver} (ended or failed), before the next one can start:
 * e.g. where the collection driver builds the direct debit files of the day. A failure is logged
 * and counted; the next round runs it again.
 */
public interface AfterRound {

  /**
   * @param today the round's date (UTC)
   */
  CompletionStage<Done> run(LocalDate today);

  /** Nothing after a round. */
  AfterRound NOTHING = today -> CompletableFuture.completedFuture(Done.getInstance());
}
