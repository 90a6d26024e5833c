package com.telco.billing.core.catalog;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A weekly recurring window of local time: {@code [startTime, endTime)} on each of {@code days}. An
 * {@code endTime} of {@link LocalTime#MIDNIGHT} means the end of the day (24:00), so {@code
 * 00:00-00:00} is the whole day. Windows never cross midnight: a night band is two windows.
 *
 * <p>docs/billing-rules.md, "Rating a usage record", step 3: time bands such as peak Mon-Fri
 * 08:00-20:00 are read in the account's zone; the caller converts the usage instant to that zone.
 *
 * @param days the days the window applies to, each at most once
 * @param startTime start of the window (inclusive)
 * @param endTime end of the window (exclusive); midnight means 24:00
 */
public record TimeWindow(List<DayOfWeek> days, LocalTime startTime, LocalTime endTime) {
  public TimeWindow {
    days = List.copyOf(days);
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    if (days.isEmpty() || new HashSet<>(days).size() != days.size()) {
      throw new IllegalArgumentException("days must be non-empty and distinct: " + days);
    }
    if (endNanos(endTime) <= startTime.toNanoOfDay()) {
      throw new IllegalArgumentException(
          "window ends before it starts: " + startTime + "-" + endTime);
    }
  }

  /** Whether the local date-time falls in this window. */
  public boolean covers(LocalDateTime local) {
    long t = local.toLocalTime().toNanoOfDay();
    return days.contains(local.getDayOfWeek())
        && t >= startTime.toNanoOfDay()
        && t < endNanos(endTime);
  }

  /** The end as nanoseconds of the day, 24:00 being a full day. */
  long endNanoOfDay() {
    return endNanos(endTime);
  }

  static long endNanos(LocalTime end) {
    return end.equals(LocalTime.MIDNIGHT) ? WeekCoverage.DAY : end.toNanoOfDay();
  }
}
