package com.telco.billing.node.dunning.worklist;

import com.telco.billing.protocol.account.journal.DunningFact;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The dunning read side's view of one account, folded from its {@code DunningChanged} facts (and
 * the currency of its {@code AccountOpened}): the due row's date, the hold in force, and the
 * episode in progress. Dates are the account's dates.
 *
 * @param currency the account's currency (ISO 4217), null until its opening was seen
 * @param nextEvaluation the date of its due row (a date already past when the fact was read is that
 *     day), null for none
 * @param holdUntil the end (inclusive) of the hold in force, null for none
 * @param episode the episode in progress, null for none
 */
public record AccountDunning(
    String currency,
    LocalDate nextEvaluation,
    String holdId,
    LocalDate holdUntil,
    Episode episode) {

  /**
   * An episode in progress with its last fired step.
   *
   * @param number the account's episode number, 1, 2, ...
   * @param stepIndex the last fired step's index, null before the first
   * @param oldestDue the due date of the oldest unpaid invoice at the last fired step (its date
   *     less its days past due), null before the first
   * @param overdue the overdue amount last recorded
   * @param handedToCollections when it was handed to a collection agency, or null
   */
  public record Episode(
      int number,
      LocalDate start,
      Integer stepIndex,
      String stepName,
      LocalDate stepDate,
      Long daysPastDueAtStep,
      LocalDate oldestDue,
      BigDecimal overdue,
      boolean barred,
      LocalDate handedToCollections) {

    static Episode started(DunningFact.EpisodeStarted started) {
      return new Episode(
          started.episode(),
          started.date(),
          null,
          null,
          null,
          null,
          null,
          started.overdue(),
          false,
          null);
    }

    Episode fired(DunningFact.StepFired fired) {
      return new Episode(
          fired.episode(),
          start,
          fired.stepIndex(),
          fired.stepName(),
          fired.date(),
          fired.daysPastDue(),
          fired.date().minusDays(fired.daysPastDue()),
          fired.overdue(),
          barred,
          handedToCollections);
    }

    Episode withBarred(boolean nowBarred) {
      return new Episode(
          number,
          start,
          stepIndex,
          stepName,
          stepDate,
          daysPastDueAtStep,
          oldestDue,
          overdue,
          nowBarred,
          handedToCollections);
    }

    Episode handedOver(DunningFact.HandedToCollections handed) {
      return new Episode(
          number,
          start,
          stepIndex,
          stepName,
          stepDate,
          daysPastDueAtStep,
          oldestDue,
          handed.overdue(),
          barred,
          handed.date());
    }
  }

  /** An account the read side knows nothing of. */
  public static final AccountDunning NONE = new AccountDunning(null, null, null, null, null);

  /** Whether an episode is in progress: the account is on the work list. */
  public boolean inEpisode() {
    return episode != null;
  }

  public AccountDunning withCurrency(String newCurrency) {
    return new AccountDunning(newCurrency, nextEvaluation, holdId, holdUntil, episode);
  }

  private AccountDunning withEpisode(Episode newEpisode) {
    return new AccountDunning(currency, nextEvaluation, holdId, holdUntil, newEpisode);
  }

  /**
   * The view after {@code fact}, read on {@code today} (UTC): a {@code NextEvaluation} in the past
   * is due today, so that the driver, whose watermark never passes yesterday, sees it. A fact of an
   * episode the view has not seen start (its start was folded before this read side existed) starts
   * one from what the fact says.
   */
  public AccountDunning apply(DunningFact fact, LocalDate today) {
    if (fact instanceof DunningFact.NextEvaluation next) {
      LocalDate on = next.date() == null || !next.date().isBefore(today) ? next.date() : today;
      return new AccountDunning(currency, on, holdId, holdUntil, episode);
    }
    if (fact instanceof DunningFact.EpisodeStarted started) {
      return withEpisode(Episode.started(started));
    }
    if (fact instanceof DunningFact.StepFired fired) {
      Episode current =
          episode != null && episode.number() == fired.episode()
              ? episode
              : new Episode(
                  fired.episode(), fired.date(), null, null, null, null, null, null, false, null);
      return withEpisode(current.fired(fired));
    }
    if (fact instanceof DunningFact.ServiceBarred && episode != null) {
      return withEpisode(episode.withBarred(true));
    }
    if (fact instanceof DunningFact.ServiceUnbarred && episode != null) {
      return withEpisode(episode.withBarred(false));
    }
    if (fact instanceof DunningFact.HandedToCollections handed && episode != null) {
      return withEpisode(episode.handedOver(handed));
    }
    if (fact instanceof DunningFact.EpisodeEnded) {
      return withEpisode(null);
    }
    if (fact instanceof DunningFact.HoldPlaced hold) {
      return new AccountDunning(currency, nextEvaluation, hold.holdId(), hold.until(), episode);
    }
    if (fact instanceof DunningFact.HoldReleased released && released.holdId().equals(holdId)) {
      return new AccountDunning(currency, nextEvaluation, null, null, episode);
    }
    // late fees are the invoices' business, not the work list's
    return this;
  }
}
