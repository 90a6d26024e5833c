package com.telco.billing.core.dunning;

import static com.telco.billing.core.dunning.DunningFixtures.BHD;
import static com.telco.billing.core.dunning.DunningFixtures.EUR;
import static com.telco.billing.core.dunning.DunningFixtures.JPY;
import static com.telco.billing.core.dunning.DunningFixtures.SAMPLE;
import static com.telco.billing.core.dunning.DunningFixtures.date;
import static com.telco.billing.core.dunning.DunningFixtures.dec;
import static com.telco.billing.core.dunning.DunningFixtures.evaluate;
import static com.telco.billing.core.dunning.DunningFixtures.oneInvoice;
import static com.telco.billing.core.dunning.DunningFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.dunning.DunningDecision.DueStep;
import com.telco.billing.core.dunning.DunningState.Episode;
import com.telco.billing.core.dunning.DunningState.FiredStep;
import com.telco.billing.core.dunning.DunningState.Hold;
import com.telco.billing.core.receivable.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DunningEvaluation} with the sample policy (day 3, 10, 21, 45; minimum 10.00 EUR / 1000
 * JPY). The invoice INV-1 is issued on 2026-01-01 and due on 2026-01-15, so day {@code n} past due
 * is 2026-01-15 plus {@code n} days.
 */
class DunningEvaluationTest {

  /** What happened when an account was evaluated every day from {@code from} to {@code to}. */
  private record Run(
      DunningState state,
      Map<String, LocalDate> firedOn,
      List<LocalDate> started,
      List<LocalDate> ended,
      List<DunningDecision> decisions) {}

  /** Evaluates every day, the receivables of each day given by {@code receivablesOn}. */
  private static Run daily(
      DunningState initial,
      Function<LocalDate, Receivables> receivablesOn,
      String from,
      String to) {
    DunningState state = initial;
    Map<String, LocalDate> firedOn = new LinkedHashMap<>();
    List<LocalDate> started = new ArrayList<>();
    List<LocalDate> ended = new ArrayList<>();
    List<DunningDecision> decisions = new ArrayList<>();
    for (LocalDate day = date(from); !day.isAfter(date(to)); day = day.plusDays(1)) {
      DunningDecision d = evaluate(receivablesOn.apply(day), state, day.toString());
      decisions.add(d);
      if (d.startsEpisode()) {
        started.add(day);
      }
      if (d.endsEpisode()) {
        ended.add(day);
      }
      int episode = state.episodes() + (d.startsEpisode() ? 1 : 0);
      for (DueStep due : d.due()) {
        assertNull(firedOn.put(episode + "/" + due.stepIndex(), day), "step fired twice");
      }
      state = record(state, d, SAMPLE, day);
    }
    return new Run(state, firedOn, started, ended, decisions);
  }

  /** Steps 0, 1, ... of episode 1 fired on {@code dates}. */
  private static Map<String, LocalDate> fired(String... dates) {
    Map<String, LocalDate> map = new LinkedHashMap<>();
    for (int i = 0; i < dates.length; i++) {
      map.put("1/" + i, date(dates[i]));
    }
    return map;
  }

  @Test
  void evaluatedEveryDayEachStepFiresOnceOnItsDay() {
    Receivables r = oneInvoice("50.00");
    Run run = daily(DunningState.NONE, day -> r, "2026-01-10", "2026-04-30");
    assertEquals(List.of(date("2026-01-16")), run.started());
    assertEquals(fired("2026-01-18", "2026-01-25", "2026-02-05", "2026-03-01"), run.firedOn());
    assertTrue(run.ended().isEmpty());
    Episode episode = run.state().episode();
    assertEquals(1, episode.number());
    assertEquals("std", episode.policyId());
    assertEquals(
        List.of(3L, 10L, 21L, 45L), episode.fired().stream().map(FiredStep::daysPastDue).toList());
    assertTrue(episode.lateFeeCharged());
    assertEquals(1, run.state().pendingFees().size());
    assertEquals(0, dec("5.00").compareTo(run.state().pendingFees().get(0).amount()));
  }

  @Test
  void evaluatedOnlyOnTheNextEvaluationDateTheStepsFireOnTheSameDays() {
    Receivables r = oneInvoice("50.00");
    DunningState state = DunningState.NONE;
    LocalDate day = date("2026-01-10");
    List<LocalDate> schedule = new ArrayList<>();
    Map<String, LocalDate> firedOn = new LinkedHashMap<>();
    while (day != null) {
      DunningDecision d = evaluate(r, state, day.toString());
      for (DueStep due : d.due()) {
        firedOn.put("1/" + due.stepIndex(), day);
      }
      state = record(state, d, SAMPLE, day);
      schedule.add(d.nextEvaluation());
      day = d.nextEvaluation();
    }
    assertEquals(
        Arrays.asList(
            date("2026-01-16"),
            date("2026-01-18"),
            date("2026-01-25"),
            date("2026-02-05"),
            date("2026-03-01"),
            null),
        schedule);
    assertEquals(fired("2026-01-18", "2026-01-25", "2026-02-05", "2026-03-01"), firedOn);
  }

  @Test
  void theLateFeeIsChargedWithTheSecondReminderOnly() {
    Run run = daily(DunningState.NONE, day -> oneInvoice("50.00"), "2026-01-16", "2026-03-01");
    List<DueStep> due = run.decisions().stream().flatMap(d -> d.due().stream()).toList();
    assertEquals(4, due.size());
    assertNull(due.get(0).lateFee());
    assertEquals(0, dec("5.00").compareTo(due.get(1).lateFee()));
    assertNull(due.get(2).lateFee());
    assertNull(due.get(3).lateFee());
  }

  @Test
  void afterAHoldTheDelayedStepsFireTogetherInOrder() {
    Receivables r = oneInvoice("50.00");
    DunningState held =
        DunningState.NONE.holdPlaced(
            new Hold("H1", date("2026-01-17"), date("2026-02-10"), "customer called"));
    Run run = daily(held, day -> r, "2026-01-10", "2026-03-31");
    // the episode starts under the hold; nothing fires until the day after it
    assertEquals(List.of(date("2026-01-16")), run.started());
    assertEquals(fired("2026-02-11", "2026-02-11", "2026-02-11", "2026-03-01"), run.firedOn());
    DunningDecision onHoldStart = run.decisions().get(6); // 2026-01-16
    assertTrue(onHoldStart.startsEpisode());
    assertTrue(onHoldStart.held());
    assertTrue(onHoldStart.due().isEmpty());
    assertEquals(date("2026-02-11"), onHoldStart.nextEvaluation());
    DunningDecision after = run.decisions().get(32); // 2026-02-11
    assertFalse(after.held());
    assertEquals(List.of(0, 1, 2), after.due().stream().map(DueStep::stepIndex).toList());
    assertEquals(0, dec("5.00").compareTo(after.due().get(1).lateFee()));
    assertEquals(date("2026-03-01"), after.nextEvaluation());
  }

  @Test
  void aHoldIsInForceUntilItsDateInclusive() {
    Receivables r = oneInvoice("50.00");
    DunningState state =
        record(
                DunningState.NONE,
                evaluate(r, DunningState.NONE, "2026-01-16"),
                SAMPLE,
                date("2026-01-16"))
            .holdPlaced(new Hold("H1", date("2026-01-16"), date("2026-01-20"), "promise to pay"));
    DunningDecision onUntil = evaluate(r, state, "2026-01-20");
    assertTrue(onUntil.held());
    assertTrue(onUntil.due().isEmpty());
    assertEquals(date("2026-01-21"), onUntil.nextEvaluation());
    DunningDecision dayAfter = evaluate(r, state, "2026-01-21");
    assertFalse(dayAfter.held());
    assertEquals(List.of(0), dayAfter.due().stream().map(DueStep::stepIndex).toList());
    // a released hold holds nothing
    assertFalse(evaluate(r, state.holdReleased("H1"), "2026-01-20").held());
  }

  @Test
  void aPartialPaymentOnDay12ReanchorsOnTheNextOldestInvoiceAndSkipsNoStep() {
    Receivables two =
        Receivables.empty(EUR)
            .issue("INV-1", date("2026-01-01"), date("2026-01-15"), dec("40.00"))
            .issue("INV-2", date("2026-01-05"), date("2026-01-19"), dec("30.00"));
    LocalDate day12 = date("2026-01-27");
    Receivables paid = two.receive("P1", day12, dec("40.00"));
    Run run =
        daily(
            DunningState.NONE, day -> day.isBefore(day12) ? two : paid, "2026-01-10", "2026-04-30");
    // day 21 and 45 counted from INV-2's due date 2026-01-19, not INV-1's
    assertEquals(fired("2026-01-18", "2026-01-25", "2026-02-09", "2026-03-05"), run.firedOn());
    assertTrue(run.ended().isEmpty());
    DunningDecision onDay12 = run.decisions().get(17);
    assertEquals("INV-2", onDay12.oldestInvoice());
    assertEquals(8, onDay12.daysPastDue());
    assertEquals(0, dec("30.00").compareTo(onDay12.overdue()));
    assertTrue(onDay12.due().isEmpty());
    assertEquals(date("2026-02-09"), onDay12.nextEvaluation());
  }

  @Test
  void anEarlierStepNotFiredFiresBeforeALaterOneWhoseDayIsReached() {
    Receivables r = oneInvoice("50.00");
    // days past due 30: steps 0..2 are reached
    DunningState fresh =
        DunningState.NONE.started(DunningState.NONE.nextEpisode(date("2026-01-16"), "std", 1));
    assertEquals(
        List.of(0, 1, 2),
        evaluate(r, fresh, "2026-02-14").due().stream().map(DueStep::stepIndex).toList());
    DunningState firstFired =
        fresh.stepFired(
            new FiredStep(
                0,
                "reminder-1",
                3,
                List.of(DunningAction.REMINDER),
                date("2026-01-18"),
                3,
                dec("50.00")));
    assertEquals(
        List.of(1, 2),
        evaluate(r, firstFired, "2026-02-14").due().stream().map(DueStep::stepIndex).toList());
    // days past due 5 (after a re-anchoring): step 1 waits for its day, step 0 stays fired
    assertTrue(evaluate(r, firstFired, "2026-01-20").due().isEmpty());
    assertEquals(date("2026-01-25"), evaluate(r, firstFired, "2026-01-20").nextEvaluation());
  }

  @Test
  void aFullPaymentEndsTheEpisodeAndTheNextStartsAtTheFirstStep() {
    Receivables unpaid = oneInvoice("50.00");
    LocalDate day22 = date("2026-02-06");
    Receivables paid = unpaid.receive("P1", day22, dec("50.00"));
    Receivables again = paid.issue("INV-2", date("2026-02-01"), date("2026-02-15"), dec("20.00"));
    Run run =
        daily(
            DunningState.NONE,
            day -> day.isBefore(day22) ? unpaid : day.isBefore(date("2026-02-10")) ? paid : again,
            "2026-01-10",
            "2026-03-10");
    assertEquals(List.of(day22), run.ended());
    assertEquals(List.of(date("2026-01-16"), date("2026-02-16")), run.started());
    DunningDecision end = run.decisions().get(27);
    assertTrue(end.endsEpisode());
    assertTrue(end.due().isEmpty());
    assertEquals(0, end.overdue().signum());
    assertNull(end.nextEvaluation());
    assertEquals(2, run.state().episodes());
    assertEquals(2, run.state().episode().number());
    // the second episode starts again at the first step, counted from INV-2's due date 2026-02-15
    assertEquals(date("2026-02-18"), run.firedOn().get("2/0"));
    assertEquals(date("2026-02-25"), run.firedOn().get("2/1"));
    assertEquals(date("2026-03-08"), run.firedOn().get("2/2"));
    assertEquals(3, run.state().episode().fired().size());
    assertEquals(2, run.state().pendingFees().size(), "one late fee per episode");
  }

  @ParameterizedTest(name = "{0} {1}: episode {2}")
  @CsvSource({
    "EUR, 9.99, false",
    "EUR, 10.00, true",
    "EUR, 250.00, true",
    "JPY, 999, false",
    "JPY, 1000, true",
    "BHD, 100.000, false",
  })
  void theMinimumOverdueIsPerCurrency(String currency, String total, boolean starts) {
    Receivables r =
        Receivables.empty(Currency.getInstance(currency))
            .issue("INV-1", date("2026-01-01"), date("2026-01-15"), dec(total));
    DunningDecision d = evaluate(r, DunningState.NONE, "2026-01-20");
    assertEquals(starts, d.startsEpisode());
    assertFalse(d.endsEpisode());
    assertEquals(5, d.daysPastDue());
    assertEquals(0, dec(total).compareTo(d.overdue()));
    assertEquals(
        starts ? List.of(0) : List.of(), d.due().stream().map(DueStep::stepIndex).toList());
    // below the minimum nothing changes with time alone
    assertEquals(starts ? date("2026-01-25") : null, d.nextEvaluation());
  }

  @Test
  void aJpyLateFeeHasNoDecimals() {
    Receivables r =
        Receivables.empty(JPY).issue("INV-1", date("2026-01-01"), date("2026-01-15"), dec("5000"));
    DunningDecision d = evaluate(r, DunningState.NONE, "2026-01-25");
    assertEquals("500", d.due().get(1).lateFee().toPlainString());
  }

  @Test
  void anEpisodeEndsWhenItsCurrencyHasNoMinimumOrNoPolicyApplies() {
    Receivables bhd =
        Receivables.empty(BHD)
            .issue("INV-1", date("2026-01-01"), date("2026-01-15"), dec("100.000"));
    DunningState inEpisode =
        DunningState.NONE.started(DunningState.NONE.nextEpisode(date("2026-01-16"), "std", 1));
    DunningDecision d = evaluate(bhd, inEpisode, "2026-01-20");
    assertTrue(d.endsEpisode());
    assertNull(d.nextEvaluation());
    DunningDecision none =
        DunningEvaluation.evaluate(
            new DunningInput(
                oneInvoice("50.00"), null, inEpisode, false, BigDecimal.ZERO, date("2026-01-20")));
    assertTrue(none.endsEpisode());
    assertTrue(none.due().isEmpty());
    assertNull(none.nextEvaluation());
    DunningDecision neverStarted =
        DunningEvaluation.evaluate(
            new DunningInput(
                oneInvoice("50.00"),
                null,
                DunningState.NONE,
                false,
                BigDecimal.ZERO,
                date("2026-01-20")));
    assertFalse(neverStarted.startsEpisode());
    assertFalse(neverStarted.endsEpisode());
  }

  @Test
  void anExemptAccountIsNeverDunnedAndItsOpenEpisodeEnds() {
    Receivables r = oneInvoice("50.00");
    DunningDecision fresh =
        DunningEvaluation.evaluate(
            new DunningInput(
                r, SAMPLE, DunningState.NONE, true, BigDecimal.ZERO, date("2026-02-20")));
    assertFalse(fresh.startsEpisode());
    assertTrue(fresh.held());
    assertTrue(fresh.due().isEmpty());
    assertNull(fresh.nextEvaluation());
    DunningState inEpisode =
        DunningState.NONE.started(DunningState.NONE.nextEpisode(date("2026-01-16"), "std", 1));
    DunningDecision open =
        DunningEvaluation.evaluate(
            new DunningInput(r, SAMPLE, inEpisode, true, BigDecimal.ZERO, date("2026-02-20")));
    assertTrue(open.endsEpisode());
    assertTrue(open.due().isEmpty());
  }

  @Test
  void theDisputedAmountDoesNotCountAsOverdue() {
    Receivables r = oneInvoice("50.00");
    DunningDecision d =
        DunningEvaluation.evaluate(
            new DunningInput(
                r, SAMPLE, DunningState.NONE, false, dec("45.00"), date("2026-01-20")));
    assertFalse(d.startsEpisode());
    assertEquals(0, dec("5.00").compareTo(d.overdue()));
    DunningDecision all =
        DunningEvaluation.evaluate(
            new DunningInput(
                r, SAMPLE, DunningState.NONE, false, dec("60.00"), date("2026-01-20")));
    assertEquals(0, all.overdue().signum());
    assertEquals(2, all.overdue().scale());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // what is open | today | disputed | next evaluation
        "nothing open | 2026-01-20 | 0 | ",
        "an invoice not yet due: the day it falls due | 2026-01-10 | 0 | 2026-01-16",
        "past due, below the minimum, nothing else open | 2026-01-20 | 45.00 | ",
        "below the minimum until a later invoice falls due | 2026-01-20 | 45.00 | 2026-02-15",
        "a later invoice too small to reach the minimum | 2026-01-20 | 58.00 | ",
      })
  void nextEvaluationOutsideAnEpisode(String what, String today, String disputed, String next) {
    Receivables r = what.startsWith("nothing") ? Receivables.empty(EUR) : oneInvoice("50.00");
    if (what.contains("later invoice")) {
      r = r.issue("INV-2", date("2026-02-01"), date("2026-02-14"), dec("15.00"));
    }
    DunningDecision d =
        DunningEvaluation.evaluate(
            new DunningInput(r, SAMPLE, DunningState.NONE, false, dec(disputed), date(today)));
    assertFalse(d.startsEpisode());
    assertEquals(next == null ? null : date(next), d.nextEvaluation());
  }

  @Test
  void nextEvaluationInAnEpisode() {
    Receivables r = oneInvoice("50.00");
    Run run = daily(DunningState.NONE, day -> r, "2026-01-16", "2026-03-01");
    // every step fired: only a payment or an invoice changes anything
    assertNull(evaluate(r, run.state(), "2026-03-02").nextEvaluation());
    // held with a step due: the day after the hold
    DunningState fresh =
        DunningState.NONE
            .started(DunningState.NONE.nextEpisode(date("2026-01-16"), "std", 1))
            .holdPlaced(new Hold("H1", date("2026-01-16"), date("2026-01-30"), "dispute pending"));
    assertEquals(date("2026-01-31"), evaluate(r, fresh, "2026-01-20").nextEvaluation());
    // held, the next step's day after the hold: that day
    DunningState shortHold =
        fresh
            .holdReleased("H1")
            .holdPlaced(new Hold("H2", date("2026-01-16"), date("2026-01-16"), "x"));
    assertEquals(date("2026-01-18"), evaluate(r, shortHold, "2026-01-16").nextEvaluation());
  }

  @Test
  void evaluatingTwiceOnOneDayDoesNothingTheSecondTime() {
    Receivables r = oneInvoice("50.00");
    DunningState state = DunningState.NONE;
    for (String day : List.of("2026-01-16", "2026-01-18", "2026-02-11", "2026-03-01")) {
      DunningDecision first = evaluate(r, state, day);
      assertTrue(first.changesSomething());
      state = record(state, first, SAMPLE, date(day));
      DunningDecision second = evaluate(r, state, day);
      assertFalse(second.changesSomething());
      assertEquals(first.nextEvaluation(), second.nextEvaluation());
    }
  }

  @Test
  void aPercentageFeeIsOfTheOverdueAmountAndChargedOncePerEpisode() {
    LateFee percent = new LateFee(Map.of(), dec("2.5"), "STANDARD", "Late payment fee");
    DunningPolicy twoFees =
        new DunningPolicy(
            "pct",
            3,
            "ACME",
            null,
            Map.of(EUR, dec("10.00")),
            List.of(
                new DunningStep("fee-1", 5, List.of(DunningAction.LATE_FEE)),
                new DunningStep(
                    "fee-2", 9, List.of(DunningAction.REMINDER, DunningAction.LATE_FEE))),
            percent,
            SAMPLE.publishedAt());
    Receivables r = oneInvoice("70.10");
    DunningDecision d =
        DunningEvaluation.evaluate(
            new DunningInput(
                r, twoFees, DunningState.NONE, false, BigDecimal.ZERO, date("2026-01-25")));
    assertEquals(2, d.due().size());
    // 2.5 % of 70.10 = 1.7525
    assertEquals("1.75", d.due().get(0).lateFee().toPlainString());
    assertNull(d.due().get(1).lateFee());
    DunningState charged = record(DunningState.NONE, d, twoFees, date("2026-01-25"));
    assertTrue(charged.episode().lateFeeCharged());
    assertEquals(1, charged.pendingFees().size());
  }
}
