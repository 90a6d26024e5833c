package com.telco.billing.core.rating;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What rating counters are kept per: one subscription, one usage type, one bill period
 * (docs/billing-rules.md, "Rating a usage record", steps 4 and 5: the allowance is per
 * subscription, per usage type and per bill period, tiers are graduated on the cumulative
 * chargeable quantity of that subscription and usage type in the period).
 *
 * @param subscriptionId the subscription
 * @param usageType the usage type id
 * @param periodStart the first date of the bill period (its cycle date)
 */
public record CounterKey(String subscriptionId, String usageType, LocalDate periodStart) {
  public CounterKey {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(periodStart, "periodStart");
  }
}
