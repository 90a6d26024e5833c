package com.telco.billing.node.account;

import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningState;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.account.journal.DunningStateRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the account's dunning facts to {@code billing-core}'s {@link DunningState} and the state to
 * and from its snapshot record.
 */
public final class DunningJournal {
  private DunningJournal() {}

  /** The state after {@code fact}. */
  public static DunningState apply(DunningState state, DunningFact fact) {
    if (fact instanceof DunningFact.EpisodeStarted f) {
      return state.started(
          new DunningState.Episode(
              f.episode(), f.date(), f.policyId(), f.policyVersion(), List.of(), false, null));
    }
    if (fact instanceof DunningFact.StepFired f) {
      return state.stepFired(toFired(f));
    }
    if (fact instanceof DunningFact.LateFeeCharged f) {
      return state.lateFeeCharged(toFee(f));
    }
    if (fact instanceof DunningFact.LateFeesBilled f) {
      return state.feesBilled(f.feeIds());
    }
    if (fact instanceof DunningFact.ServiceBarred f) {
      return state.barred(f.subscriptionIds());
    }
    if (fact instanceof DunningFact.ServiceUnbarred) {
      return state.unbarred();
    }
    if (fact instanceof DunningFact.HandedToCollections f) {
      return state.handedToCollections(f.date());
    }
    if (fact instanceof DunningFact.EpisodeEnded) {
      return state.ended();
    }
    if (fact instanceof DunningFact.HoldPlaced f) {
      return state.holdPlaced(
          new DunningState.Hold(f.holdId(), f.placedOn(), f.until(), f.reason()));
    }
    if (fact instanceof DunningFact.HoldReleased f) {
      return state.holdReleased(f.holdId());
    }
    if (fact instanceof DunningFact.NextEvaluation f) {
      return state.scheduled(f.date());
    }
    throw new IllegalArgumentException("unknown dunning fact " + fact.getClass().getSimpleName());
  }

  static DunningState applyAll(DunningState state, List<DunningFact> facts) {
    DunningState next = state;
    for (DunningFact fact : facts) {
      next = apply(next, fact);
    }
    return next;
  }

  static DunningState.FiredStep toFired(DunningFact.StepFired f) {
    List<DunningAction> actions = new ArrayList<>(f.actions().size());
    for (String name : f.actions()) {
      actions.add(
          DunningAction.fromWire(name)
              .orElseThrow(() -> new IllegalArgumentException("unknown dunning action " + name)));
    }
    return new DunningState.FiredStep(
        f.stepIndex(), f.stepName(), f.day(), actions, f.date(), f.daysPastDue(), f.overdue());
  }

  static DunningFact.StepFired toFact(
      int episode, DunningState.FiredStep step, String oldestInvoice) {
    return new DunningFact.StepFired(
        episode,
        step.stepIndex(),
        step.name(),
        step.day(),
        step.actions().stream().map(DunningAction::wireName).toList(),
        step.firedOn(),
        oldestInvoice,
        step.daysPastDue(),
        step.overdue());
  }

  static DunningState.PendingLateFee toFee(DunningFact.LateFeeCharged f) {
    return new DunningState.PendingLateFee(
        f.feeId(), f.episode(), f.date(), f.amount(), f.taxCategory(), f.description());
  }

  static DunningFact.LateFeeCharged toFact(DunningState.PendingLateFee fee) {
    return new DunningFact.LateFeeCharged(
        fee.feeId(),
        fee.episode(),
        fee.chargedOn(),
        fee.amount(),
        fee.taxCategory(),
        fee.description());
  }

  // ---- snapshots

  /** The snapshot record of {@code state}; {@code null} for an account never dunned. */
  static DunningStateRecord toRecord(DunningState state) {
    if (state.equals(DunningState.NONE)) {
      return null;
    }
    DunningStateRecord.Episode episode = null;
    DunningState.Episode e = state.episode();
    if (e != null) {
      episode =
          new DunningStateRecord.Episode(
              e.number(),
              e.startedOn(),
              e.policyId(),
              e.policyVersion(),
              e.fired().stream().map(step -> toFact(e.number(), step, null)).toList(),
              e.lateFeeCharged(),
              e.handedToCollectionsOn());
    }
    return new DunningStateRecord(
        state.episodes(),
        episode,
        state.holds().stream()
            .map(
                h ->
                    new DunningFact.HoldPlaced(
                        h.holdId(), h.placedOn(), h.until(), h.reason(), null))
            .toList(),
        state.barredSubscriptions(),
        state.pendingFees().stream().map(DunningJournal::toFact).toList(),
        state.nextEvaluation());
  }

  /** The state of a snapshot record; {@code null} (older snapshots) is no dunning. */
  static DunningState toState(DunningStateRecord record) {
    if (record == null) {
      return DunningState.NONE;
    }
    DunningState.Episode episode = null;
    if (record.episode() != null) {
      DunningStateRecord.Episode e = record.episode();
      episode =
          new DunningState.Episode(
              e.number(),
              e.startedOn(),
              e.policyId(),
              e.policyVersion(),
              e.fired().stream().map(DunningJournal::toFired).toList(),
              e.lateFeeCharged(),
              e.handedToCollectionsOn());
    }
    return new DunningState(
        record.episodes(),
        episode,
        record.holds().stream()
            .map(h -> new DunningState.Hold(h.holdId(), h.placedOn(), h.until(), h.reason()))
            .toList(),
        record.barredSubscriptions(),
        record.pendingFees().stream().map(DunningJournal::toFee).toList(),
        record.nextEvaluation());
  }
}
