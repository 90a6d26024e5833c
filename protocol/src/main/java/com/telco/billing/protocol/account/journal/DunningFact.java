package com.telco.billing.protocol.account.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One change of an account's dunning state, as the journal records it (inside {@code
 * AccountEvent.DunningChanged}). Dates are dates of the account's zone; amounts exact decimals in
 * the account's currency. The entity maps them to {@code billing-core}'s {@code DunningState}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "fact")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DunningFact.EpisodeStarted.class, name = "episode_started"),
  @JsonSubTypes.Type(value = DunningFact.StepFired.class, name = "step_fired"),
  @JsonSubTypes.Type(value = DunningFact.LateFeeCharged.class, name = "late_fee_charged"),
  @JsonSubTypes.Type(value = DunningFact.LateFeesBilled.class, name = "late_fees_billed"),
  @JsonSubTypes.Type(value = DunningFact.ServiceBarred.class, name = "service_barred"),
  @JsonSubTypes.Type(value = DunningFact.ServiceUnbarred.class, name = "service_unbarred"),
  @JsonSubTypes.Type(value = DunningFact.HandedToCollections.class, name = "handed_to_collections"),
  @JsonSubTypes.Type(value = DunningFact.EpisodeEnded.class, name = "episode_ended"),
  @JsonSubTypes.Type(value = DunningFact.HoldPlaced.class, name = "hold_placed"),
  @JsonSubTypes.Type(value = DunningFact.HoldReleased.class, name = "hold_released"),
  @JsonSubTypes.Type(value = DunningFact.NextEvaluation.class, name = "next_evaluation")
})
public sealed interface DunningFact
    permits DunningFact.EpisodeStarted,
        DunningFact.StepFired,
        DunningFact.LateFeeCharged,
        DunningFact.LateFeesBilled,
        DunningFact.ServiceBarred,
        DunningFact.ServiceUnbarred,
        DunningFact.HandedToCollections,
        DunningFact.EpisodeEnded,
        DunningFact.HoldPlaced,
        DunningFact.HoldReleased,
        DunningFact.NextEvaluation {

  /**
   * The overdue amount reached the policy's minimum: an episode starts at its first step.
   *
   * @param episode the account's episode number, 1, 2, ...
   * @param oldestInvoice the oldest invoice past due and unpaid
   */
  record EpisodeStarted(
      int episode,
      LocalDate date,
      String policyId,
      int policyVersion,
      String oldestInvoice,
      BigDecimal overdue)
      implements DunningFact {}

  /**
   * A step of the episode's policy fired (once per episode).
   *
   * @param stepIndex the step's index in the policy, from 0
   * @param actions the step's action wire names
   */
  record StepFired(
      int episode,
      int stepIndex,
      String stepName,
      int day,
      List<String> actions,
      LocalDate date,
      String oldestInvoice,
      long daysPastDue,
      BigDecimal overdue)
      implements DunningFact {
    public StepFired {
      actions = List.copyOf(actions);
    }
  }

  /** A late fee was charged; the next invoice bills it as its own line. */
  record LateFeeCharged(
      String feeId,
      int episode,
      LocalDate date,
      BigDecimal amount,
      String taxCategory,
      String description)
      implements DunningFact {}

  /** The invoice {@code invoiceNumber} billed the pending late fees {@code feeIds}. */
  record LateFeesBilled(String invoiceNumber, List<String> feeIds) implements DunningFact {
    public LateFeesBilled {
      feeIds = List.copyOf(feeIds);
    }
  }

  /** The subscriptions were barred; {@code service.barred} goes to provisioning. */
  record ServiceBarred(int episode, LocalDate date, List<String> subscriptionIds)
      implements DunningFact {
    public ServiceBarred {
      subscriptionIds = List.copyOf(subscriptionIds);
    }
  }

  /** The barred subscriptions were unbarred; {@code service.unbarred} goes to provisioning. */
  record ServiceUnbarred(int episode, LocalDate date, List<String> subscriptionIds, String reason)
      implements DunningFact {
    public ServiceUnbarred {
      subscriptionIds = List.copyOf(subscriptionIds);
    }
  }

  /** The account was handed to a collection agency with {@code overdue} owed. */
  record HandedToCollections(int episode, LocalDate date, BigDecimal overdue)
      implements DunningFact {}

  /**
   * The overdue amount fell below the minimum: the episode ended.
   *
   * @param reason {@code paid} (payment or credit), {@code written_off}, {@code policy_removed}
   */
  record EpisodeEnded(int episode, LocalDate date, String reason) implements DunningFact {}

  /**
   * Steps are paused until {@code until} (inclusive).
   *
   * @param placedBy who placed it (the caller's subject)
   */
  record HoldPlaced(
      String holdId, LocalDate placedOn, LocalDate until, String reason, String placedBy)
      implements DunningFact {}

  /** The hold {@code holdId} was released before its end. */
  record HoldReleased(String holdId, LocalDate date) implements DunningFact {}

  /**
   * The account's dunning should next be evaluated on {@code date} ({@code null}: nothing to
   * evaluate until its receivables change). The dunning driver's read side is made of these.
   */
  record NextEvaluation(LocalDate date) implements DunningFact {}
}
