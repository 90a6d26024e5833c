package com.telco.billing.core.ledger;

import com.telco.billing.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Objects;

/**
 * Revenue deferred by one document line, recognised day by day over its service days
 * (docs/billing-rules.md, "Ledger": a day of service passes: the line's amount divided by its days,
 * the last day taking the rounding remainder). Each day but the last recognises {@link
 * #dailyAmount()} ({@code HALF_UP(amount / days)} to the currency's minor units); the last day
 * recognises what is left, so the days of a line add up exactly to its amount. A negative amount (a
 * discount, a credit, a credit note) is recognised the same way with the opposite sign.
 *
 * @param sourceDocument the invoice or credit note number that deferred it
 * @param line the document line's position, from 1
 * @param glCode the revenue GL code it is recognised to (the invoice line's)
 * @param firstDay the first service day deferred
 * @param endDay the first day after the service days (exclusive), after {@code firstDay}
 * @param amount the amount deferred, in minor units, not zero
 * @param currency the currency
 */
public record DeferredLine(
    String sourceDocument,
    int line,
    String glCode,
    LocalDate firstDay,
    LocalDate endDay,
    BigDecimal amount,
    Currency currency) {

  public DeferredLine {
    Objects.requireNonNull(sourceDocument, "sourceDocument");
    Objects.requireNonNull(glCode, "glCode");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(endDay, "endDay");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (!endDay.isAfter(firstDay)) {
      throw new IllegalArgumentException("a deferred line has at least one day");
    }
    if (amount.signum() == 0) {
      throw new IllegalArgumentException("a deferred line is not zero");
    }
    LedgerAmounts.requireMinorUnits(amount, currency.getDefaultFractionDigits(), "deferred amount");
  }

  /** Number of service days. */
  public long days() {
    return ChronoUnit.DAYS.between(firstDay, endDay);
  }

  /** What each day but the last recognises: {@code HALF_UP(amount / days)} to minor units. */
  public BigDecimal dailyAmount() {
    return amount.divide(
        BigDecimal.valueOf(days()), currency.getDefaultFractionDigits(), Money.ROUNDING);
  }

  /** What the last day recognises: the amount less the other days. */
  public BigDecimal lastDayAmount() {
    return amount.subtract(dailyAmount().multiply(BigDecimal.valueOf(days() - 1)));
  }

  /** What {@code date} recognises: zero outside the service days. */
  public BigDecimal recognisedOn(LocalDate date) {
    return recognisedBetween(date, date.plusDays(1));
  }

  /**
   * What the days of {@code [from, until)} recognise together (a month-end run): the same as the
   * sum of {@link #recognisedOn} over those days.
   */
  public BigDecimal recognisedBetween(LocalDate from, LocalDate until) {
    LocalDate start = from.isAfter(firstDay) ? from : firstDay;
    LocalDate end = until.isBefore(endDay) ? until : endDay;
    if (!end.isAfter(start)) {
      return BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits());
    }
    long n = ChronoUnit.DAYS.between(start, end);
    if (end.equals(endDay)) {
      return dailyAmount().multiply(BigDecimal.valueOf(n - 1)).add(lastDayAmount());
    }
    return dailyAmount().multiply(BigDecimal.valueOf(n));
  }

  /** What is still deferred at the start of {@code date}: the days from {@code date} on. */
  public BigDecimal deferredOn(LocalDate date) {
    return recognisedBetween(date, endDay);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeferredLine other
        && sourceDocument.equals(other.sourceDocument)
        && line == other.line
        && glCode.equals(other.glCode)
        && firstDay.equals(other.firstDay)
        && endDay.equals(other.endDay)
        && amount.compareTo(other.amount) == 0
        && currency.equals(other.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sourceDocument, line, glCode, firstDay, endDay, amount.stripTrailingZeros());
  }
}
