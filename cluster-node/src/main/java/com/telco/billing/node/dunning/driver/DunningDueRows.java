package com.telco.billing.node.dunning.driver;

import com.telco.billing.node.rounds.DatedRows;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * The dunning driver's due rows, one partition per evaluation date with a row per account, and its
 * watermark. {@link DunningDueStore} keeps them in Cassandra; the seam lets the round and the
 * projection be tested without one.
 */
public interface DunningDueRows extends DatedRows<DunningDueRow> {

  /** Writes the row of {@code accountId} on {@code on} (an upsert, a new version). */
  CompletionStage<Done> schedule(String accountId, LocalDate on);

  /**
   * Deletes the row of {@code accountId} on {@code on}; a row that is not there changes nothing.
   */
  CompletionStage<Done> remove(String accountId, LocalDate on);

  /**
   * Deletes {@code row} unless it was written again after it was read (its {@code version}): the
   * projection may have written the same date again meanwhile, and that row must stay.
   */
  CompletionStage<Done> removeIfUnchanged(DunningDueRow row);
}
