package com.telco.billing.protocol.catalog.journal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A catalog document as it was posted, kept in the journal for reading it back. Fields are as the
 * poster wrote them (strings for dates and enums; {@code null} where the document left them out).
 *
 * @param correction the {@code correction} object of a correction version; {@code null} for an
 *     ordinary version and on every event written before correction versions existed
 */
public record CatalogDocumentRecord(
    String version,
    String effectiveFrom,
    String description,
    List<String> currencies,
    List<UsageType> usageTypes,
    List<TaxRate> taxRates,
    List<ProductOffering> productOfferings,
    Correction correction) {

  /** A correction as posted. */
  public record Correction(String effectiveUntil, String reason) {}

  /** A usage type as posted. */
  public record UsageType(String id, String unitOfMeasure) {}

  /** A tax rate as posted. */
  public record TaxRate(
      String jurisdiction, String taxCategory, BigDecimal rate, String validFrom, String validTo) {}

  /** A product offering as posted. */
  public record ProductOffering(
      String id,
      String name,
      String description,
      Boolean chargeWhileSuspended,
      List<Price> prices,
      List<Discount> discounts) {}

  /** A price (recurring, one-time or usage) as posted. */
  public record Price(
      String id,
      String name,
      String priceType,
      String recurringChargePeriodType,
      String trigger,
      Map<String, BigDecimal> price,
      String usageType,
      Long increment,
      Long minimum,
      Long unitSize,
      List<String> zones,
      List<TimeBand> timeBands,
      Allowance allowance,
      List<UsageRate> rates,
      String taxCategory,
      String glCode) {}

  /** A time band as posted. */
  public record TimeBand(String id, List<TimeWindow> windows) {}

  /** A time window as posted. */
  public record TimeWindow(List<String> days, String startTime, String endTime) {}

  /** An allowance as posted. */
  public record Allowance(Long quantity) {}

  /** A usage rate as posted. */
  public record UsageRate(String zone, String timeBand, List<Tier> tiers) {}

  /** A tier as posted. */
  public record Tier(Long from, Long upTo, Map<String, BigDecimal> price) {}

  /** A discount as posted. */
  public record Discount(
      String id,
      String name,
      BigDecimal percentage,
      Integer periods,
      String appliesTo,
      String glCode) {}
}
