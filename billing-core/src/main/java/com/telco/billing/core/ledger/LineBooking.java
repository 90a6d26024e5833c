package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How an invoice line is booked when its invoice is issued (docs/billing-rules.md, "Ledger"): the
 * part at revenue and the part deferred, which add up exactly to the line.
 *
 * @param revenue the part booked at revenue (service days before the issue date, or all of a
 *     non-recurring line)
 * @param deferred the part booked at deferred revenue (service days from the issue date on)
 * @param deferredFrom the first deferred day, or {@code null} when nothing is deferred
 * @param deferredUntil the first day after the deferred days, or {@code null}
 */
public record LineBooking(
    BigDecimal revenue, BigDecimal deferred, LocalDate deferredFrom, LocalDate deferredUntil) {
  public LineBooking {
    Objects.requireNonNull(revenue, "revenue");
    Objects.requireNonNull(deferred, "deferred");
  }

  public boolean isDeferred() {
    return deferred.signum() != 0;
  }
}
