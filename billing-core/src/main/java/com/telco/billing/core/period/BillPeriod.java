package com.telco.billing.core.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One bill period of an account: the calendar dates {@code [start, end)} in the account's zone,
 * from one cycle date to the next.
 *
 * <p>docs/billing-rules.md, "Periods and time": an account's bill periods are {@code [cycle date k,
 * cycle date k+1)} where the cycle dates are day {@code d} of each month at 00:00 in the account's
 * zone. The period is identified by its {@link #start()} date (the period key of rated usage and
 * counters).
 *
 * @param start the cycle date that opens the period (its first date)
 * @param end the next cycle date (the first date after the period)
 */
public record BillPeriod(LocalDate start, LocalDate end) {

  public BillPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("period end " + end + " not after start " + start);
    }
  }

  /** Whether the calendar date {@code date} is one of the period's dates. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(end);
  }

  /** The number of dates in the period ({@code daysInBillPeriod} of the proration rule). */
  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }

  /** The instant at which the period starts in {@code zone} (the start of its first day). */
  public Instant startInstant(ZoneId zone) {
    return start.atStartOfDay(zone).toInstant();
  }

  /** The instant at which the period ends in {@code zone} (the start of the next cycle date). */
  public Instant endInstant(ZoneId zone) {
    return end.atStartOfDay(zone).toInstant();
  }

  /** The period that follows this one. */
  public BillPeriod next() {
    return new BillPeriod(end, end.plusMonths(1));
  }

  /** The period that precedes this one. */
  public BillPeriod previous() {
    return new BillPeriod(start.minusMonths(1), start);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
