package com.telco.billing.core.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * One subscription's hold on a service identifier over {@code [from, until)}: usage of the
 * identifier at an instant in that range is guided to this account and subscription
 * (docs/billing-rules.md, "Rating a usage record", step 1).
 *
 * @param accountId the holding account
 * @param subscriptionId the holding subscription
 * @param from the start of the subscription's activation date in the account's zone
 * @param until the start of its termination date in the account's zone, or null while no
 *     termination is recorded
 */
public record Holding(String accountId, String subscriptionId, Instant from, Instant until) {

  public Holding {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(from, "from");
    if (until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("until " + until + " is before from " + from);
    }
  }

  /** True while no release is recorded. */
  public boolean openEnded() {
    return until == null;
  }

  /** True when {@code instant} is in {@code [from, until)}. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(from) && (until == null || instant.isBefore(until));
  }

  /** True when some instant is covered by this holding and by {@code [start, ...)}. */
  public boolean overlapsFrom(Instant start) {
    boolean coversSomething = until == null || until.isAfter(from);
    return coversSomething && (until == null || until.isAfter(start));
  }

  /** True when the holding belongs to this account and subscription. */
  public boolean heldBy(String accountId, String subscriptionId) {
    return this.accountId.equals(accountId) && this.subscriptionId.equals(subscriptionId);
  }

  @Override
  public String toString() {
    return "subscription "
        + subscriptionId
        + " of account "
        + accountId
        + " over ["
        + from
        + ", "
        + (until == null ? "..." : until)
        + ")";
  }
}
