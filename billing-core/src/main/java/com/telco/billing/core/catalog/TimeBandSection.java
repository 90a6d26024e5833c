package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.BAND_GAP;
import static com.telco.billing.core.catalog.CatalogErrors.BAND_OVERLAP;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_DAY;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_TIME_BAND;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_TIME;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_TIME_WINDOW;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;

import com.telco.billing.core.catalog.CatalogDocument.TimeBandJson;
import com.telco.billing.core.catalog.CatalogDocument.TimeWindowJson;
import com.telco.billing.core.validation.Validator;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The time bands of a usage charge ({@code prices[].timeBands}, docs/catalog.md, "{@code prices[]}:
 * every charge"). docs/billing-rules.md, "Rating a usage record", step 3: the bands of a charge
 * cover every moment of the week exactly once; a window lies within one day ({@code 24:00} ends
 * it).
 */
final class TimeBandSection extends CatalogSection {
  TimeBandSection(Validator v) {
    super(v);
  }

  BandSchedule bandSchedule(List<TimeBandJson> bands, String path, Set<String> ids) {
    if (bands == null || bands.isEmpty()) {
      return BandSchedule.NONE;
    }
    boolean windowsValid = true;
    List<WeekCoverage.Segment> segments = new ArrayList<>();
    Map<String, List<TimeWindow>> windowsById = new LinkedHashMap<>();
    for (int i = 0; i < bands.size(); i++) {
      String bp = path + "[" + i + "]";
      TimeBandJson band = bands.get(i);
      if (band == null) {
        error(REQUIRED, bp, bp + " must not be null");
        windowsValid = false;
        continue;
      }
      if (v.requireText(band.id(), bp + ".id") && !ids.add(band.id())) {
        error(DUPLICATE_TIME_BAND, bp + ".id", "time band " + band.id() + " is defined twice");
      }
      if (band.windows() == null || band.windows().isEmpty()) {
        error(REQUIRED, bp + ".windows", "a time band needs at least one window");
        windowsValid = false;
        continue;
      }
      List<TimeWindow> windows = new ArrayList<>();
      for (int k = 0; k < band.windows().size(); k++) {
        String wp = bp + ".windows[" + k + "]";
        TimeWindow w = window(band.windows().get(k), wp);
        if (w == null) {
          windowsValid = false;
          continue;
        }
        windows.add(w);
        for (DayOfWeek day : w.days()) {
          segments.add(
              new WeekCoverage.Segment(day, w.startTime().toNanoOfDay(), w.endNanoOfDay(), wp));
        }
      }
      if (band.id() != null) {
        windowsById.putIfAbsent(band.id(), windows);
      }
    }
    if (windowsValid) {
      coverage(WeekCoverage.analyse(segments), path);
    }
    if (!building()) {
      return null;
    }
    List<TimeBand> result = new ArrayList<>();
    windowsById.forEach((id, windows) -> result.add(new TimeBand(id, windows)));
    return new BandSchedule(result);
  }

  private void coverage(WeekCoverage.Result result, String path) {
    Map<List<Long>, List<String>> gaps = new LinkedHashMap<>();
    for (WeekCoverage.Gap g : result.gaps()) {
      gaps.computeIfAbsent(List.of(g.start(), g.end()), k -> new ArrayList<>()).add(g.day().name());
    }
    gaps.forEach(
        (range, days) ->
            error(
                BAND_GAP,
                path,
                "no time band covers "
                    + WeekCoverage.format(range.get(0))
                    + "-"
                    + WeekCoverage.format(range.get(1))
                    + " on "
                    + String.join(", ", days)));
    Map<List<String>, List<String>> overlaps = new LinkedHashMap<>();
    for (WeekCoverage.Overlap o : result.overlaps()) {
      overlaps
          .computeIfAbsent(List.of(o.first(), o.second()), k -> new ArrayList<>())
          .add(o.day().name());
    }
    overlaps.forEach(
        (pair, days) ->
            error(
                BAND_OVERLAP,
                pair.get(1),
                "overlaps " + pair.get(0) + " on " + String.join(", ", days)));
  }

  private TimeWindow window(TimeWindowJson w, String path) {
    if (w == null) {
      error(REQUIRED, path, path + " must not be null");
      return null;
    }
    int mark = mark();
    List<DayOfWeek> days = new ArrayList<>();
    if (w.days() == null || w.days().isEmpty()) {
      error(REQUIRED, path + ".days", "a window needs at least one day");
    } else {
      for (int i = 0; i < w.days().size(); i++) {
        String dp = path + ".days[" + i + "]";
        String name = w.days().get(i);
        if (!v.requireText(name, dp)) {
          continue;
        }
        DayOfWeek day =
            Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElse(null);
        if (day == null) {
          invalidValue(dp, name, DayOfWeek.values());
        } else if (days.contains(day)) {
          error(DUPLICATE_DAY, dp, day + " is listed twice");
        } else {
          days.add(day);
        }
      }
    }
    LocalTime start = time(w.startTime(), path + ".startTime", false);
    LocalTime end = time(w.endTime(), path + ".endTime", true);
    if (start != null && end != null) {
      if (end.equals(LocalTime.MIDNIGHT) && !CatalogValidator.END_OF_DAY.equals(w.endTime())) {
        error(
            INVALID_TIME_WINDOW,
            path + ".endTime",
            "endTime " + w.endTime() + " ends before it starts; use 24:00 for the end of the day");
      } else if (TimeWindow.endNanos(end) <= start.toNanoOfDay()) {
        error(
            INVALID_TIME_WINDOW,
            path + ".endTime",
            "endTime "
                + w.endTime()
                + " must be after startTime "
                + w.startTime()
                + " (a window never crosses midnight: split it in two)");
      }
    }
    return clean(mark) ? new TimeWindow(days, start, end) : null;
  }

  private LocalTime time(String value, String path, boolean end) {
    if (!v.requireText(value, path)) {
      return null;
    }
    if (end && CatalogValidator.END_OF_DAY.equals(value)) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      error(
          INVALID_TIME, path, "not a time such as 08:00 or 08:00:30" + (end ? " (or 24:00)" : ""));
      return null;
    }
  }
}
