package com.telco.billing.core.catalog;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tax rates of a catalog version: for each (jurisdiction, tax category), dated rates that never
 * overlap, so at most one applies on any date.
 *
 * <p>docs/billing-rules.md, "Tax": rates are keyed by (jurisdiction, tax category) with effective
 * dates; an invoice uses the rates in effect on its issue date.
 *
 * @param rates the dated rates
 */
public record TaxTable(List<TaxRate> rates) {
  public TaxTable {
    rates = List.copyOf(rates);
    for (int i = 0; i < rates.size(); i++) {
      for (int j = i + 1; j < rates.size(); j++) {
        if (rates.get(i).overlaps(rates.get(j))) {
          throw new IllegalArgumentException(
              "overlapping tax rates: " + rates.get(i) + " and " + rates.get(j));
        }
      }
    }
  }

  /** The rate for (jurisdiction, category) in effect on {@code date}, if any. */
  public Optional<TaxRate> rateFor(String jurisdiction, String taxCategory, LocalDate date) {
    return rates.stream()
        .filter(
            r ->
                r.jurisdiction().equals(jurisdiction)
                    && r.taxCategory().equals(taxCategory)
                    && r.appliesOn(date))
        .findFirst();
  }

  /** Every tax category that has at least one rate, sorted. */
  public Set<String> categories() {
    Set<String> categories = new TreeSet<>();
    rates.forEach(r -> categories.add(r.taxCategory()));
    return Collections.unmodifiableSet(categories);
  }
}
