package com.telco.billing.core.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A catalog version exactly as a client publishes it ({@code POST /catalog/versions}), before
 * validation: every field may be missing or wrong, and the field names are the JSON names. {@link
 * CatalogValidator#validate} turns it into a {@link CatalogVersion} or reports every problem with
 * its JSON path. The format, with its TMF620 mapping, is described in docs/catalog.md.
 *
 * <p>docs/billing-rules.md, "Catalog": a version has {@code effectiveFrom} and is immutable once
 * published; its offerings have recurring, one-time and usage charges, discounts and a tax category
 * per charge. "Money": a price list exists per currency. "Tax": rates by (jurisdiction, tax
 * category) with effective dates.
 *
 * <p>The document stays beside its validator rather than among the HTTP shapes in {@code protocol}:
 * it is the published catalog format that the catalog rules validate section by section ({@code
 * CatalogSection} and its subclasses name each problem by its path in this document), not a shape
 * only HTTP knows. The publish command carries it, the catalog hands it back as posted, and the
 * journal keeps its own copy ({@code CatalogDocumentRecord}, mapped in one place). Moving it to
 * {@code protocol} would make the rule module depend on the wire module, or need a neutral copy of
 * every record here with a field-by-field mapping and nothing gained.
 *
 * @param version client-chosen version id, e.g. {@code "2026-12"}
 * @param effectiveFrom ISO-8601 instant, e.g. {@code "2026-01-01T00:00:00Z"}
 * @param description optional free text
 * @param currencies ISO 4217 codes of the price lists
 * @param usageTypes the usage types the version rates (optional when no offering has usage)
 * @param taxRates the tax rates by (jurisdiction, tax category) with validity dates
 * @param productOfferings the offerings
 * @param correction optional: present when the version is a correction version of a past interval
 *     (docs/catalog.md, "Correction versions")
 */
public record CatalogDocument(
    String version,
    String effectiveFrom,
    String description,
    List<String> currencies,
    List<UsageTypeJson> usageTypes,
    List<TaxRateJson> taxRates,
    List<ProductOfferingJson> productOfferings,
    CorrectionJson correction) {

  /** A document of an ordinary version (no {@code correction}). */
  public CatalogDocument(
      String version,
      String effectiveFrom,
      String description,
      List<String> currencies,
      List<UsageTypeJson> usageTypes,
      List<TaxRateJson> taxRates,
      List<ProductOfferingJson> productOfferings) {
    this(
        version,
        effectiveFrom,
        description,
        currencies,
        usageTypes,
        taxRates,
        productOfferings,
        null);
  }

  /**
   * What makes the version a correction: it replaces the usage prices of {@code [effectiveFrom,
   * effectiveUntil)}, a past interval, for {@code reason}.
   *
   * @param effectiveUntil ISO-8601 instant, after {@code effectiveFrom} and not after the moment of
   *     publication; exclusive
   * @param reason why, free text of at most 500 characters
   */
  public record CorrectionJson(String effectiveUntil, String reason) {}

  /**
   * A usage type declaration.
   *
   * @param id the id usage records carry, e.g. {@code "VOICE"}
   * @param unitOfMeasure {@code "SECOND"}, {@code "EVENT"} or {@code "BYTE"}
   */
  public record UsageTypeJson(String id, String unitOfMeasure) {}

  /**
   * A tax rate.
   *
   * @param jurisdiction e.g. {@code "DE"}
   * @param taxCategory e.g. {@code "STANDARD"}
   * @param rate a fraction in [0, 1], e.g. {@code 0.19}
   * @param validFrom ISO date, first day it applies
   * @param validTo optional ISO date, first day it no longer applies (exclusive)
   */
  public record TaxRateJson(
      String jurisdiction, String taxCategory, BigDecimal rate, String validFrom, String validTo) {}

  /**
   * A product offering.
   *
   * @param id unique in the version
   * @param name display name
   * @param description optional free text
   * @param chargeWhileSuspended optional, default {@code true}
   * @param prices the charges (TMF620 productOfferingPrice), each with a {@code priceType}
   * @param discounts optional percentage discounts on a recurring charge
   */
  public record ProductOfferingJson(
      String id,
      String name,
      String description,
      Boolean chargeWhileSuspended,
      List<PriceJson> prices,
      List<DiscountJson> discounts) {}

  /**
   * One charge of an offering. {@code priceType} says which fields apply: {@code "recurring"}
   * ({@code recurringChargePeriodType}, {@code price}), {@code "oneTime"} ({@code trigger}, {@code
   * price}) or {@code "usage"} ({@code usageType}, {@code increment}, {@code minimum}, {@code
   * unitSize}, {@code zones}, {@code timeBands}, {@code allowance}, {@code rates}); the others must
   * be absent.
   *
   * @param id charge id, unique among the charges and discounts of the version
   * @param name what the invoice line says
   * @param priceType {@code "recurring"}, {@code "oneTime"} or {@code "usage"}
   * @param recurringChargePeriodType recurring only: {@code "month"} (the default)
   * @param trigger one-time only: {@code "activation"}, {@code "change"}, {@code "suspension"},
   *     {@code "resumption"} or {@code "termination"}
   * @param price recurring and one-time: amount per currency code
   * @param usageType usage only: a declared usage type id
   * @param increment usage only: rounding step in base units, {@code >= 1}
   * @param minimum usage only: minimum rounded quantity in base units, default 0
   * @param unitSize usage only: base units per priced unit, {@code >= 1}
   * @param zones usage only: optional zone ids
   * @param timeBands usage only: optional time bands covering the week exactly once
   * @param allowance usage only: optional included quantity per bill period
   * @param rates usage only: one rate per (zone, time band)
   * @param taxCategory tax category, must have a tax rate
   * @param glCode general ledger revenue account
   */
  public record PriceJson(
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
      List<TimeBandJson> timeBands,
      AllowanceJson allowance,
      List<UsageRateJson> rates,
      String taxCategory,
      String glCode) {}

  /**
   * A time band: its weekly windows.
   *
   * @param id e.g. {@code "PEAK"}
   * @param windows at least one
   */
  public record TimeBandJson(String id, List<TimeWindowJson> windows) {}

  /**
   * A weekly window {@code [startTime, endTime)} of local time on each of {@code days}.
   *
   * @param days {@code "MONDAY"} .. {@code "SUNDAY"}
   * @param startTime {@code "HH:mm"} or {@code "HH:mm:ss"}
   * @param endTime {@code "HH:mm"}, {@code "HH:mm:ss"} or {@code "24:00"}; after {@code startTime}
   */
  public record TimeWindowJson(List<String> days, String startTime, String endTime) {}

  /**
   * An included quantity.
   *
   * @param quantity base units per bill period, {@code >= 0}
   */
  public record AllowanceJson(Long quantity) {}

  /**
   * The price for one (zone, time band) of a usage charge.
   *
   * @param zone a zone of the charge; absent when the charge has no zones
   * @param timeBand a band id of the charge; absent when the charge has no time bands
   * @param tiers graduated tiers, ascending, contiguous from 0, the last without {@code upTo}
   */
  public record UsageRateJson(String zone, String timeBand, List<TierJson> tiers) {}

  /**
   * A graduated tier on the cumulative chargeable quantity.
   *
   * @param from first quantity (inclusive), base units
   * @param upTo end (exclusive), base units; absent for the last tier
   * @param price price of one unitSize, per currency code
   */
  public record TierJson(Long from, Long upTo, Map<String, BigDecimal> price) {}

  /**
   * A percentage discount on a recurring charge for the first bill periods.
   *
   * @param id unique among the charges and discounts of the version
   * @param name what the discount line says
   * @param percentage in (0, 100]
   * @param periods number of first bill periods, {@code >= 1}
   * @param appliesTo id of a recurring charge of the offering; optional when it has exactly one
   * @param glCode optional; default the recurring charge's glCode
   */
  public record DiscountJson(
      String id,
      String name,
      BigDecimal percentage,
      Integer periods,
      String appliesTo,
      String glCode) {}
}
