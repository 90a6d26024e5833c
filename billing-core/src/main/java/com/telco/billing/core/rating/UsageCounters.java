package com.telco.billing.core.rating;

/**
 * The running totals of one {@link CounterKey} (subscription, usage type, bill period), in the
 * usage type's base unit: what the rating entity keeps between records. Immutable: {@link
 * #plus(RatedUsage)} returns the counters after a rated record, so the entity's event handler
 * applies a {@code UsageRated} event by replacing the value under {@link RatedUsage#counterKey()}.
 *
 * <p>Invariants: every counter is {@code >= 0} and {@code roundedQuantity == allowanceUsed +
 * chargeableQuantity} for counters built by rating from {@link #ZERO}.
 *
 * @param roundedQuantity the sum of the rounded quantities rated in the period
 * @param allowanceUsed the part of them taken from the included allowance (step 4)
 * @param chargeableQuantity the part priced through the tiers (step 5): the cumulative quantity
 *     that selects the tier of the next record
 */
public record UsageCounters(long roundedQuantity, long allowanceUsed, long chargeableQuantity) {

  /** The counters of a period nothing was rated in yet. */
  public static final UsageCounters ZERO = new UsageCounters(0, 0, 0);

  public UsageCounters {
    if (roundedQuantity < 0 || allowanceUsed < 0 || chargeableQuantity < 0) {
      throw new IllegalArgumentException(
          "negative counter: "
              + roundedQuantity
              + ", "
              + allowanceUsed
              + ", "
              + chargeableQuantity);
    }
  }

  /**
   * The counters after {@code rated} (which must have been rated against this key).
   *
   * @throws ArithmeticException if a counter overflows a {@code long}
   */
  public UsageCounters plus(RatedUsage rated) {
    return plus(rated.roundedQuantity(), rated.allowanceUsed(), rated.chargeableQuantity());
  }

  UsageCounters plus(long rounded, long allowance, long chargeable) {
    return new UsageCounters(
        Math.addExact(roundedQuantity, rounded),
        Math.addExact(allowanceUsed, allowance),
        Math.addExact(chargeableQuantity, chargeable));
  }
}
