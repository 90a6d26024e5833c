package com.telco.billing.protocol.catalog.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A validated catalog version in the journal: what rating and invoicing use from {@code
 * effectiveFrom} on, or, for a correction version, what rating uses for usage of {@code
 * [effectiveFrom, correction.effectiveUntil)} (docs/billing-rules.md, "Catalog").
 *
 * @param currencies ISO 4217 codes
 * @param correction the corrected interval's end and why; {@code null} for an ordinary version and
 *     on every event written before correction versions existed
 */
public record CatalogVersionRecord(
    String version,
    Instant effectiveFrom,
    String description,
    List<String> currencies,
    List<UsageType> usageTypes,
    TaxTable taxTable,
    List<ProductOffering> productOfferings,
    Correction correction) {

  public CatalogVersionRecord {
    currencies = List.copyOf(currencies);
    usageTypes = List.copyOf(usageTypes);
    productOfferings = List.copyOf(productOfferings);
  }

  /**
   * What makes a version a correction version.
   *
   * @param effectiveUntil the end of the corrected interval (exclusive)
   * @param reason why the prices were corrected
   */
  public record Correction(Instant effectiveUntil, String reason) {}

  /**
   * A usage type and the unit its quantities are counted in.
   *
   * @param unitOfMeasure e.g. {@code SECOND}, {@code BYTE}, {@code EVENT}
   */
  public record UsageType(String id, String unitOfMeasure) {}

  /** The tax rates by jurisdiction and category. */
  public record TaxTable(List<TaxRate> rates) {
    public TaxTable {
      rates = List.copyOf(rates);
    }
  }

  /**
   * A tax rate valid over {@code [validFrom, validTo)}.
   *
   * @param validTo the end, or {@code null} while it lasts
   */
  public record TaxRate(
      String jurisdiction,
      String taxCategory,
      BigDecimal rate,
      LocalDate validFrom,
      LocalDate validTo) {}

  /** A product offering and its charges and discounts. */
  public record ProductOffering(
      String id,
      String name,
      String description,
      boolean chargeWhileSuspended,
      List<RecurringCharge> recurringCharges,
      List<OneTimeCharge> oneTimeCharges,
      List<UsageCharge> usageCharges,
      List<Discount> discounts) {
    public ProductOffering {
      recurringCharges = List.copyOf(recurringCharges);
      oneTimeCharges = List.copyOf(oneTimeCharges);
      usageCharges = List.copyOf(usageCharges);
      discounts = List.copyOf(discounts);
    }
  }

  /**
   * A recurring charge.
   *
   * @param period e.g. {@code MONTH}
   */
  public record RecurringCharge(
      String id, String name, String period, Price price, String taxCategory, String glCode) {}

  /**
   * A one-time charge.
   *
   * @param trigger e.g. {@code ACTIVATION}
   */
  public record OneTimeCharge(
      String id, String name, String trigger, Price price, String taxCategory, String glCode) {}

  /**
   * A usage charge.
   *
   * @param bandSchedule the time bands, or {@code null} when the charge has none
   * @param allowance the included quantity, or {@code null}
   */
  public record UsageCharge(
      String id,
      String name,
      String usageType,
      long increment,
      long minimum,
      long unitSize,
      List<String> zones,
      BandSchedule bandSchedule,
      Allowance allowance,
      List<UsageRate> rates,
      String taxCategory,
      String glCode) {
    public UsageCharge {
      zones = List.copyOf(zones);
      rates = List.copyOf(rates);
    }
  }

  /** A percentage discount on a charge for the first {@code periods} periods. */
  public record Discount(
      String id,
      String name,
      BigDecimal percentage,
      int periods,
      String appliesTo,
      String glCode) {}

  /** An amount per currency. */
  public record Price(List<Amount> amounts) {
    public Price {
      amounts = List.copyOf(amounts);
    }
  }

  /**
   * An amount in one currency.
   *
   * @param currency ISO 4217 code
   */
  public record Amount(String currency, BigDecimal amount) {}

  /** The time bands of a usage charge. */
  public record BandSchedule(List<TimeBand> bands) {
    public BandSchedule {
      bands = List.copyOf(bands);
    }
  }

  /** A named time band: the windows of the week it covers. */
  public record TimeBand(String id, List<TimeWindow> windows) {
    public TimeBand {
      windows = List.copyOf(windows);
    }
  }

  /**
   * A window on some days of the week.
   *
   * @param days e.g. {@code MONDAY}
   */
  public record TimeWindow(List<String> days, LocalTime startTime, LocalTime endTime) {
    public TimeWindow {
      days = List.copyOf(days);
    }
  }

  /** The quantity included before usage is charged. */
  public record Allowance(long quantity) {}

  /**
   * The tiers of a zone and time band.
   *
   * @param zone the zone, or {@code null}
   * @param timeBand the time band, or {@code null}
   */
  public record UsageRate(String zone, String timeBand, List<Tier> tiers) {
    public UsageRate {
      tiers = List.copyOf(tiers);
    }
  }

  /**
   * A price tier {@code [from, upTo)}.
   *
   * @param upTo the end, or {@code null} for the last tier
   */
  public record Tier(long from, Long upTo, Price price) {}
}
