package com.telco.billing.node.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dates a round reads and the watermark it leaves. */
class RoundPlanTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  void theFirstRoundLooksBackTheConfiguredDays() {
    RoundPlan plan = RoundPlan.of(Optional.empty(), TODAY, 35);

    assertEquals(TODAY.minusDays(35), plan.from());
    assertEquals(36, plan.dates().size());
    assertEquals(TODAY.minusDays(35), plan.dates().get(0));
    assertEquals(TODAY, plan.dates().get(35));
  }

  @Test
  void laterRoundsStartAtTheWatermark() {
    RoundPlan plan = RoundPlan.of(Optional.of(TODAY.minusDays(3)), TODAY, 35);

    assertEquals(
        List.of(TODAY.minusDays(3), TODAY.minusDays(2), TODAY.minusDays(1), TODAY), plan.dates());
  }

  /**
   * Yesterday is always read: a row written for yesterday by a node whose clock had not yet passed
   * midnight is not lost.
   */
  @Test
  void yesterdayAndTodayAreAlwaysRead() {
    assertEquals(
        List.of(TODAY.minusDays(1), TODAY),
        RoundPlan.of(Optional.of(TODAY.minusDays(1)), TODAY, 35).dates());
    // a watermark after yesterday (the clock went back) still reads both
    assertEquals(
        List.of(TODAY.minusDays(1), TODAY),
        RoundPlan.of(Optional.of(TODAY.plusDays(2)), TODAY, 35).dates());
    assertEquals(
        List.of(TODAY.minusDays(1), TODAY), RoundPlan.of(Optional.empty(), TODAY, 1).dates());
  }

  @Test
  void theWatermarkBecomesTheOldestDateWithARowLeft() {
    RoundPlan plan = RoundPlan.of(Optional.of(TODAY.minusDays(10)), TODAY, 35);

    assertEquals(TODAY.minusDays(6), plan.nextWatermark(Optional.of(TODAY.minusDays(6))));
    assertEquals(TODAY.minusDays(10), plan.nextWatermark(Optional.of(TODAY.minusDays(10))));
  }

  @Test
  void theWatermarkNeverPassesYesterday() {
    RoundPlan plan = RoundPlan.of(Optional.of(TODAY.minusDays(10)), TODAY, 35);

    assertEquals(TODAY.minusDays(1), plan.nextWatermark(Optional.empty()));
    assertEquals(TODAY.minusDays(1), plan.nextWatermark(Optional.of(TODAY)));
    assertEquals(TODAY.minusDays(1), plan.nextWatermark(Optional.of(TODAY.minusDays(1))));
  }

  @Test
  void aRoundOnANewDayReadsFromWhereTheLastLeftOff() {
    RoundPlan monday = RoundPlan.of(Optional.empty(), TODAY, 35);
    LocalDate watermark = monday.nextWatermark(Optional.empty());

    RoundPlan tuesday = RoundPlan.of(Optional.of(watermark), TODAY.plusDays(1), 35);

    assertEquals(List.of(TODAY.minusDays(1), TODAY, TODAY.plusDays(1)), tuesday.dates());
  }
}
