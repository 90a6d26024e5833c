package com.telco.billing.core.catalog;

import com.telco.billing.core.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The price of a usage charge for one zone and one time band: graduated tiers that cover every
 * chargeable quantity from 0 upwards, contiguously, ending with an open-ended tier.
 *
 * <p>docs/billing-rules.md, "Rating a usage record", steps 3 and 5: the price is selected by zone
 * and time band, then applied through graduated tiers. A charge without zones (or bands) has rates
 * whose {@code zone} (or {@code timeBand}) is {@code null}.
 *
 * @param zone the zone id, or {@code null} when the charge has no zones
 * @param timeBand the time band id, or {@code null} when the charge has no time bands
 * @param tiers contiguous tiers from 0, the last one open-ended
 */
public record UsageRate(String zone, String timeBand, List<Tier> tiers) {
  public UsageRate {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a usage rate needs at least one tier");
    }
    long expected = 0;
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = tiers.get(i);
      if (t.from() != expected) {
        throw new IllegalArgumentException(
            "tier " + i + " starts at " + t.from() + ", not " + expected);
      }
      if (t.unbounded() != (i == tiers.size() - 1)) {
        throw new IllegalArgumentException("only the last tier is open-ended");
      }
      expected = t.unbounded() ? expected : t.upTo();
    }
  }

  /**
   * The tier that contains the cumulative chargeable quantity {@code quantity}.
   *
   * @throws IllegalArgumentException if {@code quantity < 0}
   */
  public Tier tierAt(long quantity) {
    if (quantity < 0) {
      throw new IllegalArgumentException("negative quantity: " + quantity);
    }
    for (Tier t : tiers) {
      if (t.contains(quantity)) {
        return t;
      }
    }
    throw new IllegalStateException("tiers do not cover " + quantity);
  }

  /**
   * The price of one {@code unitSize} at the cumulative chargeable quantity {@code quantity} in
   * {@code currency}; empty if the price list has no amount in that currency.
   */
  public Optional<Money> unitPriceAt(long quantity, Currency currency) {
    return tierAt(quantity).price().amountIn(currency);
  }
}
