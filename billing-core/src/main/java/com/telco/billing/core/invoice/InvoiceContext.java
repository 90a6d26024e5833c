package com.telco.billing.core.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.Price;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.LifecycleDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every rule of one invoice reads: the request, the currency's minor units, the two periods of
 * the cycle date and the catalog look-ups the rules share.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration", "What an invoice covers":
 * at cycle date {@code D_k} the invoice bills the closed period {@code [D_k-1, D_k)} and the
 * advance period {@code [D_k, D_k+1)}. "Catalog": the version in effect at the start of a day (in
 * the account's time zone) prices that day. "Money": amounts round {@link Money#ROUNDING} to the
 * currency's minor units.
 */
final class InvoiceContext {
  static final RoundingMode HALF_UP = Money.ROUNDING;

  private final InvoiceRequest request;
  private final int minorUnits;
  private final BillPeriod closed;
  private final BillPeriod advance;
  private final LocalDate lookBackStart;
  private final LocalDate windowStart;

  /** Start instants of days in the account's zone, computed once per day of this invoice. */
  private final Map<LocalDate, Instant> dayStarts = new HashMap<>();

  InvoiceContext(InvoiceRequest request) {
    this.request = request;
    AccountProfile account = request.account();
    this.minorUnits = account.currency().getDefaultFractionDigits();
    this.advance = BillPeriods.periodStartingOn(request.cycleDate(), account.billCycleDay());
    this.closed = advance.previous();
    this.lookBackStart = request.cycleDate().minusMonths(request.lookBackMonths());
    LocalDate correctable = request.history().correctableFrom();
    this.windowStart =
        correctable != null && correctable.isAfter(lookBackStart) ? correctable : lookBackStart;
  }

  InvoiceRequest request() {
    return request;
  }

  AccountProfile account() {
    return request.account();
  }

  Catalog catalog() {
    return request.catalog();
  }

  BillingHistory history() {
    return request.history();
  }

  /** The cycle date {@code D_k}: the issue date. */
  LocalDate cycleDate() {
    return request.cycleDate();
  }

  /** The currency's minor units: the scale every line amount is rounded to. */
  int minorUnits() {
    return minorUnits;
  }

  /** The closed period {@code [D_k-1, D_k)}. */
  BillPeriod closed() {
    return closed;
  }

  /** The advance period {@code [D_k, D_k+1)}. */
  BillPeriod advance() {
    return advance;
  }

  /**
   * The first date of the look-back: the cycle date {@code lookBackMonths} before this one
   * (docs/billing-rules.md, "Corrections of late and backdated changes").
   */
  LocalDate lookBackStart() {
    return lookBackStart;
  }

  /**
   * The first date this invoice corrects: the look-back's start, or later when the history holds no
   * records before that (a history written before corrections looked back). Always a cycle date on
   * or before the closed period's start.
   */
  LocalDate windowStart() {
    return windowStart;
  }

  /** True for a period before the closed one: what is charged or credited in it corrects it. */
  boolean isCorrection(BillPeriod period) {
    return period.start().isBefore(closed.start());
  }

  /**
   * True when a catalog version is in effect at the start of {@code date}, defines the offering,
   * and each of the prices {@code charges} picks from it has an amount in the account's currency.
   */
  boolean priceable(
      String offeringId, LocalDate date, Function<ProductOffering, List<Price>> charges) {
    Optional<ProductOffering> offering = versionIfAnyAt(date).flatMap(v -> v.offering(offeringId));
    if (offering.isEmpty()) {
      return false;
    }
    for (Price price : charges.apply(offering.get())) {
      if (price.amountIn(request.account().currency()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first period start whose charge records carry an ordinal counted from the lifecycle:
   * records of earlier periods were charged before (their ordinal counted the periods charged) and
   * keep it ({@link BillingHistory#ordinalsFrom()}); {@link LocalDate#MIN} when all do.
   */
  LocalDate lifecycleOrdinalsFrom() {
    BillingHistory history = request.history();
    if (history.predatesLookBack()) {
      return request.cycleDate();
    }
    return history.ordinalsFrom() == null ? LocalDate.MIN : history.ordinalsFrom();
  }

  /** The catalog version in effect at the start of {@code date}, if there is one. */
  Optional<CatalogVersion> versionIfAnyAt(LocalDate date) {
    return request.catalog().versionAt(startOf(date));
  }

  /** Zero at the currency's minor units. */
  BigDecimal zero() {
    return BigDecimal.ZERO.setScale(minorUnits);
  }

  /** The start of {@code date} in the account's time zone. */
  Instant startOf(LocalDate date) {
    return dayStarts.computeIfAbsent(
        date, d -> LifecycleDates.startOfDay(d, request.account().timeZone()));
  }

  /** The catalog version in effect at the start of {@code date}. */
  CatalogVersion versionAt(LocalDate date) {
    return request
        .catalog()
        .versionAt(startOf(date))
        .orElseThrow(() -> new IllegalArgumentException("no catalog version in effect on " + date));
  }

  /** The offering as the catalog version in effect on {@code date} defines it. */
  ProductOffering offeringAt(String offeringId, LocalDate date) {
    return offeringIn(versionAt(date), offeringId);
  }

  static ProductOffering offeringIn(CatalogVersion version, String offeringId) {
    return version
        .offering(offeringId)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "offering " + offeringId + " not in catalog version " + version.version()));
  }

  /** The amount of a price in the account's currency; a missing one cannot be billed. */
  BigDecimal priceOf(Optional<Money> price, String chargeId, CatalogVersion version) {
    return price
        .map(Money::amount)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no price in "
                        + request.account().currency().getCurrencyCode()
                        + " for "
                        + chargeId
                        + " in catalog version "
                        + version.version()));
  }
}
