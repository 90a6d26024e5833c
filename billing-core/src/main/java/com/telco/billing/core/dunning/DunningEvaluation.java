package com.telco.billing.core.dunning;

import com.telco.billing.core.dunning.DunningDecision.DueStep;
import com.telco.billing.core.dunning.DunningState.Episode;
import com.telco.billing.core.dunning.DunningState.Hold;
import com.telco.billing.core.receivable.Balance;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.core.receivable.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Dunning evaluation, a pure function of the account's receivables, its policy, its dunning state
 * and today's date (docs/billing-rules.md, "Dunning", rules and project choices).
 *
 * <ul>
 *   <li>Overdue amount: what remains on the invoices past due ({@link Balance#of}) minus the
 *       disputed amount. Days past due: of the oldest invoice past due and unpaid, so a partial
 *       payment that settles the oldest invoice re-anchors them on the next oldest.
 *   <li>An episode starts when the overdue amount is above zero and reaches the policy's minimum
 *       for the account's currency, and ends when it falls below it. With no policy, no minimum for
 *       the currency, or an exempt account no episode starts and an open one ends.
 *   <li>In an episode, the steps not fired yet whose day is reached fire in order, several at once
 *       when they were delayed; a step fires only after every step before it fired, so no step is
 *       skipped. Steps fired stay fired.
 *   <li>While a hold is in force (or the account is exempt) no step fires; an episode still starts
 *       and ends with the overdue amount.
 *   <li>The late fee is charged by the first {@code late_fee} step that fires in an episode.
 * </ul>
 */
public final class DunningEvaluation {
  private DunningEvaluation() {}

  /** What dunning does for {@code in} on {@code in.today()}. */
  public static DunningDecision evaluate(DunningInput in) {
    Receivables receivables = in.receivables();
    LocalDate today = in.today();
    DunningState state = in.state();
    Balance balance = Balance.of(receivables, today);
    // unclamped, so that invoices falling due are counted against the disputed amount first
    BigDecimal net = balance.overdue().subtract(in.disputed());
    BigDecimal overdue = net.max(BigDecimal.ZERO.setScale(net.scale()));
    Optional<Hold> hold = state.activeHold(today);
    boolean held = in.exempt() || hold.isPresent();
    DunningPolicy policy = in.policy();
    Optional<BigDecimal> minimum =
        in.exempt() || policy == null
            ? Optional.empty()
            : policy.minimumFor(receivables.currency());
    if (minimum.isEmpty()) {
      return new DunningDecision(
          overdue,
          balance.daysPastDue(),
          balance.oldestPastDue(),
          false,
          List.of(),
          state.inEpisode(),
          held,
          null);
    }
    if (overdue.signum() <= 0 || overdue.compareTo(minimum.get()) < 0) {
      return new DunningDecision(
          overdue,
          balance.daysPastDue(),
          balance.oldestPastDue(),
          false,
          List.of(),
          state.inEpisode(),
          held,
          reachesMinimumOn(receivables, today, net, minimum.get()));
    }
    Episode episode = state.episode();
    List<DueStep> due =
        held ? List.of() : dueSteps(policy, episode, balance.daysPastDue(), overdue, receivables);
    LocalDate next =
        nextStepOn(policy, episode, due, receivables.item(balance.oldestPastDue()).orElseThrow());
    if (next != null && hold.isPresent()) {
      LocalDate afterHold = hold.get().until().plusDays(1);
      next = afterHold.isAfter(next) ? afterHold : next;
    }
    return new DunningDecision(
        overdue,
        balance.daysPastDue(),
        balance.oldestPastDue(),
        episode == null,
        due,
        false,
        held,
        next);
  }

  /**
   * The steps due in {@code episode} ({@code null}: the episode starting now): from the first step
   * not fired, each step not fired whose day is reached, stopping at the first one whose day is
   * not.
   */
  private static List<DueStep> dueSteps(
      DunningPolicy policy,
      Episode episode,
      long daysPastDue,
      BigDecimal overdue,
      Receivables receivables) {
    List<DueStep> due = new ArrayList<>();
    boolean feeCharged = episode != null && episode.lateFeeCharged();
    List<DunningStep> steps = policy.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (episode != null && episode.hasFired(i)) {
        continue;
      }
      DunningStep step = steps.get(i);
      if (step.day() > daysPastDue) {
        break;
      }
      BigDecimal fee = null;
      if (step.does(DunningAction.LATE_FEE) && !feeCharged) {
        fee = LateFees.amount(policy.lateFee(), receivables.currency(), overdue).orElse(null);
        feeCharged = fee != null;
      }
      due.add(new DueStep(i, step, fee));
    }
    return due;
  }

  /**
   * The date the first step neither fired nor due now reaches its day, counted from the due date of
   * the oldest invoice past due; {@code null} when every step fired or is due. A later change of
   * the oldest invoice (an older invoice falling due) can only move that date later, so evaluating
   * on it never comes too late.
   */
  private static LocalDate nextStepOn(
      DunningPolicy policy, Episode episode, List<DueStep> due, OpenItem oldest) {
    List<DunningStep> steps = policy.steps();
    for (int i = 0; i < steps.size(); i++) {
      int index = i;
      boolean fired = episode != null && episode.hasFired(i);
      if (!fired && due.stream().noneMatch(d -> d.stepIndex() == index)) {
        return oldest.dueDate().plusDays(steps.get(i).day());
      }
    }
    return null;
  }

  /**
   * The first day on which invoices falling due bring the overdue amount ({@code net} now, the
   * disputed amount deducted) to {@code minimum}: the day after a due date. {@code null} when the
   * open invoices never do (only a new invoice or a reversed payment can change that).
   */
  private static LocalDate reachesMinimumOn(
      Receivables receivables, LocalDate today, BigDecimal net, BigDecimal minimum) {
    List<OpenItem> falling = new ArrayList<>();
    for (OpenItem item : receivables.openItems()) {
      if (!item.isPastDue(today)) {
        falling.add(item);
      }
    }
    falling.sort(Comparator.comparing(OpenItem::dueDate));
    BigDecimal sum = net;
    for (OpenItem item : falling) {
      sum = sum.add(item.remaining());
      if (sum.signum() > 0 && sum.compareTo(minimum) >= 0) {
        return item.dueDate().plusDays(1);
      }
    }
    return null;
  }
}
