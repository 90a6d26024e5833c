package com.telco.billing.core.period;

import com.telco.billing.core.account.AccountProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which bill period contains a date or an instant, for an account's bill cycle day and zone.
 *
 * <p>docs/billing-rules.md, "Periods and time": an account with bill cycle day {@code d} (1..28)
 * has the periods {@code [cycle date k, cycle date k+1)}, the cycle dates being day {@code d} of
 * each month at 00:00 in the account's zone; usage belongs to the period that contains its {@code
 * usageDate} in the account's zone. Since {@code d <= 28}, every month has a cycle date, and a
 * period always starts on day {@code d} and ends on day {@code d} of the next month.
 *
 * <p>An instant's period follows from its calendar date in the zone: the start of a cycle date is
 * the first valid local time of that day (midnight, or the end of a daylight-saving gap), so an
 * instant belongs to the period of its local date. All methods are pure and allocate at most the
 * returned value.
 */
public final class BillPeriods {

  private BillPeriods() {}

  /**
   * The first date of the period that contains {@code date}: day {@code cycleDay} of the same month
   * when {@code date} is on or after it, else of the previous month.
   *
   * @throws IllegalArgumentException if {@code cycleDay} is outside 1..28
   */
  public static LocalDate periodStartOn(LocalDate date, int cycleDay) {
    requireCycleDay(cycleDay);
    if (date.getDayOfMonth() >= cycleDay) {
      return date.getDayOfMonth() == cycleDay ? date : date.withDayOfMonth(cycleDay);
    }
    return date.minusMonths(1).withDayOfMonth(cycleDay);
  }

  /** The period that contains the calendar date {@code date}. */
  public static BillPeriod periodOn(LocalDate date, int cycleDay) {
    LocalDate start = periodStartOn(date, cycleDay);
    return new BillPeriod(start, start.plusMonths(1));
  }

  /** The period that contains {@code instant}, read in {@code zone}. */
  public static BillPeriod periodAt(Instant instant, int cycleDay, ZoneId zone) {
    return periodOn(LocalDate.ofInstant(instant, zone), cycleDay);
  }

  /** The account's period that contains {@code instant}. */
  public static BillPeriod periodAt(Instant instant, AccountProfile account) {
    return periodAt(instant, account.billCycleDay(), account.timeZone());
  }

  /**
   * The period that starts on the cycle date {@code start}.
   *
   * @throws IllegalArgumentException if {@code start} is not on day {@code cycleDay}
   */
  public static BillPeriod periodStartingOn(LocalDate start, int cycleDay) {
    requireCycleDay(cycleDay);
    if (start.getDayOfMonth() != cycleDay) {
      throw new IllegalArgumentException(start + " is not a cycle date for cycle day " + cycleDay);
    }
    return new BillPeriod(start, start.plusMonths(1));
  }

  private static void requireCycleDay(int cycleDay) {
    if (cycleDay < AccountProfile.MIN_BILL_CYCLE_DAY
        || cycleDay > AccountProfile.MAX_BILL_CYCLE_DAY) {
      throw new IllegalArgumentException("bill cycle day outside 1..28: " + cycleDay);
    }
  }
}
