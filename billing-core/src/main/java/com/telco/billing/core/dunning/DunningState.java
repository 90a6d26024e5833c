package com.telco.billing.core.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dunning state of one account (docs/billing-rules.md, "Dunning"): the episode it is in, if
 * any, with the steps fired so far; its holds; the subscriptions dunning barred; the late fees
 * charged and not yet billed; the date of its next evaluation. Immutable: each wither applies one
 * journal fact and returns the next value. Facts applied twice (a step index already fired, a fee
 * id already pending, a hold id already placed) leave the state as it is.
 *
 * @param episodes the number of episodes started so far (the next episode is {@code episodes + 1})
 * @param episode the open episode, or {@code null} while the account is not in dunning
 * @param holds the holds placed and not released (expired ones included)
 * @param barredSubscriptions the subscriptions barred by dunning, in the order barred
 * @param pendingFees late fees charged and not yet billed on an invoice
 * @param nextEvaluation when the account is to be evaluated next, or {@code null}
 */
public record DunningState(
    int episodes,
    Episode episode,
    List<Hold> holds,
    List<String> barredSubscriptions,
    List<PendingLateFee> pendingFees,
    LocalDate nextEvaluation) {

  /** The state of an account that was never dunned. */
  public static final DunningState NONE =
      new DunningState(0, null, List.of(), List.of(), List.of(), null);

  public DunningState {
    if (episodes < 0) {
      throw new IllegalArgumentException("episodes below zero: " + episodes);
    }
    holds = List.copyOf(holds);
    barredSubscriptions = List.copyOf(barredSubscriptions);
    pendingFees = List.copyOf(pendingFees);
  }

  /** True while an episode is open. */
  public boolean inEpisode() {
    return episode != null;
  }

  /** True while dunning has subscriptions barred. */
  public boolean isBarred() {
    return !barredSubscriptions.isEmpty();
  }

  /**
   * The hold in force on {@code today}: of the holds whose {@code until} is on or after {@code
   * today}, the one lasting longest.
   */
  public Optional<Hold> activeHold(LocalDate today) {
    Hold active = null;
    for (Hold hold : holds) {
      if (!hold.until().isBefore(today)
          && (active == null || hold.until().isAfter(active.until()))) {
        active = hold;
      }
    }
    return Optional.ofNullable(active);
  }

  /** The hold {@code holdId}, if placed and not released. */
  public Optional<Hold> hold(String holdId) {
    return holds.stream().filter(h -> h.holdId().equals(holdId)).findFirst();
  }

  /**
   * The episode that starts next: number {@code episodes + 1}, nothing fired yet, pinned to the
   * given policy version.
   */
  public Episode nextEpisode(LocalDate startedOn, String policyId, int policyVersion) {
    return new Episode(episodes + 1, startedOn, policyId, policyVersion, List.of(), false, null);
  }

  /** An episode started: it becomes the open episode and counts as started. */
  public DunningState started(Episode started) {
    Objects.requireNonNull(started, "started");
    return new DunningState(
        Math.max(episodes, started.number()),
        started,
        holds,
        barredSubscriptions,
        pendingFees,
        nextEvaluation);
  }

  /**
   * A step fired in the open episode (a step index already fired is ignored).
   *
   * @throws IllegalStateException when no episode is open
   */
  public DunningState stepFired(FiredStep step) {
    Episode open = requireEpisode("a step fired");
    if (open.hasFired(step.stepIndex())) {
      return this;
    }
    return withEpisode(open.withFired(step));
  }

  /**
   * A late fee was charged: it is pending until an invoice bills it, and the open episode (when the
   * fee is of it) has its fee charged.
   */
  public DunningState lateFeeCharged(PendingLateFee fee) {
    if (pendingFees.stream().anyMatch(f -> f.feeId().equals(fee.feeId()))) {
      return this;
    }
    List<PendingLateFee> fees = new ArrayList<>(pendingFees);
    fees.add(fee);
    Episode next =
        episode != null && episode.number() == fee.episode()
            ? episode.withLateFeeCharged()
            : episode;
    return new DunningState(episodes, next, holds, barredSubscriptions, fees, nextEvaluation);
  }

  /** The fees {@code feeIds} were billed on an invoice: they are no longer pending. */
  public DunningState feesBilled(Collection<String> feeIds) {
    Set<String> billed = Set.copyOf(feeIds);
    List<PendingLateFee> fees =
        pendingFees.stream().filter(f -> !billed.contains(f.feeId())).toList();
    return new DunningState(episodes, episode, holds, barredSubscriptions, fees, nextEvaluation);
  }

  /** Subscriptions were barred (added to those barred already). */
  public DunningState barred(List<String> subscriptionIds) {
    Set<String> all = new LinkedHashSet<>(barredSubscriptions);
    all.addAll(subscriptionIds);
    return new DunningState(
        episodes, episode, holds, List.copyOf(all), pendingFees, nextEvaluation);
  }

  /** Every subscription barred by dunning was unbarred. */
  public DunningState unbarred() {
    return new DunningState(episodes, episode, holds, List.of(), pendingFees, nextEvaluation);
  }

  /**
   * The open episode's account was handed to collections on {@code date}.
   *
   * @throws IllegalStateException when no episode is open
   */
  public DunningState handedToCollections(LocalDate date) {
    return withEpisode(requireEpisode("handed to collections").withHandedToCollections(date));
  }

  /** The open episode ended; the count of episodes started stays. */
  public DunningState ended() {
    return withEpisode(null);
  }

  /** A hold was placed (a hold with the same id is replaced). */
  public DunningState holdPlaced(Hold hold) {
    List<Hold> next = new ArrayList<>();
    for (Hold h : holds) {
      if (!h.holdId().equals(hold.holdId())) {
        next.add(h);
      }
    }
    next.add(hold);
    return new DunningState(
        episodes, episode, next, barredSubscriptions, pendingFees, nextEvaluation);
  }

  /** The hold {@code holdId} was released. */
  public DunningState holdReleased(String holdId) {
    List<Hold> next = holds.stream().filter(h -> !h.holdId().equals(holdId)).toList();
    return new DunningState(
        episodes, episode, next, barredSubscriptions, pendingFees, nextEvaluation);
  }

  /** The next evaluation is due on {@code next} ({@code null}: none is scheduled). */
  public DunningState scheduled(LocalDate next) {
    return new DunningState(episodes, episode, holds, barredSubscriptions, pendingFees, next);
  }

  private DunningState withEpisode(Episode next) {
    return new DunningState(
        episodes, next, holds, barredSubscriptions, pendingFees, nextEvaluation);
  }

  private Episode requireEpisode(String what) {
    if (episode == null) {
      throw new IllegalStateException(what + " outside a dunning episode");
    }
    return episode;
  }

  /**
   * A dunning episode: from the day the overdue amount reached the policy's minimum to the day it
   * fell below it. It keeps the policy version it started with.
   *
   * @param number 1 for the account's first episode, then 2, ...
   * @param startedOn the date it started (account's zone)
   * @param policyId the policy it follows
   * @param policyVersion the version of that policy pinned at the start
   * @param fired the steps fired, in the order fired (step indexes 0, 1, ...)
   * @param lateFeeCharged true once the episode's late fee was charged (at most once per episode)
   * @param handedToCollectionsOn when the account was handed to collections, or {@code null}
   */
  public record Episode(
      int number,
      LocalDate startedOn,
      String policyId,
      int policyVersion,
      List<FiredStep> fired,
      boolean lateFeeCharged,
      LocalDate handedToCollectionsOn) {

    public Episode {
      Objects.requireNonNull(startedOn, "startedOn");
      Objects.requireNonNull(policyId, "policyId");
      fired = List.copyOf(fired);
    }

    /** True when the step with index {@code stepIndex} fired in this episode. */
    public boolean hasFired(int stepIndex) {
      return fired.stream().anyMatch(f -> f.stepIndex() == stepIndex);
    }

    /** The index of the step that fires next: the lowest index not fired. */
    public int nextStepIndex() {
      int index = 0;
      while (hasFired(index)) {
        index++;
      }
      return index;
    }

    /** The step fired last, if any. */
    public Optional<FiredStep> lastFired() {
      return fired.isEmpty() ? Optional.empty() : Optional.of(fired.get(fired.size() - 1));
    }

    public boolean handedToCollections() {
      return handedToCollectionsOn != null;
    }

    Episode withFired(FiredStep step) {
      List<FiredStep> next = new ArrayList<>(fired);
      next.add(step);
      return new Episode(
          number, startedOn, policyId, policyVersion, next, lateFeeCharged, handedToCollectionsOn);
    }

    Episode withLateFeeCharged() {
      return new Episode(
          number, startedOn, policyId, policyVersion, fired, true, handedToCollectionsOn);
    }

    Episode withHandedToCollections(LocalDate date) {
      return new Episode(number, startedOn, policyId, policyVersion, fired, lateFeeCharged, date);
    }
  }

  /**
   * A step that fired.
   *
   * @param stepIndex its index in the episode's policy version
   * @param name its name
   * @param day its day (days past due)
   * @param actions what it did
   * @param firedOn the date it fired (account's zone)
   * @param daysPastDue the days past due of the oldest unpaid invoice on that date
   * @param overdue the overdue amount on that date
   */
  public record FiredStep(
      int stepIndex,
      String name,
      int day,
      List<DunningAction> actions,
      LocalDate firedOn,
      long daysPastDue,
      BigDecimal overdue) {

    public FiredStep {
      Objects.requireNonNull(name, "name");
      actions = List.copyOf(actions);
      Objects.requireNonNull(firedOn, "firedOn");
      Objects.requireNonNull(overdue, "overdue");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FiredStep other
          && stepIndex == other.stepIndex
          && name.equals(other.name)
          && day == other.day
          && actions.equals(other.actions)
          && firedOn.equals(other.firedOn)
          && daysPastDue == other.daysPastDue
          && Decimals.same(overdue, other.overdue);
    }

    @Override
    public int hashCode() {
      return Objects.hash(stepIndex, name, day, firedOn, daysPastDue, Decimals.hash(overdue));
    }
  }

  /**
   * A hold: no step fires while it is in force (to {@code until} inclusive).
   *
   * @param holdId its id
   * @param placedOn when it was placed
   * @param until the last date it is in force
   * @param reason why it was placed
   */
  public record Hold(String holdId, LocalDate placedOn, LocalDate until, String reason) {
    public Hold {
      Objects.requireNonNull(holdId, "holdId");
      Objects.requireNonNull(placedOn, "placedOn");
      Objects.requireNonNull(until, "until");
    }
  }

  /**
   * A late fee charged and not yet billed; the next invoice bills it as a line of its own.
   *
   * @param feeId its id (unique per account)
   * @param episode the episode that charged it
   * @param chargedOn when it was charged
   * @param amount the amount, in the account's currency and its minor units
   * @param taxCategory the tax category of its invoice line
   * @param description the text of its invoice line
   */
  public record PendingLateFee(
      String feeId,
      int episode,
      LocalDate chargedOn,
      BigDecimal amount,
      String taxCategory,
      String description) {

    public PendingLateFee {
      Objects.requireNonNull(feeId, "feeId");
      Objects.requireNonNull(chargedOn, "chargedOn");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(taxCategory, "taxCategory");
      Objects.requireNonNull(description, "description");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PendingLateFee other
          && feeId.equals(other.feeId)
          && episode == other.episode
          && chargedOn.equals(other.chargedOn)
          && Decimals.same(amount, other.amount)
          && taxCategory.equals(other.taxCategory)
          && description.equals(other.description);
    }

    @Override
    public int hashCode() {
      return Objects.hash(feeId, episode, chargedOn, Decimals.hash(amount));
    }
  }
}
