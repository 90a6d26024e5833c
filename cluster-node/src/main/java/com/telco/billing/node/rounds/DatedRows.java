package com.telco.billing.node.rounds;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What a driver over dated due rows reads: the rows of a date, one partition per date, and its
 * watermark (the oldest date that may still have rows).
 *
 * @param <R> the row type
 */
public interface DatedRows<R> {

  /** The rows due on {@code date}, read page by page as the stream pulls them. */
  Source<R, NotUsed> dueOn(LocalDate date);

  /** The oldest date that may still have rows; empty before the first round ever ended. */
  CompletionStage<Optional<LocalDate>> watermark();

  /** Stores the watermark. */
  CompletionStage<Done> saveWatermark(LocalDate watermark);
}
