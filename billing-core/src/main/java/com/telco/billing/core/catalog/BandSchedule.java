package com.telco.billing.core.catalog;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The time bands of a usage charge. Either empty (the charge has one price whatever the time) or a
 * set of bands that together cover the whole week, 7 x 24 h, exactly once: every local date-time
 * belongs to exactly one band.
 *
 * <p>docs/billing-rules.md, "Rating a usage record", step 3: price selection by time band (e.g.
 * peak Mon-Fri 08:00-20:00 in the account's zone); a charge without zones or bands has one price.
 *
 * @param bands the bands; empty when the charge does not use time bands
 */
public record BandSchedule(List<TimeBand> bands) {

  /** The schedule of a charge without time bands. */
  public static final BandSchedule NONE = new BandSchedule(List.of());

  public BandSchedule {
    bands = List.copyOf(bands);
    if (!bands.isEmpty()) {
      Set<String> ids = new HashSet<>();
      List<WeekCoverage.Segment> segments = new ArrayList<>();
      for (TimeBand band : bands) {
        if (!ids.add(band.id())) {
          throw new IllegalArgumentException("duplicate time band " + band.id());
        }
        for (TimeWindow w : band.windows()) {
          for (DayOfWeek day : w.days()) {
            segments.add(
                new WeekCoverage.Segment(
                    day, w.startTime().toNanoOfDay(), w.endNanoOfDay(), band.id()));
          }
        }
      }
      WeekCoverage.Result coverage = WeekCoverage.analyse(segments);
      if (!coverage.exact()) {
        throw new IllegalArgumentException(
            "time bands must cover the week exactly once: gaps "
                + coverage.gaps()
                + ", overlaps "
                + coverage.overlaps());
      }
    }
  }

  /**
   * The id of the band that contains the local date-time (the usage start converted by the caller
   * to the account's zone); empty when the schedule has no bands.
   */
  public Optional<String> bandAt(LocalDateTime local) {
    for (TimeBand band : bands) {
      if (band.covers(local)) {
        return Optional.of(band.id());
      }
    }
    return Optional.empty();
  }

  /** The band ids in schedule order. */
  public List<String> bandIds() {
    return bands.stream().map(TimeBand::id).toList();
  }
}
