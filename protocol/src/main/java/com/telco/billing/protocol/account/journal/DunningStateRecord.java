package com.telco.billing.protocol.account.journal;

import java.time.LocalDate;
import java.util.List;

/**
 * An account's dunning state in its snapshot: what the dunning facts since the account was opened
 * led to.
 *
 * @param episodes episodes started so far
 * @param episode the episode under way, or {@code null}
 * @param holds the holds placed and not released (expired ones included until the state drops them)
 * @param barredSubscriptions the subscriptions barred by the episode
 * @param pendingFees late fees charged and not yet billed
 * @param nextEvaluation the date of the next evaluation, or {@code null}
 */
public record DunningStateRecord(
    int episodes,
    Episode episode,
    List<DunningFact.HoldPlaced> holds,
    List<String> barredSubscriptions,
    List<DunningFact.LateFeeCharged> pendingFees,
    LocalDate nextEvaluation) {

  public DunningStateRecord {
    holds = List.copyOf(holds);
    barredSubscriptions = List.copyOf(barredSubscriptions);
    pendingFees = List.copyOf(pendingFees);
  }

  /** The episode under way: its start, policy version and the steps fired. */
  public record Episode(
      int number,
      LocalDate startedOn,
      String policyId,
      int policyVersion,
      List<DunningFact.StepFired> fired,
      boolean lateFeeCharged,
      LocalDate handedToCollectionsOn) {
    public Episode {
      fired = List.copyOf(fired);
    }
  }
}
