package com.telco.billing.core.dedupe;

/** What the {@link DedupeWindow} says about one record of a batch. */
public enum DedupeVerdict {
  /** First time seen: rate it; the window now remembers it. */
  ACCEPTED,

  /**
   * Already accepted, in an earlier batch or earlier in the same batch: acknowledge it as a
   * duplicate and never charge it again (docs/billing-rules.md, "Records that are refused or
   * held").
   */
  DUPLICATE,

  /**
   * Its UTC day was already evicted, so the window can no longer tell whether it was accepted:
   * refuse it as too old ({@code RatingReasons.TOO_OLD}). Validation refuses such records first;
   * this verdict only shows up when a clock runs behind the one that evicted (e.g. after a failover
   * to a node whose clock lags), and it keeps such a record from being charged twice.
   */
  TOO_OLD
}
