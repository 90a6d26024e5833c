package com.telco.billing.node.account;

import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningDecision;
import com.telco.billing.core.dunning.DunningDecision.DueStep;
import com.telco.billing.core.dunning.DunningEvaluation;
import com.telco.billing.core.dunning.DunningInput;
import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.dunning.DunningState;
import com.telco.billing.core.dunning.DunningStep;
import com.telco.billing.core.subscription.Decision;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.subscription.SubscriptionLifecycle;
import com.telco.billing.core.subscription.SubscriptionStatus;
import com.telco.billing.node.dunning.DunningPolicySource;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.CollectionScheduled;
import com.telco.billing.protocol.account.AccountEvent.DunningChanged;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.dunning.DunningOutcome;
import com.telco.billing.protocol.dunning.DunningView;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The Account entity's dunning handlers (docs/dunning.md). Thin like the entity: {@code
 * billing-core}'s {@link DunningEvaluation} decides which steps are due and whether an episode
 * starts or ends; these handlers turn the decision into facts, barring, terminations, late fees and
 * collection retries, and keep the next evaluation date the dunning driver reads.
 *
 * <p>Steps fire only on {@code EvaluateDunning} (the driver's sweep); a change of the receivables
 * (a payment, a refund, a new invoice) ends an episode at once when the overdue amount falls below
 * the minimum, unbars what the episode barred, and re-anchors the next evaluation date.
 */
final class DunningHandlers {
  /** Why an episode ended: the overdue amount fell below the minimum. */
  static final String ENDED_PAID = "paid";

  /** Why an episode ended: a write-off brought the overdue amount below the minimum. */
  static final String ENDED_WRITTEN_OFF = "written_off";

  /** Why an episode ended: the account became exempt or no policy applies to it any more. */
  static final String ENDED_NO_POLICY = "policy_removed";

  private final String accountId;
  private final Clock clock;
  private final DunningPolicySource policies;
  private final Supplier<EffectFactories<AccountEvent, AccountState>> effects;
  private final Supplier<com.telco.billing.core.catalog.Catalog> catalog;

  /**
   * @param catalog the catalog as this node knows it: a late fee is charged only with a tax
   *     category its tax table has for the account (else no invoice could bill it)
   */
  DunningHandlers(
      String accountId,
      Clock clock,
      DunningPolicySource policies,
      Supplier<com.telco.billing.core.catalog.Catalog> catalog,
      Supplier<EffectFactories<AccountEvent, AccountState>> effects) {
    this.catalog = catalog;
    this.accountId = accountId;
    this.clock = clock;
    this.policies = policies;
    this.effects = effects;
  }

  private EffectFactories<AccountEvent, AccountState> effect() {
    return effects.get();
  }

  private LocalDate today(AccountState.Open state) {
    return LifecycleDates.dateAt(clock.instant(), state.profile().timeZone());
  }

  // ---------------------------------------------------------------- commands

  ReplyEffect<AccountEvent, AccountState> onEvaluate(
      AccountState.Open state, AccountCommand.EvaluateDunning cmd) {
    // always the account's own date (the driver's is a UTC date): an evaluation and a payment's
    // review the same moment never see two different days
    LocalDate today = today(state);
    if (!ready(state)) {
      // the driver keeps the account's row and asks again next round
      return effect()
          .reply(cmd.replyTo(), StatusReply.error("the dunning policies are not loaded yet"));
    }
    List<AccountEvent> events = evaluation(state, today, true, null);
    if (events.isEmpty()) {
      return effect()
          .reply(
              cmd.replyTo(),
              StatusReply.success(
                  new DunningOutcome(List.of(), false, state.dunning().nextEvaluation())));
    }
    return effect()
        .persist(events)
        .thenReply(
            cmd.replyTo(),
            next -> StatusReply.success(outcomeOf(events, (AccountState.Open) next)));
  }

  ReplyEffect<AccountEvent, AccountState> onPlaceHold(
      AccountState.Open state, AccountCommand.PlaceDunningHold cmd) {
    for (DunningState.Hold hold : state.dunning().holds()) {
      if (hold.holdId().equals(cmd.holdId())) {
        return reply(cmd.replyTo(), view(state));
      }
    }
    LocalDate today = today(state);
    if (cmd.until().isBefore(today)) {
      return Replies.refuse(
          effect(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.INVALID_VALUE,
              "until",
              "a hold ends today or later in " + zoneOf(state)));
    }
    String by = cmd.origin() == null ? null : cmd.origin().subject();
    DunningFact placed =
        new DunningFact.HoldPlaced(cmd.holdId(), today, cmd.until(), cmd.reason(), by);
    return persistWithSchedule(state, List.of(placed), today, cmd.origin(), cmd.replyTo());
  }

  ReplyEffect<AccountEvent, AccountState> onReleaseHold(
      AccountState.Open state, AccountCommand.ReleaseDunningHold cmd) {
    boolean held = state.dunning().holds().stream().anyMatch(h -> h.holdId().equals(cmd.holdId()));
    if (!held) {
      return Replies.refuse(
          effect(),
          cmd.replyTo(),
          Refusal.of(RefusalCode.DUNNING_HOLD_NOT_FOUND, "holdId", "the account has no such hold"));
    }
    LocalDate today = today(state);
    DunningFact released = new DunningFact.HoldReleased(cmd.holdId(), today);
    return persistWithSchedule(state, List.of(released), today, cmd.origin(), cmd.replyTo());
  }

  ReplyEffect<AccountEvent, AccountState> onGet(
      AccountState.Open state, AccountCommand.GetDunning cmd) {
    return reply(cmd.replyTo(), view(state));
  }

  /** Persists {@code facts} and the next evaluation date they lead to, then answers the view. */
  private ReplyEffect<AccountEvent, AccountState> persistWithSchedule(
      AccountState.Open state,
      List<DunningFact> facts,
      LocalDate today,
      Origin origin,
      ActorRef<StatusReply<DunningView>> replyTo) {
    List<DunningFact> all = new ArrayList<>(facts);
    AccountState.Open after = state.withDunning(DunningJournal.applyAll(state.dunning(), facts));
    if (ready(after)) {
      // without the policies the schedule stays as it is (the driver evaluates later)
      LocalDate next = nextEvaluationOf(after, today);
      if (!Objects.equals(next, after.dunning().nextEvaluation())) {
        all.add(new DunningFact.NextEvaluation(next));
      }
    }
    return effect()
        .persist(new DunningChanged(all, clock.instant(), origin))
        .thenReply(replyTo, n -> StatusReply.success(view((AccountState.Open) n)));
  }

  // ---------------------------------------------------------------- reviews

  /**
   * {@code events} (a change of the receivables) followed by what they change in dunning: the
   * episode ended at once when the overdue amount fell below the minimum (and what it barred
   * unbarred), the next evaluation date re-anchored. Steps are not fired here.
   */
  List<AccountEvent> review(AccountState.Open state, List<AccountEvent> events) {
    AccountState.Open after = state;
    Origin origin = null;
    boolean writtenOff = false;
    for (AccountEvent event : events) {
      if (event instanceof ReceivablesChanged changed) {
        after = after.withReceivables(changed.facts());
        origin = changed.origin();
        writtenOff |=
            changed.facts().stream().anyMatch(ReceivableFact.InvoiceWrittenOff.class::isInstance);
      }
    }
    List<AccountEvent> all = new ArrayList<>(events);
    all.addAll(
        evaluation(
            after, today(state), false, origin, writtenOff ? ENDED_WRITTEN_OFF : ENDED_PAID));
    return all;
  }

  /**
   * What issuing {@code invoice} changes in dunning: the pending late fees it billed, and the next
   * evaluation date (the invoice's due date may be the next one).
   */
  List<AccountEvent> onInvoiceIssued(
      AccountState.Open state, IssuedInvoice invoice, List<String> billedFees) {
    AccountState.Open after = state.withReceivables(List.of(PaymentJournal.invoiceOpened(invoice)));
    List<AccountEvent> events = new ArrayList<>();
    if (!billedFees.isEmpty()) {
      DunningFact billed = new DunningFact.LateFeesBilled(invoice.number(), billedFees);
      events.add(new DunningChanged(List.of(billed), clock.instant(), null));
      after = after.withDunning(DunningJournal.apply(after.dunning(), billed));
    }
    events.addAll(evaluation(after, today(state), false, null));
    return events;
  }

  // ---------------------------------------------------------------- evaluation

  /**
   * Whether the account can be evaluated on this node: the policies are read, and the version its
   * episode is pinned to is among them (a version published on another node moments ago may not be
   * yet; the episode's steps must never be read from another version).
   */
  private boolean ready(AccountState.Open state) {
    if (!policies.isReady()) {
      return false;
    }
    DunningState.Episode episode = state.dunning().episode();
    return episode == null
        || policies.version(episode.policyId(), episode.policyVersion()).isPresent();
  }

  /**
   * When the account should be evaluated next: today when steps are due now (or an episode starts)
   * and only the driver fires them, else the date the evaluation names.
   */
  private LocalDate nextEvaluationOf(AccountState.Open state, LocalDate today) {
    DunningDecision decision = decide(state, today);
    boolean dueNow =
        state.dunning().inEpisode()
            ? !decision.held() && !decision.due().isEmpty()
            : policyOf(state).isPresent() && decision.startsEpisode();
    return dueNow ? today : decision.nextEvaluation();
  }

  private Optional<DunningPolicy> policyOf(AccountState.Open state) {
    DunningState.Episode episode = state.dunning().episode();
    if (episode != null) {
      Optional<DunningPolicy> pinned =
          policies.version(episode.policyId(), episode.policyVersion());
      if (pinned.isPresent()) {
        return pinned;
      }
    }
    return policies.policyFor(state.profile().legalEntity(), state.profile().segment());
  }

  private DunningDecision decide(AccountState.Open state, LocalDate today) {
    return DunningEvaluation.evaluate(
        new DunningInput(
            state.payments().receivables(),
            policyOf(state).orElse(null),
            state.dunning(),
            state.profile().dunningExempt(),
            AdjustmentJournal.disputesOf(state.receivableHistory())
                .overdueOnHold(state.payments().receivables(), today),
            today));
  }

  /**
   * The events of evaluating the account on {@code today}: an episode ended or started, the steps
   * due fired with what they do (when {@code fire}), the next evaluation date when it changed.
   * Empty when nothing changes.
   */
  private List<AccountEvent> evaluation(
      AccountState.Open state, LocalDate today, boolean fire, Origin origin) {
    return evaluation(state, today, fire, origin, ENDED_PAID);
  }

  /**
   * {@link #evaluation(AccountState.Open, LocalDate, boolean, Origin)} naming an episode that ends
   * because the overdue amount fell below the minimum with {@code endedBecause}.
   */
  private List<AccountEvent> evaluation(
      AccountState.Open state, LocalDate today, boolean fire, Origin origin, String endedBecause) {
    if (!ready(state)) {
      // nothing is decided without the policies; a change of the receivables of an account in
      // dunning (it may have paid) is evaluated by the driver as soon as it can be
      if (!fire && state.dunning().inEpisode() && !today.equals(state.dunning().nextEvaluation())) {
        return List.of(
            new DunningChanged(
                List.of(new DunningFact.NextEvaluation(today)), clock.instant(), origin));
      }
      return List.of();
    }
    Optional<DunningPolicy> policy = policyOf(state);
    DunningDecision decision = decide(state, today);
    DunningState dunning = state.dunning();
    List<DunningFact> facts = new ArrayList<>();
    List<AccountEvent> effects = new ArrayList<>();
    boolean inEpisode = dunning.inEpisode();
    int episode = inEpisode ? dunning.episode().number() : dunning.episodes() + 1;
    if (inEpisode && decision.endsEpisode()) {
      String reason =
          policy.isEmpty() || state.profile().dunningExempt() ? ENDED_NO_POLICY : endedBecause;
      if (dunning.isBarred()) {
        facts.add(
            new DunningFact.ServiceUnbarred(episode, today, dunning.barredSubscriptions(), reason));
      }
      facts.add(new DunningFact.EpisodeEnded(episode, today, reason));
      inEpisode = false;
    }
    if (fire && policy.isPresent()) {
      if (!inEpisode && decision.startsEpisode()) {
        DunningPolicy p = policy.get();
        facts.add(
            new DunningFact.EpisodeStarted(
                episode,
                today,
                p.policyId(),
                p.version(),
                decision.oldestInvoice(),
                decision.overdue()));
        inEpisode = true;
      }
      if (inEpisode && !decision.held()) {
        boolean barred = dunning.isBarred();
        for (DueStep due : decision.due()) {
          DunningStep step = due.step();
          facts.add(
              new DunningFact.StepFired(
                  episode,
                  due.stepIndex(),
                  step.name(),
                  step.day(),
                  step.actions().stream().map(DunningAction::wireName).toList(),
                  today,
                  decision.oldestInvoice(),
                  decision.daysPastDue(),
                  decision.overdue()));
          for (DunningAction action : step.actions()) {
            switch (action) {
              case REMINDER -> {
                // the reminder mail and the dunning.step notification are made from StepFired
              }
              case LATE_FEE -> {
                var fee = policy.get().lateFee();
                if (due.lateFee() != null
                    && due.lateFee().signum() > 0
                    && taxable(state, fee.taxCategory(), today)) {
                  facts.add(
                      new DunningFact.LateFeeCharged(
                          "LF-" + accountId + "-" + episode,
                          episode,
                          today,
                          due.lateFee(),
                          fee.taxCategory(),
                          fee.description()));
                }
              }
              case SUSPEND_SERVICE -> {
                if (!barred) {
                  facts.add(
                      new DunningFact.ServiceBarred(
                          episode, today, liveSubscriptions(state, today)));
                  barred = true;
                }
              }
              case TERMINATE -> effects.addAll(terminations(state, today, origin));
              case COLLECTIONS ->
                  facts.add(
                      new DunningFact.HandedToCollections(episode, today, decision.overdue()));
              case PAYMENT_RETRY -> retry(state, decision, today, origin).ifPresent(effects::add);
            }
          }
        }
      }
    }
    DunningState after = DunningJournal.applyAll(dunning, facts);
    LocalDate next = nextEvaluationOf(state.withDunning(after), today);
    if (!Objects.equals(next, after.nextEvaluation())) {
      facts.add(new DunningFact.NextEvaluation(next));
    }
    if (facts.isEmpty()) {
      return List.of();
    }
    List<AccountEvent> events = new ArrayList<>();
    events.add(new DunningChanged(facts, clock.instant(), origin));
    events.addAll(effects);
    return events;
  }

  /**
   * Whether an invoice of the account can tax a line of {@code category}: the account is tax
   * exempt, or the catalog has a rate for its jurisdiction. A policy naming a category the catalog
   * lacks charges no fee (charging it would block every later invoice of the account).
   */
  private boolean taxable(AccountState.Open state, String category, LocalDate today) {
    return state.profile().taxExempt()
        || catalog.get().taxRate(state.profile().taxJurisdiction(), category, today).isPresent();
  }

  /** The subscriptions in service on {@code today} (active or suspended, not terminated). */
  private static List<String> liveSubscriptions(AccountState.Open state, LocalDate today) {
    List<String> live = new ArrayList<>();
    for (Subscription subscription : state.subscriptions().values()) {
      SubscriptionStatus status = subscription.statusOn(today);
      if (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.SUSPENDED) {
        live.add(subscription.subscriptionId());
      }
    }
    return live;
  }

  /**
   * The terminations of a {@code terminate} step: every subscription without a termination ends on
   * {@code today}; the next bill run issues the final invoice.
   */
  private List<AccountEvent> terminations(AccountState.Open state, LocalDate today, Origin origin) {
    List<AccountEvent> events = new ArrayList<>();
    List<Subscription> all = new ArrayList<>(state.subscriptions().values());
    for (Subscription subscription : state.subscriptions().values()) {
      if (subscription.terminationDate().isPresent()
          || subscription.activationDate().isAfter(today)) {
        continue;
      }
      SubscriptionChange terminate = new SubscriptionChange.Terminate(today);
      Decision<Subscription> decision =
          SubscriptionLifecycle.change(all, subscription.subscriptionId(), terminate);
      if (decision instanceof Decision.Applied<Subscription> applied) {
        List<ServiceRelease> releases =
            ServiceRelease.forTermination(accountId, applied.state(), zoneOf(state));
        events.add(
            AccountJournal.subscriptionChanged(
                subscription.subscriptionId(), terminate, releases, clock.instant(), origin));
      }
    }
    return events;
  }

  /**
   * The collection retry of a {@code payment_retry} step: the oldest unpaid invoice is collected
   * again today by the collection driver, when the account pays automatically (the attempt follows
   * the collection rules: never after a hard decline).
   */
  private Optional<AccountEvent> retry(
      AccountState.Open state, DunningDecision decision, LocalDate today, Origin origin) {
    var method = state.payments().method();
    if (method == null || !method.isAutomatic() || decision.oldestInvoice() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CollectionScheduled(decision.oldestInvoice(), today, clock.instant(), origin));
  }

  // ---------------------------------------------------------------- views

  private static DunningOutcome outcomeOf(List<AccountEvent> events, AccountState.Open after) {
    List<DunningView.FiredStep> fired = new ArrayList<>();
    boolean ended = false;
    for (AccountEvent event : events) {
      if (event instanceof DunningChanged changed) {
        for (DunningFact fact : changed.facts()) {
          if (fact instanceof DunningFact.StepFired f) {
            fired.add(
                new DunningView.FiredStep(
                    f.episode(), f.stepIndex(), f.stepName(), f.day(), f.actions(), f.date()));
          } else if (fact instanceof DunningFact.EpisodeEnded) {
            ended = true;
          }
        }
      }
    }
    return new DunningOutcome(fired, ended, after.dunning().nextEvaluation());
  }

  DunningView view(AccountState.Open state) {
    LocalDate today = today(state);
    DunningDecision decision = decide(state, today);
    DunningState dunning = state.dunning();
    DunningState.Episode episode = dunning.episode();
    Optional<DunningPolicy> policy = policyOf(state);
    List<DunningView.FiredStep> fired = new ArrayList<>();
    DunningView.NextStep nextStep = null;
    if (episode != null) {
      for (DunningState.FiredStep step : episode.fired()) {
        fired.add(
            new DunningView.FiredStep(
                episode.number(),
                step.stepIndex(),
                step.name(),
                step.day(),
                step.actions().stream().map(DunningAction::wireName).toList(),
                step.firedOn()));
      }
      if (policy.isPresent() && episode.fired().size() < policy.get().steps().size()) {
        int index = episode.fired().size();
        DunningStep step = policy.get().steps().get(index);
        LocalDate due =
            decision.daysPastDue() > 0
                ? today.minusDays(decision.daysPastDue()).plusDays(step.day())
                : null;
        nextStep =
            new DunningView.NextStep(
                index,
                step.name(),
                step.day(),
                step.actions().stream().map(DunningAction::wireName).toList(),
                due);
      }
    }
    String status;
    if (state.profile().dunningExempt()) {
      status = "exempt";
    } else if (dunning.activeHold(today).isPresent()) {
      status = "held";
    } else if (episode != null) {
      status = "in_dunning";
    } else {
      status = "normal";
    }
    return new DunningView(
        accountId,
        status,
        state.profile().currency().getCurrencyCode(),
        episode != null ? episode.policyId() : policy.map(DunningPolicy::policyId).orElse(null),
        episode != null
            ? Integer.valueOf(episode.policyVersion())
            : policy.map(DunningPolicy::version).orElse(null),
        episode != null ? episode.number() : null,
        episode != null ? episode.startedOn() : null,
        decision.overdue(),
        decision.daysPastDue(),
        decision.oldestInvoice(),
        fired,
        nextStep,
        dunning.holds().stream()
            .filter(h -> !h.until().isBefore(today))
            .map(h -> new DunningView.Hold(h.holdId(), h.placedOn(), h.until(), h.reason()))
            .toList(),
        dunning.barredSubscriptions(),
        dunning.pendingFees().stream()
            .map(
                f ->
                    new DunningView.PendingFee(
                        f.feeId(), f.chargedOn(), f.amount(), f.description()))
            .toList(),
        dunning.nextEvaluation());
  }

  private static java.time.ZoneId zoneOf(AccountState.Open state) {
    return state.profile().timeZone();
  }

  private <T> ReplyEffect<AccountEvent, AccountState> reply(
      ActorRef<StatusReply<T>> replyTo, T value) {
    return effect().reply(replyTo, StatusReply.success(value));
  }
}
