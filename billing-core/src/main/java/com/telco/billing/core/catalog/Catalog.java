package com.telco.billing.core.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The published catalog: its versions in the order of their {@code effectiveFrom}, each strictly
 * later than the one before, with distinct version ids. Immutable; {@link #withVersion} returns a
 * new catalog.
 *
 * <p>docs/billing-rules.md, "Catalog": Rating and invoicing use the version in effect at the
 * instant being priced (usage: its {@code usageDate}; recurring: the first day of the charged
 * service period) — {@link #versionAt}: the version with the greatest {@code effectiveFrom <=
 * instant}. "Tax": an invoice uses the rates in effect on its issue date — {@link #taxRate}, read
 * from the latest version's tax table (tax rates carry their own dates, so the latest table is the
 * most complete; see docs/catalog.md).
 *
 * @param versions the published versions, ordered by {@code effectiveFrom}
 */
public record Catalog(List<CatalogVersion> versions) {

  /** A catalog with no version yet. */
  public static final Catalog EMPTY = new Catalog(List.of());

  public Catalog {
    List<CatalogVersion> sorted = new ArrayList<>(versions);
    sorted.sort((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom()));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (!ids.add(sorted.get(i).version())) {
        throw new IllegalArgumentException("duplicate version " + sorted.get(i).version());
      }
      if (i > 0 && !sorted.get(i).effectiveFrom().isAfter(sorted.get(i - 1).effectiveFrom())) {
        throw new IllegalArgumentException(
            "two versions take effect at " + sorted.get(i).effectiveFrom());
      }
    }
    versions = List.copyOf(sorted);
  }

  /**
   * This catalog plus {@code version}.
   *
   * @throws IllegalArgumentException if its id is taken or it does not take effect after the latest
   *     version (check {@link CatalogValidator#validateAgainstHistory} first)
   */
  public Catalog withVersion(CatalogVersion version) {
    Optional<CatalogVersion> latest = latest();
    if (latest.isPresent() && !version.effectiveFrom().isAfter(latest.get().effectiveFrom())) {
      throw new IllegalArgumentException(
          "version "
              + version.version()
              + " takes effect at "
              + version.effectiveFrom()
              + ", not after the latest version's "
              + latest.get().effectiveFrom());
    }
    List<CatalogVersion> next = new ArrayList<>(versions);
    next.add(version);
    return new Catalog(next);
  }

  /** The version in effect at {@code instant}: the greatest {@code effectiveFrom <= instant}. */
  public Optional<CatalogVersion> versionAt(Instant instant) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.get(i).effectiveFrom().isAfter(instant)) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }

  /** The offerings in effect at {@code instant}; empty before the first version. */
  public List<ProductOffering> offeringsAt(Instant instant) {
    return versionAt(instant).map(CatalogVersion::productOfferings).orElse(List.of());
  }

  /** The offering with this id in the version in effect at {@code at}. */
  public Optional<ProductOffering> offering(String id, Instant at) {
    return versionAt(at).flatMap(v -> v.offering(id));
  }

  /** The version with this id. */
  public Optional<CatalogVersion> version(String versionId) {
    return versions.stream().filter(v -> v.version().equals(versionId)).findFirst();
  }

  /** The version with the greatest {@code effectiveFrom}, whether in effect yet or not. */
  public Optional<CatalogVersion> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /**
   * The tax rate for (jurisdiction, category) on {@code date} (an invoice's issue date), from the
   * latest version's tax table.
   */
  public Optional<TaxRate> taxRate(String jurisdiction, String taxCategory, LocalDate date) {
    return latest().flatMap(v -> v.taxTable().rateFor(jurisdiction, taxCategory, date));
  }
}
