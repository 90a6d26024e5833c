package com.telco.billing.core.dunning;

import com.telco.billing.core.receivable.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link DunningEvaluation#evaluate} reads.
 *
 * @param receivables the account's open items and payments
 * @param policy the policy that applies: while an episode is open the version pinned by the episode
 *     ({@code state.episode().policyId()}, {@code policyVersion()}), else the latest version of the
 *     account's policy; {@code null} when none applies
 * @param state the account's dunning state
 * @param exempt true when the account is exempt from dunning
 * @param disputed the amount on hold by disputes; it does not count as overdue
 * @param today the date of the evaluation, in the account's zone
 */
public record DunningInput(
    Receivables receivables,
    DunningPolicy policy,
    DunningState state,
    boolean exempt,
    BigDecimal disputed,
    LocalDate today) {

  public DunningInput {
    Objects.requireNonNull(receivables, "receivables");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(disputed, "disputed");
    Objects.requireNonNull(today, "today");
    if (disputed.signum() < 0) {
      throw new IllegalArgumentException("disputed below zero");
    }
  }
}
