package com.telco.billing.core.catalog;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published version of the product catalog: immutable, in effect from {@code effectiveFrom}
 * until the next version's {@code effectiveFrom}; or, when it carries a {@code correction}, a
 * correction version whose usage prices replace those of the ordinary versions over {@code
 * [effectiveFrom, correction.effectiveUntil)}. Built only by {@link CatalogValidator#validate}.
 *
 * <p>docs/billing-rules.md, "Catalog": A catalog is a list of versions. Each version has {@code
 * effectiveFrom} (an instant) and is immutable once published; a new version supersedes the
 * previous one from its {@code effectiveFrom}. "Money": a price list exists per currency; every
 * price of a version has an amount in each of {@code currencies}. A correction version reprices
 * usage of a past interval (docs/catalog.md, "Correction versions").
 *
 * @param version the client-chosen version id (e.g. {@code 2026-12}), unique in the catalog
 * @param effectiveFrom the instant from which it is in effect
 * @param description a description, or {@code null}
 * @param currencies the currencies of its price lists
 * @param usageTypes the usage types it declares
 * @param taxTable its tax rates
 * @param productOfferings its offerings
 * @param correction the corrected interval's end and the reason, or {@code null} for an ordinary
 *     version
 */
public record CatalogVersion(
    String version,
    Instant effectiveFrom,
    String description,
    List<Currency> currencies,
    List<UsageType> usageTypes,
    TaxTable taxTable,
    List<ProductOffering> productOfferings,
    CatalogCorrection correction) {
  public CatalogVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(taxTable, "taxTable");
    currencies = List.copyOf(currencies);
    usageTypes = List.copyOf(usageTypes);
    productOfferings = List.copyOf(productOfferings);
    if (correction != null && !correction.effectiveUntil().isAfter(effectiveFrom)) {
      throw new IllegalArgumentException(
          "correction "
              + version
              + " ends at "
              + correction.effectiveUntil()
              + ", not after its effectiveFrom "
              + effectiveFrom);
    }
  }

  /** An ordinary version (no correction). */
  public CatalogVersion(
      String version,
      Instant effectiveFrom,
      String description,
      List<Currency> currencies,
      List<UsageType> usageTypes,
      TaxTable taxTable,
      List<ProductOffering> productOfferings) {
    this(
        version,
        effectiveFrom,
        description,
        currencies,
        usageTypes,
        taxTable,
        productOfferings,
        null);
  }

  /** Whether this is a correction version rather than an ordinary one. */
  public boolean isCorrection() {
    return correction != null;
  }

  /**
   * Whether this is a correction version whose interval {@code [effectiveFrom, effectiveUntil)}
   * contains {@code instant}.
   */
  public boolean corrects(Instant instant) {
    return correction != null
        && !instant.isBefore(effectiveFrom)
        && instant.isBefore(correction.effectiveUntil());
  }

  /** The offering with this id, if the version has it. */
  public Optional<ProductOffering> offering(String id) {
    return productOfferings.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /** The declared usage type with this id, if any. */
  public Optional<UsageType> usageType(String id) {
    return usageTypes.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  /** Whether the version has price lists in {@code currency}. */
  public boolean pricesIn(Currency currency) {
    return currencies.contains(currency);
  }
}
