package com.telco.billing.core.subscription;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A half-open range of calendar dates {@code [from, until)} in an account's zone: it covers the
 * dates {@code from} .. {@code until - 1 day} (docs/billing-rules.md, "Periods and time": a service
 * period {@code [start, end)}). {@code until} is null for a range without end; {@code from ==
 * until} is an empty range, which covers no date.
 *
 * @param from the first date covered
 * @param until the first date no longer covered, or null when the range is open
 */
public record DateRange(LocalDate from, LocalDate until) {

  public DateRange {
    Objects.requireNonNull(from, "from");
    if (until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("until " + until + " is before from " + from);
    }
  }

  /** The range {@code [from, until)}. */
  public static DateRange of(LocalDate from, LocalDate until) {
    return new DateRange(from, Objects.requireNonNull(until, "until"));
  }

  /** The open range {@code [from, ...)}. */
  public static DateRange startingOn(LocalDate from) {
    return new DateRange(from, null);
  }

  /** True when the range has no end. */
  public boolean openEnded() {
    return until == null;
  }

  /** True when the range covers no date at all ({@code from == until}). */
  public boolean hasNoDates() {
    return until != null && until.equals(from);
  }

  /** True when {@code date} is in {@code [from, until)}. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && (until == null || date.isBefore(until));
  }

  /** True when some date is covered by both ranges; an empty range overlaps nothing. */
  public boolean overlaps(DateRange other) {
    if (hasNoDates() || other.hasNoDates()) {
      return false;
    }
    boolean startsBeforeOtherEnds = other.until == null || from.isBefore(other.until);
    boolean otherStartsBeforeThisEnds = until == null || other.from.isBefore(until);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  @Override
  public String toString() {
    return "[" + from + ", " + (until == null ? "..." : until) + ")";
  }
}
