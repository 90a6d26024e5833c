package com.telco.billing.core.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one dunning evaluation decided (docs/billing-rules.md, "Dunning", rules and project
 * choices). The caller records it in this order: the episode started, the due steps fired (and the
 * late fee charged), or the episode ended; then the next evaluation.
 *
 * @param overdue what remains on invoices past due, minus the disputed amount (never below zero)
 * @param daysPastDue the days past due of the oldest invoice past due and unpaid; 0 when none is
 * @param oldestInvoice the number of that invoice, or {@code null}
 * @param startsEpisode true when an episode starts with this evaluation
 * @param due the steps that fire now, in order (computed as if a starting episode had started)
 * @param endsEpisode true when the open episode ends (the overdue amount fell below the minimum, or
 *     no policy applies any more, or the account became exempt)
 * @param held true when a hold is in force or the account is exempt: no step fires
 * @param nextEvaluation the earliest date on which evaluating again may change something, if no
 *     payment or invoice arrives before; {@code null} when only such a change can
 */
public record DunningDecision(
    BigDecimal overdue,
    long daysPastDue,
    String oldestInvoice,
    boolean startsEpisode,
    List<DueStep> due,
    boolean endsEpisode,
    boolean held,
    LocalDate nextEvaluation) {

  public DunningDecision {
    Objects.requireNonNull(overdue, "overdue");
    due = List.copyOf(due);
    if (startsEpisode && endsEpisode) {
      throw new IllegalArgumentException("an episode cannot start and end at once");
    }
  }

  /** True when the evaluation changes the dunning state (apart from the next evaluation). */
  public boolean changesSomething() {
    return startsEpisode || endsEpisode || !due.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DunningDecision other
        && Decimals.same(overdue, other.overdue)
        && daysPastDue == other.daysPastDue
        && Objects.equals(oldestInvoice, other.oldestInvoice)
        && startsEpisode == other.startsEpisode
        && due.equals(other.due)
        && endsEpisode == other.endsEpisode
        && held == other.held
        && Objects.equals(nextEvaluation, other.nextEvaluation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Decimals.hash(overdue),
        daysPastDue,
        oldestInvoice,
        startsEpisode,
        due,
        endsEpisode,
        held,
        nextEvaluation);
  }

  /**
   * A step due now.
   *
   * @param stepIndex its index in the policy's steps
   * @param step the step
   * @param lateFee the late fee to charge when the step has {@link DunningAction#LATE_FEE} and no
   *     fee was charged in the episode yet (and {@link LateFees#amount} charges something); else
   *     {@code null}
   */
  public record DueStep(int stepIndex, DunningStep step, BigDecimal lateFee) {
    public DueStep {
      Objects.requireNonNull(step, "step");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DueStep other
          && stepIndex == other.stepIndex
          && step.equals(other.step)
          && Decimals.same(lateFee, other.lateFee);
    }

    @Override
    public int hashCode() {
      return Objects.hash(stepIndex, step, Decimals.hash(lateFee));
    }
  }
}
