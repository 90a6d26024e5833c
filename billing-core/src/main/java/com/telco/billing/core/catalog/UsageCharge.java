package com.telco.billing.core.catalog;

import com.telco.billing.core.money.Money;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A usage charge of an offering for one usage type: how quantities are rounded, which allowance is
 * included, and the price per zone and time band through graduated tiers.
 *
 * <p>docs/billing-rules.md, "Rating a usage record": step 2 rounds {@code r = max(minimum, ceil(q /
 * increment) * increment)}; step 3 selects the price by zone and time band ({@link #rateFor},
 * {@link #rateAt}); step 4 consumes the {@link Allowance} first; step 5 prices the chargeable rest
 * per {@code unitSize} through the graduated {@link Tier}s of the selected {@link UsageRate}. A
 * charge without zones ignores the record's zone; a charge without bands ignores the time. "Ledger"
 * and "Tax": posted to {@code glCode}, taxed by {@code taxCategory}.
 *
 * <p>There is exactly one rate for every (zone, band) combination: {@code zones x bands}, where a
 * charge without zones (bands) counts as the single zone (band) {@code null}.
 *
 * @param id the charge id, unique in its catalog version
 * @param name what the invoice line says
 * @param usageType the id of the usage type this charge rates
 * @param increment rounding step in base units, {@code >= 1}
 * @param minimum minimum rounded quantity in base units, {@code >= 0}
 * @param unitSize base units per priced unit (e.g. 60 s, 1 MiB), {@code >= 1}
 * @param zones the zone ids, distinct; empty when the charge has one price for every zone
 * @param bandSchedule the time bands, {@link BandSchedule#NONE} when the charge has none
 * @param allowance the included quantity per bill period, {@link Allowance#NONE} when none
 * @param rates one rate per (zone, band)
 * @param taxCategory the tax category keying the tax rate
 * @param glCode the revenue account of the general ledger
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
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(bandSchedule, "bandSchedule");
    Objects.requireNonNull(allowance, "allowance");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(glCode, "glCode");
    zones = List.copyOf(zones);
    rates = List.copyOf(rates);
    if (increment < 1 || unitSize < 1 || minimum < 0) {
      throw new IllegalArgumentException(
          "increment and unitSize must be >= 1 and minimum >= 0: "
              + increment
              + ", "
              + unitSize
              + ", "
              + minimum);
    }
    if (new HashSet<>(zones).size() != zones.size()) {
      throw new IllegalArgumentException("duplicate zone in " + zones);
    }
    List<String> zoneKeys = zones.isEmpty() ? Arrays.asList((String) null) : zones;
    List<String> bandKeys =
        bandSchedule.bands().isEmpty() ? Arrays.asList((String) null) : bandSchedule.bandIds();
    Set<List<String>> expected = new HashSet<>();
    for (String z : zoneKeys) {
      for (String b : bandKeys) {
        expected.add(Arrays.asList(z, b));
      }
    }
    Set<List<String>> seen = new HashSet<>();
    for (UsageRate r : rates) {
      List<String> key = Arrays.asList(r.zone(), r.timeBand());
      if (!expected.contains(key) || !seen.add(key)) {
        throw new IllegalArgumentException("unexpected or duplicate rate for " + key);
      }
    }
    if (!seen.equals(expected)) {
      Set<List<String>> missing = new HashSet<>(expected);
      missing.removeAll(seen);
      throw new IllegalArgumentException("no rate for " + new ArrayList<>(missing));
    }
  }

  /**
   * The rate for a zone and a band id. The zone is ignored when the charge has no zones and the
   * band when it has no bands; otherwise an undeclared zone or band finds nothing (the record is
   * unratable and goes to suspense).
   */
  public Optional<UsageRate> rateFor(String zone, String bandId) {
    String z = zones.isEmpty() ? null : zone;
    String b = bandSchedule.bands().isEmpty() ? null : bandId;
    return rates.stream()
        .filter(r -> Objects.equals(r.zone(), z) && Objects.equals(r.timeBand(), b))
        .findFirst();
  }

  /**
   * The rate for a zone at a local date-time (the usage start already converted by the caller to
   * the account's zone), selecting the band through the {@link BandSchedule}.
   */
  public Optional<UsageRate> rateAt(String zone, LocalDateTime local) {
    return rateFor(zone, bandSchedule.bandAt(local).orElse(null));
  }

  /**
   * The price of one {@code unitSize} for a zone, band and currency at the cumulative chargeable
   * quantity {@code cumulativeQuantity} (which selects the tier); empty when there is no such rate
   * or no amount in that currency.
   */
  public Optional<Money> priceFor(
      String zone, String bandId, Currency currency, long cumulativeQuantity) {
    return rateFor(zone, bandId).flatMap(r -> r.unitPriceAt(cumulativeQuantity, currency));
  }
}
