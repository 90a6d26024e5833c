package com.telco.billing.core.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The published catalog: its ordinary versions in the order of their {@code effectiveFrom}, each
 * strictly later than the one before, and its correction versions in the order they were published;
 * every version id is used once. Immutable; {@link #withVersion} returns a new catalog.
 *
 * <p>docs/billing-rules.md, "Catalog": Rating and invoicing use the version in effect at the
 * instant being priced (usage: its {@code usageDate}; recurring: the first day of the charged
 * service period) — {@link #versionAt}: the ordinary version with the greatest {@code effectiveFrom
 * <= instant}. A correction version replaces the usage prices of a past interval: usage is priced
 * by {@link #ratingVersionAt}, the correction published last whose interval holds the instant, else
 * the version in effect; recurring and one-time charges, offerings and tax rates come from the
 * ordinary versions only. "Tax": an invoice uses the rates in effect on its issue date — {@link
 * #taxRate}, read from the latest ordinary version's tax table (tax rates carry their own dates, so
 * the latest table is the most complete; see docs/catalog.md).
 *
 * @param versions the ordinary versions, ordered by {@code effectiveFrom}
 * @param corrections the correction versions, in the order they were published
 */
public record Catalog(List<CatalogVersion> versions, List<CatalogVersion> corrections) {

  /** A catalog with no version yet. */
  public static final Catalog EMPTY = new Catalog(List.of(), List.of());

  public Catalog {
    List<CatalogVersion> sorted = new ArrayList<>(versions);
    sorted.sort((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom()));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).isCorrection()) {
        throw new IllegalArgumentException(
            "version " + sorted.get(i).version() + " is a correction, not an ordinary version");
      }
      if (!ids.add(sorted.get(i).version())) {
        throw new IllegalArgumentException("duplicate version " + sorted.get(i).version());
      }
      if (i > 0 && !sorted.get(i).effectiveFrom().isAfter(sorted.get(i - 1).effectiveFrom())) {
        throw new IllegalArgumentException(
            "two versions take effect at " + sorted.get(i).effectiveFrom());
      }
    }
    for (CatalogVersion correction : corrections) {
      if (!correction.isCorrection()) {
        throw new IllegalArgumentException(
            "version " + correction.version() + " is not a correction");
      }
      if (!ids.add(correction.version())) {
        throw new IllegalArgumentException("duplicate version " + correction.version());
      }
    }
    versions = List.copyOf(sorted);
    corrections = List.copyOf(corrections);
  }

  /**
   * The catalog of these versions, of both kinds: the ordinary ones ordered by {@code
   * effectiveFrom}, the corrections in list order (the order of publication).
   */
  public Catalog(List<CatalogVersion> versions) {
    this(
        versions.stream().filter(v -> !v.isCorrection()).toList(),
        versions.stream().filter(CatalogVersion::isCorrection).toList());
  }

  /**
   * This catalog plus {@code version}: an ordinary version after the others, a correction after the
   * corrections published before it (whatever its interval).
   *
   * @throws IllegalArgumentException if its id is taken, or it is an ordinary version that does not
   *     take effect after the latest ordinary version (check {@link
   *     CatalogValidator#validateAgainstHistory} first)
   */
  public Catalog withVersion(CatalogVersion version) {
    if (version.isCorrection()) {
      List<CatalogVersion> next = new ArrayList<>(corrections);
      next.add(version);
      return new Catalog(versions, next);
    }
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
    return new Catalog(next, corrections);
  }

  /**
   * The ordinary version in effect at {@code instant}: the greatest {@code effectiveFrom <=
   * instant}. Corrections are not considered (see {@link #ratingVersionAt}).
   */
  public Optional<CatalogVersion> versionAt(Instant instant) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.get(i).effectiveFrom().isAfter(instant)) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The version whose usage prices apply at {@code instant}: the correction published last whose
   * interval {@code [effectiveFrom, effectiveUntil)} contains it, else {@link #versionAt}.
   */
  public Optional<CatalogVersion> ratingVersionAt(Instant instant) {
    for (int i = corrections.size() - 1; i >= 0; i--) {
      if (corrections.get(i).corrects(instant)) {
        return Optional.of(corrections.get(i));
      }
    }
    return versionAt(instant);
  }

  /** The offerings in effect at {@code instant}; empty before the first version. */
  public List<ProductOffering> offeringsAt(Instant instant) {
    return versionAt(instant).map(CatalogVersion::productOfferings).orElse(List.of());
  }

  /** The offering with this id in the version in effect at {@code at}. */
  public Optional<ProductOffering> offering(String id, Instant at) {
    return versionAt(at).flatMap(v -> v.offering(id));
  }

  /**
   * How many versions were published, ordinary and corrections: versions are only ever added, so a
   * copy of the catalog with fewer has not received them all yet.
   */
  public int versionCount() {
    return versions.size() + corrections.size();
  }

  /** The version with this id, ordinary or correction. */
  public Optional<CatalogVersion> version(String versionId) {
    return versions.stream()
        .filter(v -> v.version().equals(versionId))
        .findFirst()
        .or(() -> corrections.stream().filter(v -> v.version().equals(versionId)).findFirst());
  }

  /** The ordinary version with the greatest {@code effectiveFrom}, whether in effect yet or not. */
  public Optional<CatalogVersion> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /**
   * The tax rate for (jurisdiction, category) on {@code date} (an invoice's issue date), from the
   * latest ordinary version's tax table.
   */
  public Optional<TaxRate> taxRate(String jurisdiction, String taxCategory, LocalDate date) {
    return latest().flatMap(v -> v.taxTable().rateFor(jurisdiction, taxCategory, date));
  }
}
