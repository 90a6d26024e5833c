package com.telco.billing.core.rating;

import com.telco.billing.core.catalog.BandSchedule;
import com.telco.billing.core.catalog.TimeBand;
import com.telco.billing.core.catalog.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link BandSchedule} compiled for look-up by day of week and nanosecond of day: per day, the
 * window starts in ascending order and the band index of each. Answers what {@link
 * BandSchedule#bandAt} answers, without allocating.
 */
final class BandLookup {
  private static final long DAY_NANOS = 86_400_000_000_000L;

  private final long[][] starts = new long[7][];
  private final int[][] bands = new int[7][];

  BandLookup(BandSchedule schedule) {
    List<List<long[]>> perDay = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      perDay.add(new ArrayList<>());
    }
    List<TimeBand> all = schedule.bands();
    for (int b = 0; b < all.size(); b++) {
      for (TimeWindow w : all.get(b).windows()) {
        long start = w.startTime().toNanoOfDay();
        long end = w.endTime().equals(LocalTime.MIDNIGHT) ? DAY_NANOS : w.endTime().toNanoOfDay();
        for (DayOfWeek day : w.days()) {
          perDay.get(day.getValue() - 1).add(new long[] {start, end, b});
        }
      }
    }
    for (int d = 0; d < 7; d++) {
      List<long[]> segments = perDay.get(d);
      segments.sort(Comparator.comparingLong(s -> s[0]));
      starts[d] = new long[segments.size()];
      bands[d] = new int[segments.size()];
      for (int i = 0; i < segments.size(); i++) {
        starts[d][i] = segments.get(i)[0];
        bands[d][i] = (int) segments.get(i)[2];
      }
    }
  }

  /**
   * The index (in schedule order) of the band covering the time.
   *
   * @param dayIndex 0 for Monday .. 6 for Sunday
   * @param nanoOfDay nanoseconds since local midnight
   */
  int bandAt(int dayIndex, long nanoOfDay) {
    long[] s = starts[dayIndex];
    int i = s.length - 1;
    while (i > 0 && s[i] > nanoOfDay) {
      i--;
    }
    return bands[dayIndex][i];
  }
}
