package com.telco.billing.core.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When a failed automatic collection is tried again: on the given days after the first failure
 * (default 3, 7 and 14), never after a hard decline (a stolen card, a closed account), and no more
 * once the schedule is used up. Retries stop once the invoice is paid (the caller checks).
 *
 * @param daysAfterFirstFailure strictly increasing, positive
 */
public record RetrySchedule(List<Integer> daysAfterFirstFailure) {

  public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(3, 7, 14));

  public RetrySchedule {
    daysAfterFirstFailure = List.copyOf(daysAfterFirstFailure);
    int previous = 0;
    for (int day : daysAfterFirstFailure) {
      if (day <= previous) {
        throw new IllegalArgumentException("retry days must be positive and increasing");
      }
      previous = day;
    }
  }

  /**
   * The date of the next attempt after {@code failures} failed attempts (1 after the first), the
   * first of them on {@code firstFailure}; empty after a hard decline or when none is left.
   */
  public Optional<LocalDate> nextAttempt(LocalDate firstFailure, int failures, boolean hard) {
    if (hard || failures < 1 || failures > daysAfterFirstFailure.size()) {
      return Optional.empty();
    }
    return Optional.of(firstFailure.plusDays(daysAfterFirstFailure.get(failures - 1)));
  }
}
