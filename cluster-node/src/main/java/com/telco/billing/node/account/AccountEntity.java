package com.telco.billing.node.account;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.dedupe.DatedKey;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.invoice.FeeCharge;
import com.telco.billing.core.invoice.InvoiceCalculator;
import com.telco.billing.core.invoice.InvoiceComputation;
import com.telco.billing.core.invoice.InvoiceNumbers;
import com.telco.billing.core.invoice.InvoiceRequest;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.RatingContext;
import com.telco.billing.core.rating.UsageRating;
import com.telco.billing.core.subscription.Decision;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.subscription.SubscriptionLifecycle;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.dunning.DunningPolicySource;
import com.telco.billing.node.invoice.InvoicingSettings;
import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.payment.PaymentSettings;
import com.telco.billing.node.payment.gateway.PaymentGateway;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountCommand.ActivateSubscription;
import com.telco.billing.protocol.account.AccountCommand.ApplyGatewayNotice;
import com.telco.billing.protocol.account.AccountCommand.ChangeSubscription;
import com.telco.billing.protocol.account.AccountCommand.ChargeAnswered;
import com.telco.billing.protocol.account.AccountCommand.CloseBillPeriod;
import com.telco.billing.protocol.account.AccountCommand.CollectDue;
import com.telco.billing.protocol.account.AccountCommand.EvaluateDunning;
import com.telco.billing.protocol.account.AccountCommand.GetAccount;
import com.telco.billing.protocol.account.AccountCommand.GetBalance;
import com.telco.billing.protocol.account.AccountCommand.GetCurrentUsage;
import com.telco.billing.protocol.account.AccountCommand.GetDunning;
import com.telco.billing.protocol.account.AccountCommand.GetInvoices;
import com.telco.billing.protocol.account.AccountCommand.GetPayment;
import com.telco.billing.protocol.account.AccountCommand.GetPaymentMethod;
import com.telco.billing.protocol.account.AccountCommand.GetPayments;
import com.telco.billing.protocol.account.AccountCommand.GetSettlement;
import com.telco.billing.protocol.account.AccountCommand.GetStatement;
import com.telco.billing.protocol.account.AccountCommand.IssueInvoice;
import com.telco.billing.protocol.account.AccountCommand.OpenAccount;
import com.telco.billing.protocol.account.AccountCommand.PlaceDunningHold;
import com.telco.billing.protocol.account.AccountCommand.PlanActivation;
import com.telco.billing.protocol.account.AccountCommand.PreviewInvoice;
import com.telco.billing.protocol.account.AccountCommand.RateUsage;
import com.telco.billing.protocol.account.AccountCommand.RecordPayment;
import com.telco.billing.protocol.account.AccountCommand.RefundAnswered;
import com.telco.billing.protocol.account.AccountCommand.RefundPayment;
import com.telco.billing.protocol.account.AccountCommand.ReleaseDunningHold;
import com.telco.billing.protocol.account.AccountCommand.ReturnDirectDebit;
import com.telco.billing.protocol.account.AccountCommand.SetPaymentMethod;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.AccountEvent.BillPeriodClosed;
import com.telco.billing.protocol.account.AccountEvent.CollectionScheduled;
import com.telco.billing.protocol.account.AccountEvent.DunningChanged;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssued;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssuedWithHistory;
import com.telco.billing.protocol.account.AccountEvent.InvoiceRegistered;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionActivated;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionChanged;
import com.telco.billing.protocol.account.AccountEvent.UsageRated;
import com.telco.billing.protocol.account.AccountEvent.UsageRerated;
import com.telco.billing.protocol.account.ActivationPlan;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.telco.billing.protocol.account.SubscriptionResult;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.invoice.InvoiceState;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.usage.RateUsageResult;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.sharding.AccountTags;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.JournalPersistFailed;
import org.apache.pekko.persistence.typed.JournalPersistRejected;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The Account entity: the one writer of everything an account owns. Thin: it decides when things
 * happen and which events record them; {@code billing-core} decides what is allowed and how much.
 */
public final class AccountEntity
    extends EventSourcedBehaviorWithEnforcedReplies<AccountCommand, AccountEvent, AccountState> {

  /** Why a period was closed without an invoice. */
  static final String NOTHING_TO_BILL = "nothing_to_bill";

  /** A snapshot every this many events; two are kept. */
  static final int SNAPSHOT_EVERY = 100;

  private final ActorContext<AccountCommand> context;
  private final String accountId;
  private final Clock clock;
  private final RatingCatalog catalog;
  private final Duration maxUsageAge;
  private final boolean skipZeroInvoices;
  private final int lookBackMonths;
  private final BillingMetrics metrics;
  private final PaymentHandlers payments;
  private final DunningHandlers dunning;
  private final CreditNoteHandlers creditNotes;
  private final AdjustmentHandlers adjustments;
  private final ReratingHandlers rerating;

  /** The entity and event labels of its journal metrics. */
  private static final String ENTITY = "account";

  private static final String USAGE_RATED = "usage_rated";

  /**
   * The invoice computed by the last {@code CloseBillPeriod} that needed a number, so that the
   * {@code IssueInvoice} following with the number does not compute it again. Valid only for the
   * very state, cycle date and catalog it was computed from (every event makes a new state object;
   * a new catalog version a new catalog object). Not persisted: after a restart it is computed
   * again, with the same result.
   */
  private Computed lastComputed;

  private record Computed(
      AccountState.Open state, LocalDate cycleDate, Catalog catalog, InvoiceComputation result) {
    boolean isFor(AccountState.Open s, LocalDate date, Catalog currentCatalog) {
      return state == s && catalog == currentCatalog && cycleDate.equals(date);
    }
  }

  private AccountEntity(
      ActorContext<AccountCommand> context,
      String accountId,
      Clock clock,
      RatingCatalog catalog,
      Duration maxUsageAge,
      InvoicingSettings invoicing,
      PaymentGateway gateway,
      PaymentSettings paymentSettings,
      DunningPolicySource dunningPolicies,
      UsageHistory usageHistory) {
    super(PersistenceId.of(EntityKeys.ACCOUNT.name(), accountId));
    this.context = context;
    this.accountId = accountId;
    this.clock = clock;
    this.catalog = catalog;
    this.maxUsageAge = maxUsageAge;
    this.skipZeroInvoices = invoicing.skipZeroInvoices();
    this.lookBackMonths = invoicing.lookBackMonths();
    this.metrics = BillingMetrics.get(context.getSystem());
    this.dunning =
        new DunningHandlers(accountId, clock, dunningPolicies, catalog::catalog, this::Effect);
    this.payments =
        new PaymentHandlers(
            accountId, clock, gateway, paymentSettings, context, this::Effect, dunning::review);
    this.creditNotes = new CreditNoteHandlers(accountId, clock, this::Effect, dunning::review);
    this.adjustments =
        new AdjustmentHandlers(accountId, clock, catalog::catalog, this::Effect, dunning::review);
    this.rerating =
        new ReratingHandlers(
            accountId,
            persistenceId().id(),
            clock,
            catalog,
            usageHistory,
            context,
            () -> lastSequenceNumber(context),
            this::Effect);
  }

  /**
   * @param catalog the product catalog as this node knows it (a local read, no remote call):
   *     subscriptions may only name offerings it has, usage is rated with it
   * @param maxUsageAge usage older than this is refused; record ids are remembered this long
   * @param skipZeroInvoices a closed period with nothing to bill gets no invoice
   */
  public static Behavior<AccountCommand> create(
      String accountId,
      Clock clock,
      RatingCatalog catalog,
      Duration maxUsageAge,
      boolean skipZeroInvoices) {
    return create(
        accountId,
        clock,
        catalog,
        maxUsageAge,
        new InvoicingSettings(
            skipZeroInvoices,
            InvoicingSettings.DEFAULTS.askTimeout(),
            InvoicingSettings.DEFAULTS.lookBackMonths()),
        null,
        PaymentSettings.DEFAULTS,
        DunningPolicySource.NONE);
  }

  /**
   * @param gateway the payment gateway collections and card refunds go through; {@code null} on a
   *     node that collects nothing automatically
   * @param paymentSettings the collection date and the retry schedule
   * @param dunningPolicies the published dunning policies as this node knows them
   * @param invoicing whether zero invoices are skipped, and the look-back of corrections
   */
  public static Behavior<AccountCommand> create(
      String accountId,
      Clock clock,
      RatingCatalog catalog,
      Duration maxUsageAge,
      InvoicingSettings invoicing,
      PaymentGateway gateway,
      PaymentSettings paymentSettings,
      DunningPolicySource dunningPolicies) {
    return create(
        accountId,
        clock,
        catalog,
        maxUsageAge,
        invoicing,
        gateway,
        paymentSettings,
        dunningPolicies,
        null);
  }

  /**
   * @param usageHistory where re-rating reads the account's records; {@code null} for the node's
   *     Cassandra journal
   */
  public static Behavior<AccountCommand> create(
      String accountId,
      Clock clock,
      RatingCatalog catalog,
      Duration maxUsageAge,
      InvoicingSettings invoicing,
      PaymentGateway gateway,
      PaymentSettings paymentSettings,
      DunningPolicySource dunningPolicies,
      UsageHistory usageHistory) {
    return Behaviors.setup(
        context ->
            new AccountEntity(
                context,
                accountId,
                clock,
                catalog,
                maxUsageAge,
                invoicing,
                gateway,
                paymentSettings,
                dunningPolicies,
                usageHistory != null ? usageHistory : UsageHistory.of(context.getSystem())));
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
  public SnapshotAdapter<AccountState> snapshotAdapter() {
    return AccountJournal.SNAPSHOTS;
  }

  /**
   * Lifecycle events carry the account's lifecycle tag (guiding, cycle-day read side), invoice
   * register entries its invoice tag (invoice read side), each of the account's slice ({@link
   * AccountTags}), so no projection reads events it does not need. Usage events carry none: they
   * are the bulk of the journal, and a tag would double their writes. Nor do closed periods (the
   * billing history is the account's own memory) or issued invoices: a tag would write each
   * invoice's document a second time, to {@code tag_views}, and make the read side read it back.
   */
  @Override
  public Set<String> tagsFor(AccountEvent event) {
    return tagsOf(accountId, event);
  }

  /** The tags of {@code event} of the account {@code accountId} (see {@link #tagsFor}). */
  static Set<String> tagsOf(String accountId, AccountEvent event) {
    if (event instanceof UsageRated
        || event instanceof UsageRerated
        || event instanceof BillPeriodClosed
        || event instanceof InvoiceIssued) {
      return Set.of();
    }
    if (event instanceof InvoiceRegistered) {
      return Set.of(AccountTags.invoiceTagFor(accountId));
    }
    return Set.of(AccountTags.tagFor(accountId));
  }

  /** Journal writes that fail or are rejected are counted; the entity stops as before. */
  @Override
  public SignalHandler<AccountState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(JournalPersistFailed.class, (state, failed) -> metrics.journal().failed(ENTITY))
        .onSignal(
            JournalPersistRejected.class, (state, rejected) -> metrics.journal().rejected(ENTITY))
        .build();
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
        .onCommand(ChangeSubscription.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(RateUsage.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.RerateUsage.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.RerateLoaded.class, (state, cmd) -> Effect().noReply())
        .onCommand(GetCurrentUsage.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(CloseBillPeriod.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(IssueInvoice.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetInvoices.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(PreviewInvoice.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(CollectDue.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(SetPaymentMethod.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetPaymentMethod.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(RecordPayment.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(RefundPayment.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetPayment.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetPayments.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetBalance.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetStatement.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetSettlement.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(ApplyGatewayNotice.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(ReturnDirectDebit.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(EvaluateDunning.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(PlaceDunningHold.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(ReleaseDunningHold.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(GetDunning.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.PrepareCreditNote.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.IssueCreditNote.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.GetCreditNotes.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(ChargeAnswered.class, (state, cmd) -> Effect().noReply())
        .onCommand(RefundAnswered.class, (state, cmd) -> Effect().noReply())
        .onCommand(AccountCommand.AddCharge.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.GetCharges.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.OpenDispute.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.ResolveDispute.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.GetDisputes.class, (state, cmd) -> notFound(cmd.replyTo()))
        .onCommand(AccountCommand.WriteOff.class, (state, cmd) -> notFound(cmd.replyTo()));
    builder
        .forStateType(AccountState.Open.class)
        .onCommand(OpenAccount.class, this::onOpenAgain)
        .onCommand(GetAccount.class, (state, cmd) -> reply(cmd.replyTo(), state.toView()))
        .onCommand(PlanActivation.class, this::onPlanActivation)
        .onCommand(ActivateSubscription.class, this::onActivate)
        .onCommand(ChangeSubscription.class, this::onChange)
        .onCommand(RateUsage.class, this::onRateUsage)
        .onCommand(AccountCommand.RerateUsage.class, rerating::onRerate)
        .onCommand(AccountCommand.RerateLoaded.class, rerating::onLoaded)
        .onCommand(GetCurrentUsage.class, this::onGetCurrentUsage)
        .onCommand(CloseBillPeriod.class, this::onCloseBillPeriod)
        .onCommand(IssueInvoice.class, this::onIssueInvoice)
        .onCommand(
            GetInvoices.class,
            (state, cmd) ->
                reply(
                    cmd.replyTo(),
                    new AccountInvoices.InvoiceList(
                        state.profile(), state.invoices(), settlements(state))))
        .onCommand(PreviewInvoice.class, this::onPreviewInvoice)
        .onCommand(CollectDue.class, payments::onCollectDue)
        .onCommand(SetPaymentMethod.class, payments::onSetPaymentMethod)
        .onCommand(GetPaymentMethod.class, payments::onGetPaymentMethod)
        .onCommand(RecordPayment.class, payments::onRecordPayment)
        .onCommand(RefundPayment.class, payments::onRefundPayment)
        .onCommand(GetPayment.class, payments::onGetPayment)
        .onCommand(GetPayments.class, payments::onGetPayments)
        .onCommand(GetBalance.class, payments::onGetBalance)
        .onCommand(GetStatement.class, payments::onGetStatement)
        .onCommand(GetSettlement.class, payments::onGetSettlement)
        .onCommand(ApplyGatewayNotice.class, payments::onGatewayNotice)
        .onCommand(ReturnDirectDebit.class, payments::onReturnDirectDebit)
        .onCommand(ChargeAnswered.class, payments::onChargeAnswered)
        .onCommand(RefundAnswered.class, payments::onRefundAnswered)
        .onCommand(EvaluateDunning.class, dunning::onEvaluate)
        .onCommand(PlaceDunningHold.class, dunning::onPlaceHold)
        .onCommand(ReleaseDunningHold.class, dunning::onReleaseHold)
        .onCommand(GetDunning.class, dunning::onGet)
        .onCommand(AccountCommand.PrepareCreditNote.class, creditNotes::onPrepare)
        .onCommand(AccountCommand.IssueCreditNote.class, creditNotes::onIssue)
        .onCommand(AccountCommand.GetCreditNotes.class, creditNotes::onGet)
        .onCommand(AccountCommand.AddCharge.class, adjustments::onAddCharge)
        .onCommand(AccountCommand.GetCharges.class, adjustments::onGetCharges)
        .onCommand(AccountCommand.OpenDispute.class, adjustments::onOpenDispute)
        .onCommand(AccountCommand.ResolveDispute.class, adjustments::onResolveDispute)
        .onCommand(AccountCommand.GetDisputes.class, adjustments::onGetDisputes)
        .onCommand(AccountCommand.WriteOff.class, adjustments::onWriteOff);
    return builder.build();
  }

  /** Where each kept invoice stands in accounts receivable. */
  private static java.util.Map<String, com.telco.billing.protocol.invoice.InvoiceSettlement>
      settlements(AccountState.Open state) {
    java.util.Map<String, com.telco.billing.protocol.invoice.InvoiceSettlement> all =
        new java.util.LinkedHashMap<>();
    var disputes = AdjustmentJournal.disputesOf(state.receivableHistory());
    for (IssuedInvoice invoice : state.invoices()) {
      all.put(
          invoice.number(),
          com.telco.billing.node.payment.PaymentViews.settlement(
              state.payments(),
              invoice.number(),
              invoice.invoice().taxIncludedAmount(),
              disputes.onHold(state.payments().receivables(), invoice.number())));
    }
    return all;
  }

  private ReplyEffect<AccountEvent, AccountState> onOpen(
      AccountState.Unopened state, OpenAccount cmd) {
    if (!cmd.profile().accountId().equals(accountId)) {
      return Replies.refuse(
          Effect(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.ACCOUNT_ID_MISMATCH, "id", "command sent to another account's entity"));
    }
    return Effect()
        .persist(AccountJournal.accountOpened(cmd.profile(), clock.instant(), cmd.origin()))
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
    return Replies.refuse(
        Effect(),
        cmd.replyTo(),
        Refusal.of(
            RefusalCode.ACCOUNT_CONFLICT,
            "id",
            "account " + accountId + " is already open with different data"));
  }

  private ReplyEffect<AccountEvent, AccountState> onPlanActivation(
      AccountState.Open state, PlanActivation cmd) {
    Decision<Subscription> decision =
        SubscriptionLifecycle.activate(state.subscriptions().values(), cmd.activation());
    if (decision instanceof Decision.Refused<Subscription> refused) {
      return Replies.refuse(Effect(), cmd.replyTo(), Refusal.of(refused.toFieldError()));
    }
    boolean repeated = decision instanceof Decision.AlreadyApplied;
    Optional<Refusal> noOffering =
        repeated
            ? Optional.empty()
            : unknownOffering(
                state, cmd.activation().offeringId(), cmd.activation().activationDate());
    if (noOffering.isPresent()) {
      return Replies.refuse(Effect(), cmd.replyTo(), noOffering.get());
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
      return Replies.refuse(Effect(), cmd.replyTo(), Refusal.of(refused.toFieldError()));
    }
    if (decision instanceof Decision.AlreadyApplied<Subscription> same) {
      return reply(
          cmd.replyTo(), new SubscriptionResult(same.state(), false, List.of(), zone(state)));
    }
    Optional<Refusal> noOffering =
        unknownOffering(state, cmd.activation().offeringId(), cmd.activation().activationDate());
    if (noOffering.isPresent()) {
      return Replies.refuse(Effect(), cmd.replyTo(), noOffering.get());
    }
    Subscription activated = ((Decision.Applied<Subscription>) decision).state();
    List<ServiceClaim> claims =
        ServiceClaim.forActivation(accountId, activated, state.profile().timeZone());
    return Effect()
        .persist(
            AccountJournal.subscriptionActivated(
                cmd.activation(), claims, clock.instant(), cmd.origin()))
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
      return Replies.refuse(Effect(), cmd.replyTo(), Refusal.of(refused.toFieldError()));
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
        return Replies.refuse(Effect(), cmd.replyTo(), noOffering.get());
      }
    }
    Subscription changed = ((Decision.Applied<Subscription>) decision).state();
    List<ServiceRelease> releases =
        cmd.change() instanceof SubscriptionChange.Terminate ? releases(state, changed) : List.of();
    return Effect()
        .persist(
            AccountJournal.subscriptionChanged(
                cmd.subscriptionId(), cmd.change(), releases, clock.instant(), cmd.origin()))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(new SubscriptionResult(changed, true, releases, zone(state))));
  }

  /**
   * Rates a batch in arrival order ({@code billing-core}'s {@link UsageRating}: duplicates are
   * acknowledged and not charged, records the catalog refuses are rejected, unratable ones are
   * reported for suspense) and persists the rated ones as one event before the reply.
   */
  private ReplyEffect<AccountEvent, AccountState> onRateUsage(
      AccountState.Open state, RateUsage cmd) {
    long ratingStart = System.nanoTime();
    Instant now = clock.instant();
    Instant dedupeCutoff = now.minus(maxUsageAge);
    RatingContext context =
        RatingContext.of(
            state.profile(), state.subscriptions().values(), state.billing()::invoiced);
    UsageRating.Result rating =
        UsageRating.rate(
            catalog.rater(), context, state.dedupe(), state.usage(), cmd.records(), dedupeCutoff);
    List<UsageOutcome> outcomes = new ArrayList<>(rating.outcomes().size());
    for (UsageRating.Outcome outcome : rating.outcomes()) {
      if (outcome instanceof UsageRating.Accepted accepted) {
        outcomes.add(UsageOutcome.accepted(accepted.usage()));
      } else if (outcome instanceof UsageRating.Duplicate duplicate) {
        outcomes.add(UsageOutcome.duplicate(duplicate.id(), duplicate.source()));
      } else if (outcome instanceof UsageRating.Rejected rejected) {
        outcomes.add(UsageOutcome.rejected(rejected.id(), rejected.source(), rejected.reason()));
      } else if (outcome instanceof UsageRating.Suspended suspended) {
        outcomes.add(
            UsageOutcome.suspended(suspended.id(), suspended.source(), suspended.reason()));
      }
    }
    RateUsageResult result = new RateUsageResult(outcomes);
    metrics.usage().rating(ratingStart);
    if (rating.rated().isEmpty()) {
      return reply(cmd.replyTo(), result);
    }
    long persistStart = System.nanoTime();
    return Effect()
        .persist(
            AccountJournal.usageRated(
                rating.rated(), dedupeCutoff, now, originsOf(cmd.origins(), rating)))
        .thenRun(next -> metrics.journal().written(ENTITY, USAGE_RATED, persistStart))
        .thenReply(cmd.replyTo(), next -> StatusReply.success(result));
  }

  /**
   * The requests of the rated records (at least one), a span per request over them, from the spans
   * of the command's records: none when the command names none, one when it came with one request
   * (the usual case, computed without a list per record).
   */
  private static List<Origin.Span> originsOf(
      List<Origin.Span> requested, UsageRating.Result rating) {
    if (requested.isEmpty()) {
      return List.of();
    }
    if (requested.size() == 1) {
      return List.of(new Origin.Span(requested.get(0).origin(), rating.rated().size()));
    }
    List<Origin> byRecord = Origin.each(requested);
    List<Origin> rated = new ArrayList<>(rating.rated().size());
    for (int i = 0; i < rating.outcomes().size(); i++) {
      if (rating.outcomes().get(i) instanceof UsageRating.Accepted) {
        rated.add(i < byRecord.size() ? byRecord.get(i) : null);
      }
    }
    return Origin.spans(rated);
  }

  /**
   * Closes the period that ends on {@code cycleDate}: the invoice if one was issued, SKIPPED (and
   * the period recorded as closed) when there is nothing to bill, else the number series to ask.
   * {@code billing-core} computes the invoice; the entity only decides when.
   */
  private ReplyEffect<AccountEvent, AccountState> onCloseBillPeriod(
      AccountState.Open state, CloseBillPeriod cmd) {
    Optional<IssuedInvoice> issued = state.invoiceIssuedOn(cmd.cycleDate());
    if (issued.isPresent()) {
      return reply(cmd.replyTo(), CloseBillPeriodResult.invoiced(issued.get()));
    }
    Optional<Refusal> notNow = notClosable(state, cmd.cycleDate());
    if (notNow.isPresent()) {
      return Replies.refuse(Effect(), cmd.replyTo(), notNow.get());
    }
    InvoiceRequest request = invoiceRequest(state, cmd.cycleDate());
    Optional<String> refusal = InvoiceCalculator.refusal(request);
    if (refusal.isPresent() && refusal.get().equals(InvoiceCalculator.PERIOD_SKIPPED)) {
      return reply(
          cmd.replyTo(),
          CloseBillPeriodResult.earlierPeriodOpen(state.billing().lastCycleDate().plusMonths(1)));
    }
    if (refusal.isPresent()) {
      // closed before without an invoice (nothing to bill then)
      return reply(cmd.replyTo(), CloseBillPeriodResult.skipped(refusal.get()));
    }
    InvoiceComputation computed = InvoiceCalculator.compute(request);
    lastComputed = new Computed(state, cmd.cycleDate(), request.catalog(), computed);
    if (skipZeroInvoices && computed.draft().hasNoLines()) {
      return Effect()
          .persist(
              AccountJournal.billPeriodClosed(
                  cmd.cycleDate(),
                  NOTHING_TO_BILL,
                  computed.historyAfter(),
                  clock.instant(),
                  computed.uncorrected()))
          .thenReply(
              cmd.replyTo(),
              next -> StatusReply.success(CloseBillPeriodResult.skipped(NOTHING_TO_BILL)));
    }
    String series = InvoiceNumbers.seriesKeyOf(state.profile().legalEntity(), cmd.cycleDate());
    return reply(
        cmd.replyTo(),
        CloseBillPeriodResult.numberNeeded(series, accountId + "|" + cmd.cycleDate()));
  }

  /**
   * Issues the invoice of the period ending on {@code cycleDate} with the number the series
   * assigned; an invoiced period answers its invoice (the same number: it was assigned once).
   */
  private ReplyEffect<AccountEvent, AccountState> onIssueInvoice(
      AccountState.Open state, IssueInvoice cmd) {
    Optional<IssuedInvoice> issued = state.invoiceIssuedOn(cmd.cycleDate());
    if (issued.isPresent()) {
      return reply(cmd.replyTo(), issued.get());
    }
    Optional<Refusal> notNow = notClosable(state, cmd.cycleDate());
    if (notNow.isPresent()) {
      return Replies.refuse(Effect(), cmd.replyTo(), notNow.get());
    }
    InvoiceRequest request = invoiceRequest(state, cmd.cycleDate());
    Optional<String> refusal = InvoiceCalculator.refusal(request);
    if (refusal.isPresent()) {
      return Replies.refuse(
          Effect(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.of(refusal.get()),
              "cycleDate",
              "the period ending " + cmd.cycleDate() + " is closed"));
    }
    Computed last = lastComputed;
    lastComputed = null;
    InvoiceComputation computed =
        last != null && last.isFor(state, cmd.cycleDate(), request.catalog())
            ? last.result()
            : InvoiceCalculator.compute(request);
    Instant now = clock.instant();
    String number =
        InvoiceNumbers.format(
            InvoiceNumbers.seriesOf(state.profile().legalEntity(), cmd.cycleDate()),
            cmd.sequence());
    IssuedInvoice invoice = new IssuedInvoice(number, computed.draft(), InvoiceState.ISSUED, now);
    // one atomic write: the history and the invoice (untagged), the invoice's register entry
    // (tagged for the read side), which points at the invoice's event: the second of the three
    long invoiceSequenceNr = lastSequenceNumber(context) + 2;
    List<AccountEvent> events = new ArrayList<>();
    events.add(
        AccountJournal.billPeriodClosed(
            cmd.cycleDate(), null, computed.historyAfter(), now, computed.uncorrected()));
    events.add(AccountJournal.invoiceIssued(invoice, now));
    events.add(new InvoiceRegistered(InvoiceEntry.of(invoice, invoiceSequenceNr), now));
    events.addAll(payments.onInvoiceIssued(state, invoice));
    events.addAll(dunning.onInvoiceIssued(state, invoice, feeIdsOf(request, LineType.ONE_TIME)));
    events.addAll(
        adjustments.onInvoiceIssued(invoice.number(), feeIdsOf(request, LineType.ADJUSTMENT)));
    return Effect().persist(events).thenReply(cmd.replyTo(), next -> StatusReply.success(invoice));
  }

  /**
   * The next invoice as it would be now (the open period's, unless an earlier period still awaits
   * its bill run); nothing is persisted.
   */
  private ReplyEffect<AccountEvent, AccountState> onPreviewInvoice(
      AccountState.Open state, PreviewInvoice cmd) {
    Instant now = clock.instant();
    // the next invoice the account gets: the period after the last closed one, or, for an
    // account never billed, the period open now
    LocalDate lastClosed = state.billing().lastCycleDate();
    LocalDate cycleDate =
        lastClosed != null
            ? lastClosed.plusMonths(1)
            : BillPeriods.periodAt(now, state.profile()).end();
    InvoiceRequest request = invoiceRequest(state, cycleDate);
    Optional<String> refusal = InvoiceCalculator.refusal(request);
    if (refusal.isPresent()) {
      return Replies.refuse(
          Effect(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.of(refusal.get()),
              null,
              "the open period ending " + cycleDate + " is closed"));
    }
    return reply(
        cmd.replyTo(),
        new AccountInvoices.Preview(
            state.profile(), InvoiceCalculator.compute(request).draft(), now));
  }

  /** Why the period ending on {@code cycleDate} cannot be closed now, if it cannot. */
  private Optional<Refusal> notClosable(AccountState.Open state, LocalDate cycleDate) {
    if (cycleDate.getDayOfMonth() != state.profile().billCycleDay()) {
      return Optional.of(
          Refusal.of(
              RefusalCode.NOT_A_CYCLE_DATE,
              "cycleDate",
              cycleDate
                  + " is not a cycle date of bill cycle day "
                  + state.profile().billCycleDay()));
    }
    if (clock.instant().isBefore(LifecycleDates.startOfDay(cycleDate, zone(state)))) {
      return Optional.of(
          Refusal.of(
              RefusalCode.PERIOD_NOT_ENDED,
              "cycleDate",
              "the period ending " + cycleDate + " has not ended in " + zone(state)));
    }
    return Optional.empty();
  }

  /**
   * What the invoice of {@code cycleDate} is computed from; the late fees dunning charged and the
   * one-off charges finance charged, that no invoice billed yet, are billed on it; corrections
   * reach back {@code lookBackMonths}.
   */
  private InvoiceRequest invoiceRequest(AccountState.Open state, LocalDate cycleDate) {
    return new InvoiceRequest(
        state.profile(),
        List.copyOf(state.subscriptions().values()),
        catalog.catalog(),
        cycleDate,
        List.copyOf(state.usage().lines().values()),
        state.billing(),
        java.util.stream.Stream.concat(
                state.dunning().pendingFees().stream()
                    .map(
                        fee ->
                            new FeeCharge(
                                fee.feeId(),
                                fee.chargedOn(),
                                fee.amount(),
                                fee.taxCategory(),
                                fee.description())),
                AdjustmentHandlers.pendingFees(state).stream())
            .toList(),
        lookBackMonths);
  }

  /** The ids of the request's fees billed as lines of {@code type}. */
  private static List<String> feeIdsOf(InvoiceRequest request, LineType type) {
    return request.fees().stream().filter(f -> f.type() == type).map(FeeCharge::feeId).toList();
  }

  private ReplyEffect<AccountEvent, AccountState> onGetCurrentUsage(
      AccountState.Open state, GetCurrentUsage cmd) {
    return reply(cmd.replyTo(), CurrentUsageView.of(state, clock.instant(), catalog.catalog()));
  }

  /**
   * A refusal when the catalog in effect at the start of {@code date} (account's zone) has no
   * offering {@code offeringId}: billing would have nothing to charge.
   */
  private Optional<Refusal> unknownOffering(
      AccountState.Open state, String offeringId, LocalDate date) {
    Instant at = LifecycleDates.startOfDay(date, zone(state));
    if (catalog.catalog().offering(offeringId, at).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        Refusal.of(
            RefusalCode.UNKNOWN_OFFERING,
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
            (state, evt) ->
                AccountState.Open.opened(AccountJournal.toProfile(evt.profile()), evt.openedAt()));
    builder
        .forStateType(AccountState.Open.class)
        .onEvent(
            SubscriptionActivated.class,
            (state, evt) ->
                state.withSubscription(
                    Subscription.activated(AccountJournal.toActivation(evt.activation()))))
        .onEvent(UsageRated.class, AccountEntity::applyUsage)
        .onEvent(UsageRerated.class, ReratingHandlers::apply)
        .onEvent(InvoiceIssued.class, (state, evt) -> withIssued(state, evt.invoice()))
        .onEvent(InvoiceIssuedWithHistory.class, AccountEntity::applyInvoiceWithHistory)
        .onEvent(
            BillPeriodClosed.class,
            (state, evt) -> state.withBilling(AccountJournal.toHistory(evt.billingAfter())))
        .onEvent(InvoiceRegistered.class, (state, evt) -> state)
        .onEvent(CollectionScheduled.class, (state, evt) -> state)
        .onEvent(ReceivablesChanged.class, (state, evt) -> state.withReceivables(evt.facts()))
        .onEvent(
            DunningChanged.class,
            (state, evt) ->
                state.withDunning(DunningJournal.applyAll(state.dunning(), evt.facts())))
        .onEvent(
            SubscriptionChanged.class,
            (state, evt) ->
                state.withSubscription(
                    state
                        .subscriptions()
                        .get(evt.subscriptionId())
                        .withChange(AccountJournal.toChange(evt.change()))));
    return builder.build();
  }

  /** The first form of an issued invoice: its period closed and the invoice issued in one. */
  private static AccountState applyInvoiceWithHistory(
      AccountState.Open state, InvoiceIssuedWithHistory event) {
    return withIssued(
        state.withBilling(AccountJournal.toHistory(event.billingAfter())), event.invoice());
  }

  /** An issued invoice: kept in the state, and an open item of the receivables. */
  private static AccountState.Open withIssued(
      AccountState.Open state,
      com.telco.billing.protocol.account.journal.IssuedInvoiceRecord record) {
    IssuedInvoice issued = AccountJournal.toIssuedInvoice(record);
    return state.withInvoice(issued).withReceivables(List.of(PaymentJournal.invoiceOpened(issued)));
  }

  private static AccountState applyUsage(AccountState.Open state, UsageRated event) {
    List<RatedUsage> rated = AccountJournal.toRatedUsage(event.usage());
    List<DatedKey> keys = new ArrayList<>(rated.size());
    for (RatedUsage usage : rated) {
      keys.add(DatedKey.of(usage.source(), usage.recordId(), usage.usageDate()));
    }
    DedupeWindow dedupe = state.dedupe().evictBefore(event.dedupeCutoff()).withAccepted(keys);
    UsageBook usage =
        state.usage().with(rated, LocalDate.ofInstant(event.dedupeCutoff(), ZoneOffset.UTC));
    return state.withUsage(usage, dedupe);
  }

  private <T> ReplyEffect<AccountEvent, AccountState> reply(
      ActorRef<StatusReply<T>> replyTo, T value) {
    return Effect().reply(replyTo, StatusReply.success(value));
  }

  private <T> ReplyEffect<AccountEvent, AccountState> notFound(ActorRef<StatusReply<T>> replyTo) {
    return Replies.refuse(
        Effect(),
        replyTo,
        Refusal.of(RefusalCode.ACCOUNT_NOT_FOUND, null, "no account with this id"));
  }
}
