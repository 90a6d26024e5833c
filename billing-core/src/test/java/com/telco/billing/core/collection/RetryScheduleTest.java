package com.telco.billing.core.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  static final LocalDate FIRST = LocalDate.of(2026, 3, 10);

  @Test
  void theDefaultRetriesThreeSevenAndFourteenDaysAfterTheFirstFailure() {
    RetrySchedule s = RetrySchedule.DEFAULT;
    assertEquals(Optional.of(FIRST.plusDays(3)), s.nextAttempt(FIRST, 1, false));
    assertEquals(Optional.of(FIRST.plusDays(7)), s.nextAttempt(FIRST, 2, false));
    assertEquals(Optional.of(FIRST.plusDays(14)), s.nextAttempt(FIRST, 3, false));
    assertEquals(Optional.empty(), s.nextAttempt(FIRST, 4, false));
  }

  @Test
  void aHardDeclineIsNeverRetried() {
    assertEquals(Optional.empty(), RetrySchedule.DEFAULT.nextAttempt(FIRST, 1, true));
  }

  @Test
  void daysMustIncrease() {
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(3, 3)));
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(0)));
  }
}
