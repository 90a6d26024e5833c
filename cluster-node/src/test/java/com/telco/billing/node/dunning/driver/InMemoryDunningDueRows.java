package com.telco.billing.node.dunning.driver;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/** The dunning due rows in memory, each with its write version, with failures to order. */
public final class InMemoryDunningDueRows implements DunningDueRows {
  /** account@date -> version. */
  public final Map<String, Long> rows = new ConcurrentHashMap<>();

  private final AtomicLong versions = new AtomicLong();
  public volatile LocalDate watermark;
  public volatile boolean failRemoves;

  public static String key(String accountId, LocalDate on) {
    return accountId + "@" + on;
  }

  @Override
  public Source<DunningDueRow, NotUsed> dueOn(LocalDate date) {
    return Source.single(date)
        .mapConcat(
            d ->
                rows.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("@" + d))
                    .map(
                        e ->
                            new DunningDueRow(
                                d, e.getKey().substring(0, e.getKey().indexOf('@')), e.getValue()))
                    .sorted(Comparator.comparing(DunningDueRow::accountId))
                    .toList());
  }

  @Override
  public CompletionStage<Done> schedule(String accountId, LocalDate on) {
    rows.put(key(accountId, on), versions.incrementAndGet());
    return done();
  }

  @Override
  public CompletionStage<Done> remove(String accountId, LocalDate on) {
    rows.remove(key(accountId, on));
    return done();
  }

  @Override
  public CompletionStage<Done> removeIfUnchanged(DunningDueRow row) {
    if (failRemoves) {
      return CompletableFuture.failedFuture(new IllegalStateException("delete failed"));
    }
    rows.remove(key(row.accountId(), row.evaluateOn()), row.version());
    return done();
  }

  @Override
  public CompletionStage<Optional<LocalDate>> watermark() {
    return CompletableFuture.completedFuture(Optional.ofNullable(watermark));
  }

  @Override
  public CompletionStage<Done> saveWatermark(LocalDate newWatermark) {
    this.watermark = newWatermark;
    return done();
  }

  private static CompletionStage<Done> done() {
    return CompletableFuture.completedFuture(Done.getInstance());
  }
}
