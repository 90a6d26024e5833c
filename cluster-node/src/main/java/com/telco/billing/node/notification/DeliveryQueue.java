package com.telco.billing.node.notification;

import com.telco.billing.node.notification.NotificationStore.QueueRow;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What the {@link DeliveryWorker} reads of the queue and where it keeps its watermark: {@link
 * NotificationStore} in Cassandra, in memory in the worker's tests.
 */
public interface DeliveryQueue {

  /** The oldest minute that may still hold rows, if one was saved. */
  CompletionStage<Optional<Long>> watermark();

  CompletionStage<Done> saveWatermark(long minute, Instant at);

  /** The rows of the minutes {@code from} to {@code to}, inclusive, by minute and time. */
  Source<QueueRow, NotUsed> queue(long from, long to);
}
