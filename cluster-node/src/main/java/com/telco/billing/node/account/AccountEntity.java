package com.telco.billing.node.account;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.subscription.Decision;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.subscription.SubscriptionLifecycle;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountCommand.ActivateSubscription;
import com.telco.billing.protocol.account.AccountCommand.ChangeSubscription;
import com.telco.billing.protocol.account.AccountCommand.GetAccount;
import com.telco.billing.protocol.account.AccountCommand.OpenAccount;
import com.telco.billing.protocol.account.AccountCommand.PlanActivation;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionActivated;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionChanged;
import com.telco.billing.protocol.account.ActivationPlan;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.telco.billing.protocol.account.SubscriptionResult;
import com.telco.billing.sharding.AccountTags;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The Account entity: the one writer of everything an account owns. Thin: it decides when things
 * happen and which events record them; {@code billing-core} decides what is allowed and how much.
 */
public final class AccountEntity
    extends EventSourcedBehaviorWithEnforcedReplies<AccountCommand, AccountEvent, AccountState> {

  /** A snapshot every this many events; two are kept. */
  static final int SNAPSHOT_EVERY = 100;

  private final String accountId;
  private final Clock clock;
  private final Supplier<Catalog> catalog;

  private AccountEntity(String accountId, Clock clock, Supplier<Catalog> catalog) {
    super(PersistenceId.of(EntityKeys.ACCOUNT.name(), accountId));
    this.accountId = accountId;
    this.clock = clock;
    this.catalog = catalog;
  }

  /**
   * @param catalog the product catalog as this node knows it (a local read, no remote call):
   *     subscriptions may only name offerings it has
   */
  public static Behavior<AccountCommand> create(
      String accountId, Clock clock, Supplier<Catalog> catalog) {
    return new AccountEntity(accountId, clock, catalog);
  }

  @Override
  public AccountState emptyState() {
    return AccountState.Unopened.INSTANCE;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  @Override
  public Set<String> tagsFor(AccountEvent event) {
    return Set.of(AccountTags.tagFor(accountId));
  }

  @Override
  public CommandHandlerWithReply<AccountCommand, AccountEvent, AccountState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder
        .forStateType(AccountState.Unopened.class)
        .onCommand(OpenAccount.class, this::onOpen)
        .onCommand(GetAccount.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(PlanActivation.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(ActivateSubscription.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(ChangeSubscription.class, (state, cmd) -> notFound(cmd.replyTo()));
    builder
        .forStateType(AccountState.Open.class)
        .onCommand(OpenAccount.class, this::onOpenAgain)
        .onCommand(GetAccount.class, (state, cmd) -> reply(cmd.replyTo(), state.toView()))
        .onCommand(PlanActivation.class, this::onPlanActivation)
        .onCommand(ActivateSubscription.class, this::onActivate)
        .onCommand(ChangeSubscription.class, this::onChange);
    return builder.build();
  }

  private ReplyEffect<AccountEvent, AccountState> onOpen(
      AccountState.Unopened state, OpenAccount cmd) {
    if (!cmd.profile().accountId().equals(accountId)) {
      return refuse(
          cmd.replyTo(),
          new Refusal("account_id_mismatch", "id", "command sent to another account's entity"));
    }
    return Effect()
        .persist(new AccountOpened(cmd.profile(), clock.instant()))
        .thenReply(
            cmd.replyTo(),
            opened ->
                StatusReply.success(
                    new OpenAccountResult(((AccountState.Open) opened).toView(), true)));
  }

  private ReplyEffect<AccountEvent, AccountState> onOpenAgain(
      AccountState.Open state, OpenAccount cmd) {
    if (state.profile().equals(cmd.profile())) {
      return reply(cmd.replyTo(), new OpenAccountResult(state.toView(), false));
    }
    return refuse(
        cmd.replyTo(),
        new Refusal(
            "account_conflict",
            "id",
            "account " + accountId + " is already open with different data"));
  }

  private ReplyEffect<AccountEvent, AccountState> onPlanActivation(
      AccountState.Open state, PlanActivation cmd) {
    Decision<Subscription> decision =
        SubscriptionLifecycle.activate(state.subscriptions().values(), cmd.activation());
    if (decision instanceof Decision.Refused<Subscription> refused) {
      return refuse(cmd.replyTo(), Refusal.of(refused.toFieldError()));
    }
    boolean repeated = decision instanceof Decision.AlreadyApplied;
    Optional<Refusal> noOffering =
        repeated
            ? Optional.empty()
            : unknownOffering(
                state, cmd.activation().offeringId(), cmd.activation().activationDate());
    if (noOffering.isPresent()) {
      return refuse(cmd.replyTo(), noOffering.get());
    }
    Subscription subscription =
        repeated
            ? ((Decision.AlreadyApplied<Subscription>) decision).state()
            : ((Decision.Applied<Subscription>) decision).state();
    List<ServiceClaim> claims =
        ServiceClaim.forActivation(accountId, subscription, state.profile().timeZone());
    return reply(cmd.replyTo(), new ActivationPlan(claims, repeated));
  }

  private ReplyEffect<AccountEvent, AccountState> onActivate(
      AccountState.Open state, ActivateSubscription cmd) {
    Decision<Subscription> decision =
        SubscriptionLifecycle.activate(state.subscriptions().values(), cmd.activation());
    if (decision instanceof Decision.Refused<Subscription> refused) {
      return refuse(cmd.replyTo(), Refusal.of(refused.toFieldError()));
    }
    if (decision instanceof Decision.AlreadyApplied<Subscription> same) {
      return reply(
          cmd.replyTo(), new SubscriptionResult(same.state(), false, List.of(), zone(state)));
    }
    Optional<Refusal> noOffering =
        unknownOffering(state, cmd.activation().offeringId(), cmd.activation().activationDate());
    if (noOffering.isPresent()) {
      return refuse(cmd.replyTo(), noOffering.get());
    }
    Subscription activated = ((Decision.Applied<Subscription>) decision).state();
    List<ServiceClaim> claims =
        ServiceClaim.forActivation(accountId, activated, state.profile().timeZone());
    return Effect()
        .persist(new SubscriptionActivated(cmd.activation(), claims, clock.instant()))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    new SubscriptionResult(activated, true, List.of(), zone(state))));
  }

  private ReplyEffect<AccountEvent, AccountState> onChange(
      AccountState.Open state, ChangeSubscription cmd) {
    Decision<Subscription> decision =
        SubscriptionLifecycle.change(
            state.subscriptions().values(), cmd.subscriptionId(), cmd.change());
    if (decision instanceof Decision.Refused<Subscription> refused) {
      return refuse(cmd.replyTo(), Refusal.of(refused.toFieldError()));
    }
    if (decision instanceof Decision.AlreadyApplied<Subscription> same) {
      return reply(
          cmd.replyTo(),
          new SubscriptionResult(same.state(), false, releases(state, same.state()), zone(state)));
    }
    if (cmd.change() instanceof SubscriptionChange.ChangeOffering newOffering) {
      Optional<Refusal> noOffering =
          unknownOffering(state, newOffering.offeringId(), newOffering.effectiveDate());
      if (noOffering.isPresent()) {
        return refuse(cmd.replyTo(), noOffering.get());
      }
    }
    Subscription changed = ((Decision.Applied<Subscription>) decision).state();
    List<ServiceRelease> releases =
        cmd.change() instanceof SubscriptionChange.Terminate ? releases(state, changed) : List.of();
    return Effect()
        .persist(
            new SubscriptionChanged(cmd.subscriptionId(), cmd.change(), releases, clock.instant()))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(new SubscriptionResult(changed, true, releases, zone(state))));
  }

  /**
   * A refusal when the catalog in effect at the start of {@code date} (account's zone) has no
   * offering {@code offeringId}: billing would have nothing to charge.
   */
  private Optional<Refusal> unknownOffering(
      AccountState.Open state, String offeringId, LocalDate date) {
    Instant at = LifecycleDates.startOfDay(date, zone(state));
    if (catalog.get().offering(offeringId, at).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            "unknown_offering",
            "offeringId",
            "the product catalog in effect on " + date + " has no offering " + offeringId));
  }

  private static java.time.ZoneId zone(AccountState.Open state) {
    return state.profile().timeZone();
  }

  private List<ServiceRelease> releases(AccountState.Open state, Subscription subscription) {
    return ServiceRelease.forTermination(accountId, subscription, state.profile().timeZone());
  }

  @Override
  public EventHandler<AccountState, AccountEvent> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder
        .forStateType(AccountState.Unopened.class)
        .onEvent(
            AccountOpened.class,
            (state, evt) -> AccountState.Open.opened(evt.profile(), evt.openedAt()));
    builder
        .forStateType(AccountState.Open.class)
        .onEvent(
            SubscriptionActivated.class,
            (state, evt) -> state.withSubscription(Subscription.activated(evt.activation())))
        .onEvent(
            SubscriptionChanged.class,
            (state, evt) ->
                state.withSubscription(
                    state.subscriptions().get(evt.subscriptionId()).withChange(evt.change())));
    return builder.build();
  }

  private <T> ReplyEffect<AccountEvent, AccountState> reply(
      ActorRef<StatusReply<T>> replyTo, T value) {
    return Effect().reply(replyTo, StatusReply.success(value));
  }

  private <T> ReplyEffect<AccountEvent, AccountState> refuse(
      ActorRef<StatusReply<T>> replyTo, Refusal refusal) {
    return Effect().reply(replyTo, StatusReply.error(refusal.encode()));
  }

  private <T> ReplyEffect<AccountEvent, AccountState> notFound(ActorRef<StatusReply<T>> replyTo) {
    return refuse(replyTo, new Refusal("account_not_found", null, "no account " + accountId));
  }
}
