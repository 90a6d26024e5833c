package com.telco.billing.node.dunning.worklist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The work list's filters: the name of the last fired step, and days past due at least (counted to
 * today from the oldest unpaid invoice's due date, so they grow by one each day without any write).
 * Either may be null: no filter.
 */
public record WorkListFilter(String step, Integer minDaysPastDue) {

  /** Whether the account is listed on {@code today}. */
  public boolean matches(AccountDunning dunning, LocalDate today) {
    if (!dunning.inEpisode()) {
      return false;
    }
    if (step != null && !step.equals(dunning.episode().stepName())) {
      return false;
    }
    if (minDaysPastDue != null) {
      Long days = daysPastDue(dunning, today);
      return days != null && days >= minDaysPastDue;
    }
    return true;
  }

  /** Days past due on {@code today}, null before the first step fired (no due date known). */
  public static Long daysPastDue(AccountDunning dunning, LocalDate today) {
    LocalDate oldestDue = dunning.inEpisode() ? dunning.episode().oldestDue() : null;
    return oldestDue == null ? null : ChronoUnit.DAYS.between(oldestDue, today);
  }
}
