package com.telco.billing.protocol.dunning;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an account stands in dunning (docs/dunning.md): its status, the policy version of the
 * episode, the steps fired with their dates, the next step and its date, holds, barred
 * subscriptions and late fees not yet billed. Dates are dates of the account's zone.
 *
 * @param status {@code normal}, {@code in_dunning}, {@code held} or {@code exempt}
 * @param currency the account's currency code
 * @param nextEvaluation when the dunning driver evaluates the account next, or {@code null}
 */
public record DunningView(
    String accountId,
    String status,
    String currency,
    String policyId,
    Integer policyVersion,
    Integer episode,
    LocalDate episodeStartedOn,
    BigDecimal overdue,
    long daysPastDue,
    String oldestInvoice,
    List<FiredStep> stepsFired,
    NextStep nextStep,
    List<Hold> holds,
    List<String> barredSubscriptions,
    List<PendingFee> pendingLateFees,
    LocalDate nextEvaluation)
    implements CborSerializable {

  public DunningView {
    stepsFired = List.copyOf(stepsFired);
    holds = List.copyOf(holds);
    barredSubscriptions = List.copyOf(barredSubscriptions);
    pendingLateFees = List.copyOf(pendingLateFees);
  }

  /** A step that fired. */
  public record FiredStep(
      int episode, int stepIndex, String name, int day, List<String> actions, LocalDate date) {
    public FiredStep {
      actions = List.copyOf(actions);
    }
  }

  /** The next step of the episode and the date it is due (if the overdue amount stays). */
  public record NextStep(
      int stepIndex, String name, int day, List<String> actions, LocalDate date) {
    public NextStep {
      actions = List.copyOf(actions);
    }
  }

  /** A hold pausing steps until {@code until} (inclusive). */
  public record Hold(String holdId, LocalDate placedOn, LocalDate until, String reason) {}

  /** A late fee charged and not yet billed. */
  public record PendingFee(String feeId, LocalDate date, BigDecimal amount, String description) {}
}
