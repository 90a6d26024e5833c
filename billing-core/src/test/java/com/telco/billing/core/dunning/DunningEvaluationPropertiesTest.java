package com.telco.billing.core.dunning;

import static com.telco.billing.core.dunning.DunningFixtures.EUR;
import static com.telco.billing.core.dunning.DunningFixtures.SAMPLE;
import static com.telco.billing.core.dunning.DunningFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.dunning.DunningDecision.DueStep;
import com.telco.billing.core.dunning.DunningState.FiredStep;
import com.telco.billing.core.dunning.DunningState.Hold;
import com.telco.billing.core.dunning.DunningState.PendingLateFee;
import com.telco.billing.core.receivable.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link DunningEvaluation} over random histories of invoices, partial and full
 * payments, holds and evaluation days, with the sample policy (day 3, 10, 21, 45).
 */
class DunningEvaluationPropertiesTest {
  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  /** What a history changes on one day: invoices issued, payments received, holds placed. */
  private record Change(
      String invoiceNumber, BigDecimal invoiceTotal, BigDecimal payment, Hold hold) {}

  /** A step that fired: episode, step index, date. */
  private record Fired(int episode, int stepIndex, LocalDate date) {}

  /** The random changes of {@code days} days, drawn from {@code seed}. */
  private static Map<LocalDate, Change> history(long seed, int days) {
    Random random = new Random(seed);
    Map<LocalDate, Change> changes = new HashMap<>();
    for (int i = 0; i < days; i++) {
      LocalDate day = START.plusDays(i);
      String number = null;
      BigDecimal total = null;
      BigDecimal payment = null;
      Hold hold = null;
      if (random.nextInt(12) == 0) {
        number = "INV-" + i;
        total = BigDecimal.valueOf(random.nextInt(8000), 2);
      }
      if (random.nextInt(15) == 0) {
        payment = BigDecimal.valueOf(1 + random.nextInt(6000), 2);
      }
      if (random.nextInt(40) == 0) {
        hold = new Hold("H" + i, day, day.plusDays(random.nextInt(30)), "random");
      }
      if (number != null || payment != null || hold != null) {
        changes.put(day, new Change(number, total, payment, hold));
      }
    }
    return changes;
  }

  /**
   * Runs the history and evaluates the account on every day ({@code daily}) or only on days with a
   * change and on the scheduled next evaluation (as the driver does); checks the per-evaluation
   * properties on the way and returns the steps fired.
   */
  private static List<Fired> run(long seed, int days, boolean daily, Random extraEvaluations) {
    Map<LocalDate, Change> changes = history(seed, days);
    Receivables receivables = Receivables.empty(EUR);
    DunningState state = DunningState.NONE;
    List<Fired> fired = new ArrayList<>();
    boolean changedSinceLastEvaluation = true;
    for (int i = 0; i < days; i++) {
      LocalDate today = START.plusDays(i);
      Change change = changes.get(today);
      if (change != null) {
        if (change.invoiceNumber() != null) {
          receivables =
              receivables.issue(
                  change.invoiceNumber(), today, today.plusDays(14), change.invoiceTotal());
        }
        if (change.payment() != null) {
          receivables = receivables.receive("P" + i, today, change.payment());
        }
        if (change.hold() != null) {
          state = state.holdPlaced(change.hold());
        }
        changedSinceLastEvaluation = true;
      }
      boolean scheduled = state.nextEvaluation() != null && !today.isBefore(state.nextEvaluation());
      boolean evaluate = daily || change != null || scheduled || extraEvaluations.nextInt(10) == 0;
      if (!evaluate) {
        continue;
      }
      DunningDecision d =
          DunningEvaluation.evaluate(
              new DunningInput(receivables, SAMPLE, state, false, BigDecimal.ZERO, today));
      if (!changedSinceLastEvaluation && !scheduled) {
        assertFalse(
            d.changesSomething(),
            "nothing changes before the scheduled next evaluation, on " + today);
      }
      checkDecision(state, d, today);
      int episode = state.episodes() + (d.startsEpisode() ? 1 : 0);
      for (DueStep due : d.due()) {
        fired.add(new Fired(episode, due.stepIndex(), today));
      }
      state = record(state, d, SAMPLE, today);
      checkState(state);
      DunningDecision again =
          DunningEvaluation.evaluate(
              new DunningInput(receivables, SAMPLE, state, false, BigDecimal.ZERO, today));
      assertFalse(again.changesSomething(), "a second evaluation on one day does nothing");
      assertEquals(d.nextEvaluation(), again.nextEvaluation());
      changedSinceLastEvaluation = false;
    }
    return fired;
  }

  private static void checkDecision(DunningState state, DunningDecision d, LocalDate today) {
    if (d.nextEvaluation() != null) {
      assertTrue(d.nextEvaluation().isAfter(today), "the next evaluation is after today");
    }
    if (d.held() || d.endsEpisode()) {
      assertTrue(d.due().isEmpty());
    }
    int expected = state.inEpisode() && !d.startsEpisode() ? state.episode().fired().size() : 0;
    for (DueStep due : d.due()) {
      assertEquals(expected++, due.stepIndex(), "steps fire in order, none skipped");
      assertTrue(due.step().day() <= d.daysPastDue(), "no step fires before its day");
      assertEquals(SAMPLE.steps().get(due.stepIndex()), due.step());
    }
  }

  private static void checkState(DunningState state) {
    if (state.inEpisode()) {
      List<FiredStep> fired = state.episode().fired();
      assertEquals(
          IntStream.range(0, fired.size()).boxed().toList(),
          fired.stream().map(FiredStep::stepIndex).toList(),
          "the fired steps are a prefix of the policy's steps");
    }
    Map<Integer, Long> feesPerEpisode = new HashMap<>();
    for (PendingLateFee fee : state.pendingFees()) {
      feesPerEpisode.merge(fee.episode(), 1L, Long::sum);
    }
    feesPerEpisode.values().forEach(n -> assertEquals(1L, n, "one late fee per episode"));
  }

  /**
   * The random histories reach every step and several episodes (the properties are not vacuous).
   */
  @Test
  void theHistoriesReachEveryStepAndSeveralEpisodes() {
    int[] runsFiring = new int[SAMPLE.steps().size()];
    int runsWithTwoEpisodes = 0;
    for (long seed = 0; seed < 100; seed++) {
      List<Fired> fired = run(seed, 240, true, new Random(seed));
      fired.stream().map(Fired::stepIndex).distinct().forEach(i -> runsFiring[i]++);
      if (fired.stream().anyMatch(f -> f.episode() > 1)) {
        runsWithTwoEpisodes++;
      }
    }
    for (int i = 0; i < runsFiring.length; i++) {
      assertTrue(runsFiring[i] >= 10, "step " + i + " fired in " + runsFiring[i] + " runs");
    }
    assertTrue(runsWithTwoEpisodes >= 10, runsWithTwoEpisodes + " runs with a second episode");
  }

  @Property(tries = 300)
  void stepsFireOnceInOrderOnTheirDayAndEvaluatingTwiceDoesNothing(
      @ForAll long seed, @ForAll @IntRange(min = 30, max = 240) int days) {
    List<Fired> fired = run(seed, days, true, new Random(seed));
    Map<String, Long> perStep = new HashMap<>();
    for (Fired f : fired) {
      perStep.merge(f.episode() + "/" + f.stepIndex(), 1L, Long::sum);
    }
    perStep.values().forEach(n -> assertEquals(1L, n, "a step fires once per episode"));
  }

  @Property(tries = 300)
  void evaluatingOnTheScheduledDatesFiresWhatEvaluatingEveryDayFires(
      @ForAll long seed, @ForAll @IntRange(min = 30, max = 240) int days, @ForAll long extraSeed) {
    List<Fired> everyDay = run(seed, days, true, new Random(extraSeed));
    List<Fired> scheduled = run(seed, days, false, new Random(extraSeed));
    assertEquals(everyDay, scheduled);
  }
}
