package com.telco.billing.node.dunning.worklist;

import com.telco.billing.protocol.account.journal.DunningFact;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The dunning read side's view of one account, folded from its {@code DunningChanged} facts (and
 * the currency of its {@code AccountOpened}): the due row's date, the episode in progress with its
 * last fired step, barring, hold and hand-over to collections. Dates are the account's dates.
 *
 * @param currency the account's currency (ISO 4217), null until its opening was seen
 * @param nextEvaluation the date of its due row (a date already past when the fact was read is that
 *     day), null for none
 * @param episode the episode in progress, 0 for none
 * @param stepIndex the last fired step's index, null before the first
 * @param oldestDue the due date of the oldest unpaid invoice at the last fired step (its date less
 *     its days past due)
 * @param holdUntil the end (inclusive) of the hold in force, null for none
 */
public record AccountDunning(
    String currency,
    LocalDate nextEvaluation,
    int episode,
    LocalDate episodeStart,
    Integer stepIndex,
    String stepName,
    LocalDate stepDate,
    Long daysPastDueAtStep,
    LocalDate oldestDue,
    BigDecimal overdue,
    boolean barred,
    String holdId,
    LocalDate holdUntil,
    LocalDate handedToCollections) {

  /** An account the read side knows nothing of. */
  public static final AccountDunning NONE =
      new AccountDunning(
          null, null, 0, null, null, null, null, null, null, null, false, null, null, null);

  /** Whether an episode is in progress: the account is on the work list. */
  public boolean inEpisode() {
    return episode > 0;
  }

  public AccountDunning withCurrency(String newCurrency) {
    return new AccountDunning(
        newCurrency,
        nextEvaluation,
        episode,
        episodeStart,
        stepIndex,
        stepName,
        stepDate,
        daysPastDueAtStep,
        oldestDue,
        overdue,
        barred,
        holdId,
        holdUntil,
        handedToCollections);
  }

  /**
   * The view after {@code fact}, read on {@code today} (UTC): a {@code NextEvaluation} in the past
   * is due today, so that the driver, whose watermark never passes yesterday, sees it.
   */
  public AccountDunning apply(DunningFact fact, LocalDate today) {
    if (fact instanceof DunningFact.NextEvaluation next) {
      LocalDate on = next.date() == null || !next.date().isBefore(today) ? next.date() : today;
      return new AccountDunning(
          currency,
          on,
          episode,
          episodeStart,
          stepIndex,
          stepName,
          stepDate,
          daysPastDueAtStep,
          oldestDue,
          overdue,
          barred,
          holdId,
          holdUntil,
          handedToCollections);
    }
    if (fact instanceof DunningFact.EpisodeStarted started) {
      return new AccountDunning(
          currency,
          nextEvaluation,
          started.episode(),
          started.date(),
          null,
          null,
          null,
          null,
          null,
          started.overdue(),
          false,
          holdId,
          holdUntil,
          null);
    }
    if (fact instanceof DunningFact.StepFired fired) {
      return new AccountDunning(
          currency,
          nextEvaluation,
          fired.episode(),
          episodeStart == null ? fired.date() : episodeStart,
          fired.stepIndex(),
          fired.stepName(),
          fired.date(),
          fired.daysPastDue(),
          fired.date().minusDays(fired.daysPastDue()),
          fired.overdue(),
          barred,
          holdId,
          holdUntil,
          handedToCollections);
    }
    if (fact instanceof DunningFact.ServiceBarred) {
      return withBarred(true);
    }
    if (fact instanceof DunningFact.ServiceUnbarred) {
      return withBarred(false);
    }
    if (fact instanceof DunningFact.HandedToCollections handed) {
      return new AccountDunning(
          currency,
          nextEvaluation,
          episode,
          episodeStart,
          stepIndex,
          stepName,
          stepDate,
          daysPastDueAtStep,
          oldestDue,
          handed.overdue(),
          barred,
          holdId,
          holdUntil,
          handed.date());
    }
    if (fact instanceof DunningFact.EpisodeEnded) {
      return new AccountDunning(
          currency,
          nextEvaluation,
          0,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          false,
          holdId,
          holdUntil,
          null);
    }
    if (fact instanceof DunningFact.HoldPlaced hold) {
      return withHold(hold.holdId(), hold.until());
    }
    if (fact instanceof DunningFact.HoldReleased released) {
      return released.holdId().equals(holdId) ? withHold(null, null) : this;
    }
    // late fees are the invoices' business, not the work list's
    return this;
  }

  private AccountDunning withBarred(boolean nowBarred) {
    return new AccountDunning(
        currency,
        nextEvaluation,
        episode,
        episodeStart,
        stepIndex,
        stepName,
        stepDate,
        daysPastDueAtStep,
        oldestDue,
        overdue,
        nowBarred,
        holdId,
        holdUntil,
        handedToCollections);
  }

  private AccountDunning withHold(String newHoldId, LocalDate until) {
    return new AccountDunning(
        currency,
        nextEvaluation,
        episode,
        episodeStart,
        stepIndex,
        stepName,
        stepDate,
        daysPastDueAtStep,
        oldestDue,
        overdue,
        barred,
        newHoldId,
        until,
        handedToCollections);
  }
}
