package com.telco.billing.core.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The dates the API accepts (docs/input-contract.md, "Dates"): written {@code yyyy-MM-dd} with
 * ASCII digits, from {@value #EARLIEST_TEXT} to {@value #LATEST_TEXT}. A billing system has no
 * business with a year of +999999999, and a date out of that range is a typing error, not a plan.
 */
public final class PlausibleDates {
  private PlausibleDates() {}

  static final String EARLIEST_TEXT = "2000-01-01";
  static final String LATEST_TEXT = "2099-12-31";

  /** The earliest date accepted. */
  public static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_TEXT);

  /** The latest date accepted. */
  public static final LocalDate LATEST = LocalDate.parse(LATEST_TEXT);

  /** The earliest instant accepted: the start of {@link #EARLIEST} in UTC. */
  public static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();

  /** The latest instant accepted: the end of {@link #LATEST} in UTC. */
  public static final Instant LATEST_INSTANT =
      LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /**
   * The earliest date of reference data that reaches into the past, such as the validity of a tax
   * rate (Austria's 20 % dates from 1984).
   */
  public static final LocalDate HISTORIC_EARLIEST = LocalDate.of(1900, 1, 1);

  /** Whether {@code date} is within the range of reference data ({@link #HISTORIC_EARLIEST}..). */
  public static boolean isPlausibleHistoric(LocalDate date) {
    return !date.isBefore(HISTORIC_EARLIEST) && !date.isAfter(LATEST);
  }

  /** Whether {@code date} is within the accepted range. */
  public static boolean isPlausible(LocalDate date) {
    return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
  }

  /** Whether {@code instant} is within the accepted range. */
  public static boolean isPlausible(Instant instant) {
    return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
  }

  /**
   * Parses a required date: adds {@code required}, {@code invalid_date} or {@code out_of_range} to
   * {@code v} and returns null when it is missing or wrong.
   */
  public static LocalDate parse(Validator v, String value, String field) {
    if (!v.requireText(value, field)) {
      return null;
    }
    LocalDate date = null;
    if (ISO_DATE.matcher(value).matches()) {
      try {
        date = LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        date = null;
      }
    }
    if (date == null) {
      v.add(new FieldError("invalid_date", field, field + " must be a date yyyy-MM-dd"));
      return null;
    }
    if (!isPlausible(date)) {
      v.add(
          new FieldError(
              "out_of_range",
              field,
              field + " must be between " + EARLIEST_TEXT + " and " + LATEST_TEXT));
      return null;
    }
    return date;
  }
}
