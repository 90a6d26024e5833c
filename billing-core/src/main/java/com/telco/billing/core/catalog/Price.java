package com.telco.billing.core.catalog;

import com.telco.billing.core.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A price list entry: one amount per currency of the catalog version (docs/billing-rules.md,
 * "Money": a catalog price list exists per currency). A validated catalog gives every price an
 * amount in every currency the version declares. Amounts are kept sorted by currency code so that
 * equal prices are equal records.
 *
 * @param amounts at most one amount per currency
 */
public record Price(List<CurrencyAmount> amounts) {
  public Price {
    List<CurrencyAmount> sorted = new ArrayList<>(amounts);
    sorted.sort(Comparator.comparing(a -> a.currency().getCurrencyCode()));
    Set<Currency> seen = new HashSet<>();
    for (CurrencyAmount a : sorted) {
      if (!seen.add(a.currency())) {
        throw new IllegalArgumentException("two amounts in " + a.currency());
      }
    }
    amounts = List.copyOf(sorted);
  }

  /** A price from amounts. */
  public static Price of(CurrencyAmount... amounts) {
    return new Price(List.of(amounts));
  }

  /** The amount in {@code currency}, empty when the price list has none in that currency. */
  public Optional<Money> amountIn(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    return amounts.stream()
        .filter(a -> a.currency().equals(currency))
        .findFirst()
        .map(CurrencyAmount::toMoney);
  }
}
