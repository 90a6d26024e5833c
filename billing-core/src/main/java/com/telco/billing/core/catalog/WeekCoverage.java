package com.telco.billing.core.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that a set of weekly time segments covers every instant of the week exactly once: the rule
 * behind a time band schedule (docs/billing-rules.md, "Rating a usage record", step 3: every usage
 * event falls in exactly one band). Times are nanoseconds of the day; {@link #DAY} is 24:00.
 */
final class WeekCoverage {
  static final long DAY = 24L * 60 * 60 * 1_000_000_000L;

  private WeekCoverage() {}

  /** A part of one day, {@code [start, end)}, labelled with where it came from. */
  record Segment(DayOfWeek day, long start, long end, String tag) {}

  /** A part of one day that no segment covers. */
  record Gap(DayOfWeek day, long start, long end) {}

  /** Two segments that cover the same time of one day; {@code second} starts later (or equal). */
  record Overlap(DayOfWeek day, String first, String second) {}

  record Result(List<Gap> gaps, List<Overlap> overlaps) {
    boolean exact() {
      return gaps.isEmpty() && overlaps.isEmpty();
    }
  }

  static Result analyse(List<Segment> segments) {
    List<Gap> gaps = new ArrayList<>();
    List<Overlap> overlaps = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<Segment> ofDay =
          segments.stream()
              .filter(s -> s.day() == day)
              .sorted(Comparator.comparingLong(Segment::start).thenComparingLong(Segment::end))
              .toList();
      long cursor = 0;
      String reaching = null;
      for (Segment s : ofDay) {
        if (s.start() > cursor) {
          gaps.add(new Gap(day, cursor, s.start()));
        } else if (s.start() < cursor) {
          overlaps.add(new Overlap(day, reaching, s.tag()));
        }
        if (s.end() > cursor) {
          cursor = s.end();
          reaching = s.tag();
        }
      }
      if (cursor < DAY) {
        gaps.add(new Gap(day, cursor, DAY));
      }
    }
    return new Result(gaps, overlaps);
  }

  /** {@code 08:00}, {@code 08:00:30} or {@code 24:00}. */
  static String format(long nanoOfDay) {
    return nanoOfDay == DAY ? "24:00" : LocalTime.ofNanoOfDay(nanoOfDay).toString();
  }
}
