package com.telco.billing.core.catalog;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published version of the product catalog: immutable, in effect from {@code effectiveFrom}
 * until the next version's {@code effectiveFrom}. Built only by {@link CatalogValidator#validate}.
 *
 * <p>docs/billing-rules.md, "Catalog": A catalog is a list of versions. Each version has {@code
 * effectiveFrom} (an instant) and is immutable once published; a new version supersedes the
 * previous one from its {@code effectiveFrom}. "Money": a price list exists per currency; every
 * price of a version has an amount in each of {@code currencies}.
 *
 * @param version the client-chosen version id (e.g. {@code 2026-12}), unique in the catalog
 * @param effectiveFrom the instant from which it is in effect
 * @param description a description, or {@code null}
 * @param currencies the currencies of its price lists
 * @param usageTypes the usage types it declares
 * @param taxTable its tax rates
 * @param productOfferings its offerings
 */
public record CatalogVersion(
    String version,
    Instant effectiveFrom,
    String description,
    List<Currency> currencies,
    List<UsageType> usageTypes,
    TaxTable taxTable,
    List<ProductOffering> productOfferings) {
  public CatalogVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(taxTable, "taxTable");
    currencies = List.copyOf(currencies);
    usageTypes = List.copyOf(usageTypes);
    productOfferings = List.copyOf(productOfferings);
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
