package com.telco.billing.core.subscription;

import com.telco.billing.core.account.AccountProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one place where lifecycle dates become instants and back.
 *
 * <p>docs/billing-rules.md, "Periods and time": lifecycle dates (activation, change, suspension,
 * resumption, termination) are calendar dates in the account's zone, effective at the start of that
 * day. The start of a day is its first valid local time: midnight, or the end of the gap when a
 * daylight-saving change skips midnight in that zone (e.g. America/Sao_Paulo on 2018-11-04 starts
 * at 01:00).
 */
public final class LifecycleDates {

  private LifecycleDates() {}

  /** The instant at which {@code date} starts in {@code zone}. */
  public static Instant startOfDay(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** The instant at which {@code date} starts in the account's zone. */
  public static Instant startOfDay(LocalDate date, AccountProfile account) {
    return startOfDay(date, account.timeZone());
  }

  /** The calendar date in {@code zone} on which {@code instant} falls. */
  public static LocalDate dateAt(Instant instant, ZoneId zone) {
    return LocalDate.ofInstant(instant, zone);
  }
}
