package com.telco.billing.core.subscription;

/**
 * The status of a subscription on a calendar date (docs/billing-rules.md, "Periods and time":
 * lifecycle dates are effective at the start of their day in the account's zone).
 *
 * <p>{@link #PENDING} is never recorded: it is what {@link Subscription#statusOn} answers for a
 * date before the activation date, since fulfilment may report an activation date in the future and
 * billing starts at the activation date, never at order time.
 */
public enum SubscriptionStatus {
  /** Known, but the activation date has not come yet; not billed, not guided to. */
  PENDING,
  /** In service from its effective date. */
  ACTIVE,
  /** Suspended from its effective date; recurring charges follow the offering's rule. */
  SUSPENDED,
  /** Terminated from its effective date: final, no further change is accepted. */
  TERMINATED
}
