package com.telco.billing.node.billrun;

/**
 * How many accounts a run has to close: not counted yet, counted, or unknown because counting
 * failed. The count is for progress only (the run goes on without it); once the scan is over it is
 * the number of accounts the scan processed.
 */
public sealed interface AccountsDue
    permits AccountsDue.NotCounted, AccountsDue.Counted, AccountsDue.CountFailed {

  /** The accounts of the cycle day were not counted yet: counting is the run's first step. */
  enum NotCounted implements AccountsDue {
    INSTANCE
  }

  /** Counting the accounts of the cycle day failed: the count stays unknown. */
  enum CountFailed implements AccountsDue {
    INSTANCE
  }

  /** The accounts of the cycle day, {@code count >= 0}. */
  record Counted(long count) implements AccountsDue {
    public Counted {
      if (count < 0) {
        throw new IllegalArgumentException("a count of accounts is not negative: " + count);
      }
    }
  }
}
