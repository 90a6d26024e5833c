package com.telco.billing.node.dunning.driver;

import com.telco.billing.protocol.dunning.DunningOutcome;
import java.time.LocalDate;

/**
 * What the driver does with a due row given the account's answer to {@code EvaluateDunning} on
 * {@code today}.
 *
 * <ul>
 *   <li>No next evaluation: delete the row (nothing to evaluate until the receivables change; the
 *       account's next {@code NextEvaluation} fact brings a new row).
 *   <li>A next evaluation after today: move the row there (the projection moves it too when the
 *       account's {@code NextEvaluation} fact arrives; both writes are the same row).
 *   <li>A next evaluation today or earlier: keep the row, asked again on the next round (never
 *       twice in one round).
 *   <li>No answer (a refusal, a timeout): keep the row.
 * </ul>
 *
 * A row is deleted (also where it is moved from) only if it was not written again since the round
 * read it: a row the projection wrote meanwhile for the same date stays.
 */
public final class DunningDecisions {
  private DunningDecisions() {}

  /** What becomes of a row: deleted, kept where it is, or moved to {@code to}. */
  public record Decision(Kind kind, LocalDate to) {
    static final Decision DELETE = new Decision(Kind.DELETE, null);
    static final Decision KEEP = new Decision(Kind.KEEP, null);
  }

  /** The kinds of {@link Decision}. */
  public enum Kind {
    DELETE,
    KEEP,
    MOVE
  }

  /** The decision for {@code outcome}, the answer for a row read on {@code today}. */
  public static Decision decide(DunningOutcome outcome, LocalDate today) {
    LocalDate next = outcome.nextEvaluation();
    if (next == null) {
      return Decision.DELETE;
    }
    return next.isAfter(today) ? new Decision(Kind.MOVE, next) : Decision.KEEP;
  }

  /** The {@code outcome} label of an answer in the metrics and round reports. */
  public static String outcomeOf(DunningOutcome outcome) {
    if (outcome.episodeEnded()) {
      return "ended";
    }
    return outcome.fired().isEmpty() ? "unchanged" : "fired";
  }
}
