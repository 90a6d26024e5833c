package com.telco.billing.core.dunning;

import com.telco.billing.core.dunning.DunningDecision.DueStep;
import com.telco.billing.core.dunning.DunningState.FiredStep;
import com.telco.billing.core.dunning.DunningState.PendingLateFee;
import com.telco.billing.core.receivable.Receivables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The dunning tests' sample policy and the way a caller records a decision in the state.
 *
 * <p>Sample policy {@code std} v1: minimum 10.00 EUR / 1000 JPY; day 3 reminder; day 10 second
 * reminder and late fee (5.00 EUR / 500 JPY, tax category STANDARD); day 21 suspend; day 45
 * terminate and collections.
 */
final class DunningFixtures {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency JPY = Currency.getInstance("JPY");
  static final Currency BHD = Currency.getInstance("BHD");

  static final LateFee FIXED_FEE =
      new LateFee(
          Map.of(EUR, new BigDecimal("5.00"), JPY, new BigDecimal("500")),
          null,
          "STANDARD",
          "Late payment fee");

  static final DunningPolicy SAMPLE = policy(FIXED_FEE);

  private DunningFixtures() {}

  static DunningPolicy policy(LateFee fee) {
    return new DunningPolicy(
        "std",
        1,
        "ACME",
        null,
        Map.of(EUR, new BigDecimal("10.00"), JPY, new BigDecimal("1000")),
        List.of(
            new DunningStep("reminder-1", 3, List.of(DunningAction.REMINDER)),
            new DunningStep(
                "reminder-2", 10, List.of(DunningAction.REMINDER, DunningAction.LATE_FEE)),
            new DunningStep("suspend", 21, List.of(DunningAction.SUSPEND_SERVICE)),
            new DunningStep(
                "terminate", 45, List.of(DunningAction.TERMINATE, DunningAction.COLLECTIONS))),
        fee,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  /** EUR receivables with one invoice issued 2026-01-01, due 2026-01-15. */
  static Receivables oneInvoice(String total) {
    return Receivables.empty(EUR)
        .issue("INV-1", date("2026-01-01"), date("2026-01-15"), dec(total));
  }

  static DunningDecision evaluate(Receivables receivables, DunningState state, String today) {
    return DunningEvaluation.evaluate(
        new DunningInput(receivables, SAMPLE, state, false, BigDecimal.ZERO, date(today)));
  }

  /**
   * Records {@code decision} as the account entity does: episode started, steps fired with their
   * late fee, episode ended, next evaluation.
   */
  static DunningState record(
      DunningState state, DunningDecision decision, DunningPolicy policy, LocalDate today) {
    DunningState next = state;
    if (decision.startsEpisode()) {
      next = next.started(next.nextEpisode(today, policy.policyId(), policy.version()));
    }
    for (DueStep due : decision.due()) {
      next =
          next.stepFired(
              new FiredStep(
                  due.stepIndex(),
                  due.step().name(),
                  due.step().day(),
                  due.step().actions(),
                  today,
                  decision.daysPastDue(),
                  decision.overdue()));
      if (due.lateFee() != null) {
        int episode = next.episode().number();
        next =
            next.lateFeeCharged(
                new PendingLateFee(
                    "fee-" + episode,
                    episode,
                    today,
                    due.lateFee(),
                    policy.lateFee().taxCategory(),
                    policy.lateFee().description()));
      }
    }
    if (decision.endsEpisode()) {
      next = next.ended();
    }
    return next.scheduled(decision.nextEvaluation());
  }
}
