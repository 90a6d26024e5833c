package com.telco.billing.core.subscription;

/**
 * What a {@link StatusChange} in a subscription's history records: the activation, or one of the
 * {@link SubscriptionChange}s.
 */
public enum ChangeKind {
  /** The subscription became active with its first offering. */
  ACTIVATED,
  /** The offering in force changed; the status stayed as it was. */
  OFFERING_CHANGED,
  /** The subscription was suspended. */
  SUSPENDED,
  /** A suspended subscription was resumed. */
  RESUMED,
  /** The subscription was terminated. */
  TERMINATED
}
