package com.telco.billing.core.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A published version of a dunning policy (docs/billing-rules.md, "Dunning").
 *
 * @param policyId the policy's id; versions of a policy share it
 * @param version 1, 2, ... in publication order
 * @param legalEntity the legal entity whose accounts it applies to
 * @param segment the customer segment it applies to, or {@code null} for every account of the legal
 *     entity that no segment policy covers
 * @param minimumOverdue the overdue amount per currency from which an episode starts; an account in
 *     a currency not listed is never dunned by this policy
 * @param steps in order of strictly increasing day
 * @param lateFee the fee of its {@code late_fee} steps, or {@code null} when it has none
 * @param publishedAt when the version was published
 */
public record DunningPolicy(
    String policyId,
    int version,
    String legalEntity,
    String segment,
    Map<Currency, BigDecimal> minimumOverdue,
    List<DunningStep> steps,
    LateFee lateFee,
    Instant publishedAt) {
  public DunningPolicy {
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(legalEntity, "legalEntity");
    minimumOverdue = Map.copyOf(minimumOverdue);
    steps = List.copyOf(steps);
  }

  /**
   * The minimum overdue amount of {@code currency}, if the policy dunns accounts in that currency.
   */
  public Optional<BigDecimal> minimumFor(Currency currency) {
    return Optional.ofNullable(minimumOverdue.get(currency));
  }
}
