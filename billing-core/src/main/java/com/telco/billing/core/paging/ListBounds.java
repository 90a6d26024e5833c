package com.telco.billing.core.paging;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules every paged list endpoint applies to its {@code limit} and time range before it reads
 * anything (docs/usage.md, "Suspense"): a list never answers more than a maximum number of entries
 * at once, a time range is bounded (a maximum span, and dates between 2000-01-01 and a day after
 * now), and a refusal says which field is wrong without repeating the submitted value.
 *
 * <p>All checks are on the text itself (length, ASCII digits) before any parsing, so that an absurd
 * value is refused in microseconds: {@code Integer.parseInt} would accept non-ASCII digits, and a
 * year of -999,999,999 is a valid {@link Instant} that only the range rule refuses.
 */
public final class ListBounds {
  /** Nothing in this system happened before: an earlier date is a client's mistake. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** How far past now a range may reach (clock skew, time zones); further is a mistake. */
  public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

  /** An ISO-8601 instant with nanoseconds and an offset is 35 characters; longer is refused. */
  private static final int MAX_INSTANT_LENGTH = 40;

  private ListBounds() {}

  /** A half-open time range {@code [from, to)}. */
  public record TimeRange(Instant from, Instant to) {}

  /**
   * The {@code limit} query parameter: {@code defaultLimit} when absent, else a whole number in
   * {@code 1..maxLimit} written in ASCII digits ({@code invalid_limit}, {@code out_of_range}).
   */
  public static Validated<Integer> limit(String raw, int defaultLimit, int maxLimit) {
    if (raw == null) {
      return Validated.valid(defaultLimit);
    }
    if (raw.isEmpty() || !asciiDigits(raw)) {
      return invalid("invalid_limit", "limit", "limit must be a whole number");
    }
    int start = 0;
    while (start < raw.length() - 1 && raw.charAt(start) == '0') {
      start++;
    }
    // more than 9 digits cannot be in range and would overflow an int: no parsing needed
    if (raw.length() - start > 9) {
      return outOfRangeLimit(maxLimit);
    }
    int value = Integer.parseInt(raw, start, raw.length(), 10);
    if (value < 1 || value > maxLimit) {
      return outOfRangeLimit(maxLimit);
    }
    return Validated.valid(value);
  }

  /** The {@code limit} of a JSON body (any JSON number, absent is null), same rules. */
  public static Validated<Integer> limit(BigDecimal raw, int defaultLimit, int maxLimit) {
    if (raw == null) {
      return Validated.valid(defaultLimit);
    }
    // compareTo looks at the exponents first, so 1e1000000 costs no more than 5
    if (raw.signum() <= 0 || raw.compareTo(BigDecimal.valueOf(maxLimit)) > 0) {
      return outOfRangeLimit(maxLimit);
    }
    if (raw.stripTrailingZeros().scale() > 0) {
      return invalid("invalid_limit", "limit", "limit must be a whole number");
    }
    return Validated.valid(raw.intValueExact());
  }

  /**
   * An instant parameter named {@code field}: ISO-8601 ({@code invalid_instant}) and within {@link
   * #EARLIEST} .. now + {@link #FUTURE_TOLERANCE} ({@code out_of_range}).
   */
  public static Validated<Instant> instant(String raw, String field, Instant now) {
    if (raw == null || raw.isEmpty() || raw.length() > MAX_INSTANT_LENGTH || !printableAscii(raw)) {
      return invalidInstant(field);
    }
    Instant instant;
    try {
      instant = Instant.parse(raw);
    } catch (DateTimeException e) {
      return invalidInstant(field);
    }
    return plausible(instant, field, now);
  }

  /**
   * The range of the {@code from}/{@code to} parameters (either may be absent): {@code to} defaults
   * to {@code now}, {@code from} to {@code defaultSpan} before {@code to}; then {@link
   * #range(Instant, Instant, Instant, Duration)}.
   */
  public static Validated<TimeRange> range(
      String from, String to, Instant now, Duration defaultSpan, Duration maxSpan) {
    Instant end = now;
    if (to != null) {
      Validated<Instant> parsed = instant(to, "to", now);
      if (!parsed.isValid()) {
        return Validated.invalid(parsed.errors());
      }
      end = parsed.value();
    }
    Instant start = end.minus(defaultSpan);
    if (from != null) {
      Validated<Instant> parsed = instant(from, "from", now);
      if (!parsed.isValid()) {
        return Validated.invalid(parsed.errors());
      }
      start = parsed.value();
    }
    return range(start, end, now, maxSpan);
  }

  /**
   * A range as the rules allow it: both ends plausible, {@code from} before {@code to} ({@code
   * invalid_range}), at most {@code maxSpan} long ({@code out_of_range}). A cursor's range is
   * checked here again, so that a cursor cannot carry a range a query could not.
   */
  public static Validated<TimeRange> range(
      Instant from, Instant to, Instant now, Duration maxSpan) {
    Validated<Instant> start = plausible(from, "from", now);
    if (!start.isValid()) {
      return Validated.invalid(start.errors());
    }
    Validated<Instant> end = plausible(to, "to", now);
    if (!end.isValid()) {
      return Validated.invalid(end.errors());
    }
    if (!from.isBefore(to)) {
      return invalid("invalid_range", "to", "to must be after from");
    }
    if (Duration.between(from, to).compareTo(maxSpan) > 0) {
      return invalid(
          "out_of_range",
          "to",
          "from and to may be at most "
              + maxSpan.toDays()
              + " days apart; page through longer"
              + " periods one range at a time");
    }
    return Validated.valid(new TimeRange(from, to));
  }

  private static Validated<Instant> plausible(Instant instant, String field, Instant now) {
    if (instant.isBefore(EARLIEST)) {
      return invalid("out_of_range", field, field + " must not be before " + EARLIEST);
    }
    if (instant.isAfter(now.plus(FUTURE_TOLERANCE))) {
      return invalid(
          "out_of_range", field, field + " must not be more than one day after the current time");
    }
    return Validated.valid(instant);
  }

  private static Validated<Instant> invalidInstant(String field) {
    return invalid(
        "invalid_instant",
        field,
        field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
  }

  private static Validated<Integer> outOfRangeLimit(int maxLimit) {
    return invalid("out_of_range", "limit", "limit must be between 1 and " + maxLimit);
  }

  private static <T> Validated<T> invalid(String code, String field, String message) {
    return Validated.invalid(List.of(new FieldError(code, field, message)));
  }

  private static boolean asciiDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean printableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }
}
