package com.telco.billing.node.payment.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/** The due rows and the watermark in memory, with failures to order. */
final class InMemoryDueRows implements DueRows {
  final Set<DueRow> rows = ConcurrentHashMap.newKeySet();
  volatile LocalDate watermark;
  volatile LocalDate failReadsOn;
  volatile boolean failRemoves;
  volatile int watermarkWrites;

  InMemoryDueRows add(DueRow... due) {
    rows.addAll(List.of(due));
    return this;
  }

  @Override
  public Source<DueRow, NotUsed> dueOn(LocalDate collectOn) {
    return Source.single(collectOn)
        .mapConcat(
            date -> {
              if (date.equals(failReadsOn)) {
                throw new IllegalStateException("read of " + date + " failed");
              }
              return rows.stream()
                  .filter(r -> r.collectOn().equals(date))
                  .sorted(
                      Comparator.comparing(DueRow::accountId).thenComparing(DueRow::invoiceNumber))
                  .toList();
            });
  }

  @Override
  public CompletionStage<Done> schedule(DueRow row, LocalDate requestedOn, Instant scheduledAt) {
    rows.add(row);
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public CompletionStage<Done> remove(DueRow row) {
    if (failRemoves) {
      return CompletableFuture.failedFuture(new IllegalStateException("delete failed"));
    }
    rows.remove(row);
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public CompletionStage<Optional<LocalDate>> watermark() {
    return CompletableFuture.completedFuture(Optional.ofNullable(watermark));
  }

  @Override
  public CompletionStage<Done> saveWatermark(LocalDate watermark) {
    this.watermark = watermark;
    watermarkWrites++;
    return CompletableFuture.completedFuture(Done.getInstance());
  }
}
