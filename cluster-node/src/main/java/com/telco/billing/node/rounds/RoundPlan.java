package com.telco.billing.node.rounds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dates one round of a driver over dated due rows reads (the collection driver, the dunning
 * driver): from the stored watermark (the first round ever: {@code lookback-days} before today) up
 * to today (UTC), and never fewer than yesterday and today.
 *
 * <p>After a round that read every date, the watermark becomes the oldest date on which the round
 * left a row, but never later than the day before the round's date. Rows are written for today or
 * later only (the projections write a past date as today; the drivers move rows to dates after
 * today), so no row can appear below the watermark, and a round that did not read every date leaves
 * the watermark where it was: nothing is ever skipped.
 *
 * @param today the round's date
 * @param from the first date read
 */
public record RoundPlan(LocalDate today, LocalDate from) {

  /**
   * @param watermark the stored watermark, empty the first time
   */
  public static RoundPlan of(Optional<LocalDate> watermark, LocalDate today, int lookbackDays) {
    LocalDate start = watermark.orElse(today.minusDays(lookbackDays));
    LocalDate yesterday = today.minusDays(1);
    return new RoundPlan(today, start.isAfter(yesterday) ? yesterday : start);
  }

  /** The dates to read, oldest first. */
  public List<LocalDate> dates() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
      dates.add(d);
    }
    return dates;
  }

  /**
   * The watermark after the round read every date.
   *
   * @param oldestLeft the oldest date on which the round left a row, if it left any
   */
  public LocalDate nextWatermark(Optional<LocalDate> oldestLeft) {
    LocalDate yesterday = today.minusDays(1);
    return oldestLeft.filter(d -> d.isBefore(yesterday)).orElse(yesterday);
  }
}
