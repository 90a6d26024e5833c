package com.telco.billing.core.validation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parses an ISO-8601 date-time with an offset ({@link OffsetDateTime#parse}'s format) into an
 * instant, as a usage record's {@code usageDate} is sent.
 *
 * <p>Mediation sends tens of thousands of these per second, nearly all of one shape: {@code
 * 2026-03-02T08:00:00Z}, {@code 2026-03-02T08:00:00.250+01:00}. Those are read digit by digit here
 * (the JDK's formatter builds a parse context and a map of fields for each, a large share of the
 * intake's garbage); anything else, or any field out of range, goes to {@link
 * OffsetDateTime#parse}, so the strings accepted, the instants and the exceptions are exactly the
 * JDK's.
 */
public final class IsoInstants {
  private IsoInstants() {}

  /**
   * The instant of {@code text}, as {@code OffsetDateTime.parse(text).toInstant()}.
   *
   * @throws DateTimeException (a {@link java.time.format.DateTimeParseException}) if {@code text}
   *     is not such a date-time
   */
  public static Instant parseOffsetDateTime(String text) {
    Instant fast = fastPath(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} in range, else {@code null}. */
  private static Instant fastPath(String s) {
    int n = s.length();
    if (n < 20 || n > 35) {
      return null;
    }
    if (s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int offsetHours = digits(s, i + 1, 2);
      int offsetMinutes = digits(s, i + 4, 2);
      if ((offsetHours | offsetMinutes) < 0) {
        return null;
      }
      int sign = s.charAt(i) == '-' ? -1 : 1;
      try {
        offsetSeconds =
            ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes).getTotalSeconds();
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      int secondOfDay = LocalTime.of(hour, minute, second).toSecondOfDay();
      return Instant.ofEpochSecond(epochDay * 86_400L + secondOfDay - offsetSeconds, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
