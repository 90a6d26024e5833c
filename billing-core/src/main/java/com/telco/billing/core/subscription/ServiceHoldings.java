package com.telco.billing.core.subscription;

import static com.telco.billing.core.subscription.SubscriptionRefusals.ALREADY_RELEASED;
import static com.telco.billing.core.subscription.SubscriptionRefusals.CLAIM_CONFLICT;
import static com.telco.billing.core.subscription.SubscriptionRefusals.RELEASE_BEFORE_CLAIM;
import static com.telco.billing.core.subscription.SubscriptionRefusals.SERVICE_IN_USE;
import static com.telco.billing.core.subscription.SubscriptionRefusals.SERVICE_NOT_HELD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guiding index for one service identifier: who held it over which instants, so that usage at
 * instant {@code t} is guided to the subscription holding the identifier at {@code t}
 * (docs/billing-rules.md, "Rating a usage record", step 1).
 *
 * <p>Rules (codes in {@link SubscriptionRefusals}):
 *
 * <ul>
 *   <li>At most one holder at any instant: a claim from {@code t} is refused ({@code
 *       service_in_use}, naming the holder) when another holding covers any instant at or after
 *       {@code t}; an open holding (no release yet) therefore blocks every claim by another holder.
 *   <li>A holder is an (account, subscription) pair and holds an identifier over one contiguous
 *       range: claiming again from the same instant is idempotent, from another instant is refused
 *       ({@code claim_conflict}).
 *   <li>Release closes the holder's holding at an instant (the start of the termination date):
 *       again at the same instant is idempotent; at another instant ({@code already_released}),
 *       before the holding's start ({@code release_before_claim}) or without a holding ({@code
 *       service_not_held}) is refused.
 *   <li>Recycling: after a release at {@code r}, anyone (this or another account, or the same
 *       subscription id moved to another account) can claim from {@code r} on. A move between
 *       accounts is a release on one and a claim on the other.
 * </ul>
 *
 * <p>The history is kept: {@link #holderAt} answers for any instant, past or future.
 *
 * @param serviceId the identifier
 * @param holdings every holding, ordered by start
 */
public record ServiceHoldings(ServiceId serviceId, List<Holding> holdings) {

  private static final Comparator<Holding> BY_START =
      Comparator.comparing(Holding::from)
          .thenComparing(Holding::until, Comparator.nullsLast(Comparator.naturalOrder()));

  public ServiceHoldings {
    Objects.requireNonNull(serviceId, "serviceId");
    holdings = holdings.stream().sorted(BY_START).toList();
    for (int i = 0; i < holdings.size(); i++) {
      for (int j = i + 1; j < holdings.size(); j++) {
        Holding a = holdings.get(i);
        Holding b = holdings.get(j);
        if (a.heldBy(b.accountId(), b.subscriptionId())) {
          throw new IllegalArgumentException("two holdings of one holder: " + a + ", " + b);
        }
        if (overlap(a, b)) {
          throw new IllegalArgumentException("overlapping holdings: " + a + ", " + b);
        }
      }
    }
  }

  /** The index of an identifier nobody has held yet. */
  public static ServiceHoldings none(ServiceId serviceId) {
    return new ServiceHoldings(serviceId, List.of());
  }

  /** The holding that covers {@code instant}, if any: the one to guide usage at that instant to. */
  public Optional<Holding> holderAt(Instant instant) {
    return holdings.stream().filter(h -> h.covers(instant)).findFirst();
  }

  /** The holding of this account and subscription, if it ever claimed the identifier. */
  public Optional<Holding> holdingOf(String accountId, String subscriptionId) {
    return holdings.stream().filter(h -> h.heldBy(accountId, subscriptionId)).findFirst();
  }

  /** The holding without release, if any (it may start in the future). */
  public Optional<Holding> openHolding() {
    return holdings.stream().filter(Holding::openEnded).findFirst();
  }

  /** {@link #claim(String, String, Instant)} for a claim on this identifier. */
  public Decision<ServiceHoldings> claim(ServiceClaim claim) {
    requireSameService(claim.serviceId());
    return claim(claim.accountId(), claim.subscriptionId(), claim.from());
  }

  /**
   * The account's subscription holds the identifier from {@code from} on (its activation).
   *
   * @return Applied; AlreadyApplied for the same holder and start; Refused {@code claim_conflict}
   *     for the same holder and another start, {@code service_in_use} when another holding covers
   *     an instant at or after {@code from}
   */
  public Decision<ServiceHoldings> claim(String accountId, String subscriptionId, Instant from) {
    Objects.requireNonNull(from, "from");
    Optional<Holding> own = holdingOf(accountId, subscriptionId);
    if (own.isPresent()) {
      if (own.get().from().equals(from)) {
        return new Decision.AlreadyApplied<>(this);
      }
      return Decision.refused(
          CLAIM_CONFLICT,
          "serviceId",
          serviceId + " was already claimed by " + own.get() + ", not from " + from);
    }
    for (Holding other : holdings) {
      if (other.overlapsFrom(from)) {
        return Decision.refused(
            SERVICE_IN_USE,
            "serviceId",
            serviceId + " is held by " + other + " at or after " + from);
      }
    }
    List<Holding> next = new ArrayList<>(holdings);
    next.add(new Holding(accountId, subscriptionId, from, null));
    return new Decision.Applied<>(new ServiceHoldings(serviceId, next));
  }

  /** {@link #release(String, String, Instant)} for a release of this identifier. */
  public Decision<ServiceHoldings> release(ServiceRelease release) {
    requireSameService(release.serviceId());
    return release(release.accountId(), release.subscriptionId(), release.at());
  }

  /**
   * The account's subscription no longer holds the identifier from {@code at} on (its termination).
   *
   * @return Applied; AlreadyApplied when already released at {@code at}; Refused {@code
   *     service_not_held}, {@code already_released} (at another instant) or {@code
   *     release_before_claim}
   */
  public Decision<ServiceHoldings> release(String accountId, String subscriptionId, Instant at) {
    Objects.requireNonNull(at, "at");
    Optional<Holding> own = holdingOf(accountId, subscriptionId);
    if (own.isEmpty()) {
      return Decision.refused(
          SERVICE_NOT_HELD,
          "serviceId",
          serviceId
              + " is not held by subscription "
              + subscriptionId
              + " of account "
              + accountId);
    }
    Holding holding = own.get();
    if (holding.until() != null) {
      if (holding.until().equals(at)) {
        return new Decision.AlreadyApplied<>(this);
      }
      return Decision.refused(
          ALREADY_RELEASED, "serviceId", serviceId + " was already released: " + holding);
    }
    if (at.isBefore(holding.from())) {
      return Decision.refused(
          RELEASE_BEFORE_CLAIM,
          "serviceId",
          "release at " + at + " is before the start of " + serviceId + " held by " + holding);
    }
    List<Holding> next = new ArrayList<>(holdings);
    next.set(
        next.indexOf(holding),
        new Holding(holding.accountId(), holding.subscriptionId(), holding.from(), at));
    return new Decision.Applied<>(new ServiceHoldings(serviceId, next));
  }

  private void requireSameService(ServiceId other) {
    if (!serviceId.equals(other)) {
      throw new IllegalArgumentException("a change of " + other + " sent to " + serviceId);
    }
  }

  private static boolean overlap(Holding a, Holding b) {
    boolean aEmpty = a.until() != null && a.until().equals(a.from());
    boolean bEmpty = b.until() != null && b.until().equals(b.from());
    if (aEmpty || bEmpty) {
      return false;
    }
    boolean aStartsBeforeBEnds = b.until() == null || a.from().isBefore(b.until());
    boolean bStartsBeforeAEnds = a.until() == null || b.from().isBefore(a.until());
    return aStartsBeforeBEnds && bStartsBeforeAEnds;
  }
}
