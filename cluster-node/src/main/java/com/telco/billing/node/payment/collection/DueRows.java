package com.telco.billing.node.payment.collection;

import com.telco.billing.node.rounds.DatedRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What the collection driver keeps: the due rows, one partition per collection date, and its
 * watermark. {@link CollectionStore} keeps them in Cassandra; the seam lets the round be tested
 * without one.
 */
public interface DueRows extends DatedRows<DueRow> {

  /** The rows due on {@code collectOn}, read page by page as the stream pulls them. */
  @Override
  Source<DueRow, NotUsed> dueOn(LocalDate collectOn);

  /**
   * Writes {@code row} (an upsert: writing it again changes nothing).
   *
   * @param requestedOn the date the account asked for (earlier than the row's date only when that
   *     was already past when the row was written)
   * @param scheduledAt when it was asked for
   */
  CompletionStage<Done> schedule(DueRow row, LocalDate requestedOn, Instant scheduledAt);

  /** Deletes {@code row}; deleting a row that is not there changes nothing. */
  CompletionStage<Done> remove(DueRow row);
}
