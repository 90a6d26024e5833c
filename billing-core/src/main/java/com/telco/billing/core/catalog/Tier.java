package com.telco.billing.core.catalog;

import java.util.Objects;

/**
 * One graduated tier of a usage price: the chargeable quantity {@code [from, upTo)} in the usage
 * type's base unit (seconds, events, bytes), priced per {@code unitSize} of the charge.
 *
 * <p>docs/billing-rules.md, "Rating a usage record", step 5: the chargeable rest is priced through
 * graduated tiers on the cumulative chargeable quantity of the subscription and usage type in the
 * bill period: {@code amount = sum over tiers of (units falling in the tier) * tier price}, with
 * {@code units = quantity / unitSize}. {@link #quantityWithin(long, long)} gives the quantity of a
 * cumulative range that falls in this tier.
 *
 * @param from first quantity of the tier (inclusive), {@code >= 0}
 * @param upTo end of the tier (exclusive), {@code > from}; {@code null} for the open-ended last
 *     tier
 * @param price the price of one {@code unitSize} in this tier, per currency
 */
public record Tier(long from, Long upTo, Price price) {
  public Tier {
    Objects.requireNonNull(price, "price");
    if (from < 0) {
      throw new IllegalArgumentException("tier starts below 0: " + from);
    }
    if (upTo != null && upTo <= from) {
      throw new IllegalArgumentException("empty tier [" + from + ", " + upTo + ")");
    }
  }

  /** True for the open-ended last tier. */
  public boolean unbounded() {
    return upTo == null;
  }

  /** Whether the cumulative quantity {@code quantity} lies in {@code [from, upTo)}. */
  public boolean contains(long quantity) {
    return quantity >= from && (upTo == null || quantity < upTo);
  }

  /**
   * The part of the cumulative range {@code [start, end)} that falls in this tier, in base units (0
   * when they do not meet).
   */
  public long quantityWithin(long start, long end) {
    if (end < start) {
      throw new IllegalArgumentException("range end " + end + " before start " + start);
    }
    long lo = Math.max(start, from);
    long hi = upTo == null ? end : Math.min(end, upTo);
    return Math.max(0, hi - lo);
  }
}
