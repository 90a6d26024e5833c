package com.telco.billing.core.rating;

import com.telco.billing.core.catalog.Tier;
import com.telco.billing.core.catalog.UsageRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * The graduated tiers of one {@link UsageRate} in one currency, compiled for pricing: tier bounds
 * as {@code long}s and prices both as {@link BigDecimal} and, when they fit, as {@code long}
 * unscaled values at one common scale.
 *
 * <p>docs/billing-rules.md, "Rating a usage record", step 5: {@code amount = sum over tiers of
 * (units falling in the tier) * tier price} with {@code units = quantity / unitSize}, kept HALF_UP
 * at scale 6 ("Money"). Computed exactly as {@code (sum of quantity_t * price_t) / unitSize}
 * rounded once: with {@code long} arithmetic when nothing overflows, else with {@link BigDecimal};
 * both give the same value, the correctly rounded exact quotient.
 */
final class TierPlan {
  private static final int AMOUNT_SCALE = 6;
  private static final long[] POW10 = new long[19];
  private static final BigDecimal ZERO = BigDecimal.valueOf(0, AMOUNT_SCALE);

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final long[] from;
  private final long[] upTo;
  private final BigDecimal[] prices;
  private final long[] unscaled;
  private final int scale;
  private final boolean exactInLong;

  private TierPlan(long[] from, long[] upTo, BigDecimal[] prices) {
    this.from = from;
    this.upTo = upTo;
    this.prices = prices;
    int common = 0;
    for (BigDecimal p : prices) {
      common = Math.max(common, p.scale());
    }
    this.scale = common;
    this.unscaled = new long[prices.length];
    boolean fits = common - AMOUNT_SCALE < POW10.length;
    for (int i = 0; i < prices.length && fits; i++) {
      BigDecimal atScale = prices[i].setScale(common);
      fits = atScale.precision() <= 18;
      unscaled[i] = fits ? atScale.unscaledValue().longValueExact() : 0;
    }
    this.exactInLong = fits;
  }

  /** The tiers of {@code rate} in {@code currency}, or null if a tier has no price in it. */
  static TierPlan of(UsageRate rate, Currency currency) {
    List<Tier> tiers = rate.tiers();
    long[] from = new long[tiers.size()];
    long[] upTo = new long[tiers.size()];
    BigDecimal[] prices = new BigDecimal[tiers.size()];
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = tiers.get(i);
      from[i] = t.from();
      upTo[i] = t.unbounded() ? Long.MAX_VALUE : t.upTo();
      BigDecimal price = t.price().amountIn(currency).map(m -> m.amount()).orElse(null);
      if (price == null) {
        return null;
      }
      prices[i] = price;
    }
    return new TierPlan(from, upTo, prices);
  }

  /**
   * The price of the cumulative chargeable range {@code [start, end)} (base units), per {@code
   * unitSize}, HALF_UP at scale 6.
   */
  BigDecimal amount(long start, long end, long unitSize) {
    if (end == start) {
      return ZERO;
    }
    if (exactInLong) {
      try {
        long numerator = 0;
        for (int i = firstTier(start); i < from.length && from[i] < end; i++) {
          long inTier = Math.min(end, upTo[i]) - Math.max(start, from[i]);
          numerator = Math.addExact(numerator, Math.multiplyExact(inTier, unscaled[i]));
        }
        return divideHalfUp(numerator, unitSize);
      } catch (ArithmeticException overflow) {
        // larger than a long: the BigDecimal computation below is exact
      }
    }
    BigDecimal numerator = BigDecimal.ZERO;
    for (int i = firstTier(start); i < from.length && from[i] < end; i++) {
      long inTier = Math.min(end, upTo[i]) - Math.max(start, from[i]);
      numerator = numerator.add(BigDecimal.valueOf(inTier).multiply(prices[i]));
    }
    return numerator.divide(BigDecimal.valueOf(unitSize), AMOUNT_SCALE, RoundingMode.HALF_UP);
  }

  private int firstTier(long start) {
    int i = 0;
    while (upTo[i] <= start) {
      i++;
    }
    return i;
  }

  /** {@code numerator * 10^-scale / unitSize}, HALF_UP at scale 6, for a non-negative numerator. */
  private BigDecimal divideHalfUp(long numerator, long unitSize) {
    long dividend;
    long divisor;
    if (scale <= AMOUNT_SCALE) {
      dividend = Math.multiplyExact(numerator, POW10[AMOUNT_SCALE - scale]);
      divisor = unitSize;
    } else {
      dividend = numerator;
      divisor = Math.multiplyExact(unitSize, POW10[scale - AMOUNT_SCALE]);
    }
    long quotient = dividend / divisor;
    long remainder = dividend - quotient * divisor;
    if (remainder >= divisor - remainder) {
      quotient++;
    }
    return BigDecimal.valueOf(quotient, AMOUNT_SCALE);
  }
}
