package com.telco.billing.node.account;

import com.telco.billing.core.payment.Collection;
import com.telco.billing.core.payment.DirectDebitRef;
import com.telco.billing.core.payment.PaymentBook;
import com.telco.billing.core.payment.PaymentInfo;
import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.payment.RefundInfo;
import com.telco.billing.core.receivable.Balance;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.core.receivable.RefusalCodes;
import com.telco.billing.core.receivable.Reversal;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.payment.PaymentSettings;
import com.telco.billing.node.payment.PaymentViews;
import com.telco.billing.node.payment.gateway.ChargeOutcome;
import com.telco.billing.node.payment.gateway.ChargeRequest;
import com.telco.billing.node.payment.gateway.PaymentGateway;
import com.telco.billing.node.payment.gateway.RefundOutcome;
import com.telco.billing.node.payment.gateway.RefundRequest;
import com.telco.billing.node.payment.gateway.StripeAmounts;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.CollectionScheduled;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.payment.BalanceView;
import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import com.telco.billing.protocol.payment.GatewayAnswer;
import com.telco.billing.protocol.payment.GatewayNotice;
import com.telco.billing.protocol.payment.PaymentList;
import com.telco.billing.protocol.payment.PaymentResult;
import com.telco.billing.protocol.payment.PaymentView;
import com.telco.billing.protocol.payment.RefundResult;
import com.telco.billing.protocol.payment.RefundView;
import com.telco.billing.protocol.payment.StatementView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The Account entity's handlers of money after the invoice: payment methods, payments, refunds,
 * automatic collection through the gateway or by direct debit, gateway events, bank returns, and
 * the reads of balances, statements and settlements. Thin like the entity: {@code billing-core}'s
 * {@link PaymentBook} decides amounts and allocations; these handlers decide which facts to persist
 * and when to call the gateway.
 *
 * <p>A gateway call is made only after the attempt (or refund) that names its idempotency key is
 * persisted, and answered back to the entity as a command; an attempt whose answer was lost (a
 * crash, a timeout) is resumed with the same key, which the gateway answers with the first outcome:
 * a card is never charged twice for one attempt.
 */
final class PaymentHandlers {
  private final String accountId;
  private final Clock clock;
  private final PaymentGateway gateway;
  private final PaymentSettings settings;
  private final ActorContext<AccountCommand> context;
  private final Supplier<EffectFactories<AccountEvent, AccountState>> effects;

  /**
   * Appends to the events of a change of the receivables what it changes in dunning (an episode
   * ended at once by a payment, the next evaluation date re-anchored).
   */
  private final java.util.function.BiFunction<
          AccountState.Open, List<AccountEvent>, List<AccountEvent>>
      dunningReview;

  /** Charges and refunds this incarnation is waiting for the gateway on (by payment/refund id). */
  private final Set<String> callsInFlight = new HashSet<>();

  /** Who waits for the answer of a gateway refund, by refund id. */
  private final Map<String, List<ActorRef<StatusReply<RefundResult>>>> refundWaiters =
      new HashMap<>();

  PaymentHandlers(
      String accountId,
      Clock clock,
      PaymentGateway gateway,
      PaymentSettings settings,
      ActorContext<AccountCommand> context,
      Supplier<EffectFactories<AccountEvent, AccountState>> effects,
      java.util.function.BiFunction<AccountState.Open, List<AccountEvent>, List<AccountEvent>>
          dunningReview) {
    this.dunningReview = dunningReview;
    this.accountId = accountId;
    this.clock = clock;
    this.gateway = gateway;
    this.settings = settings;
    this.context = context;
    this.effects = effects;
  }

  private EffectFactories<AccountEvent, AccountState> effect() {
    return effects.get();
  }

  private LocalDate today(AccountState.Open state) {
    return LifecycleDates.dateAt(clock.instant(), state.profile().timeZone());
  }

  private List<AccountEvent> reviewed(AccountState.Open state, AccountEvent event) {
    return dunningReview.apply(state, List.of(event));
  }

  private List<AccountEvent> reviewed(AccountState.Open state, List<AccountEvent> events) {
    return dunningReview.apply(state, events);
  }

  private ReceivablesChanged changed(List<ReceivableFact> facts, Origin origin) {
    return new ReceivablesChanged(facts, clock.instant(), origin);
  }

  private <T> ReplyEffect<AccountEvent, AccountState> reply(
      ActorRef<StatusReply<T>> replyTo, T value) {
    return effect().reply(replyTo, StatusReply.success(value));
  }

  private <T> ReplyEffect<AccountEvent, AccountState> refuse(
      ActorRef<StatusReply<T>> replyTo, RefusalCode code, String field, String message) {
    return Replies.refuse(effect(), replyTo, Refusal.of(code, field, message));
  }

  // ---------------------------------------------------------------- invoices

  /**
   * The collection an invoice just issued needs: on its collection date when the account pays
   * automatically and something is left to pay after its credit.
   */
  List<AccountEvent> onInvoiceIssued(AccountState.Open before, IssuedInvoice invoice) {
    PaymentBook book =
        before
            .payments()
            .invoiceIssued(
                invoice.number(),
                invoice.invoice().issueDate(),
                invoice.invoice().dueDate(),
                invoice.invoice().taxIncludedAmount());
    OpenItem item = book.receivables().item(invoice.number()).orElseThrow();
    if (book.method() == null || !book.method().isAutomatic() || !item.isOpen()) {
      return List.of();
    }
    return List.of(
        new CollectionScheduled(invoice.number(), collectionDateOf(item), clock.instant(), null));
  }

  /** The date an invoice is collected automatically: its issue date or its due date. */
  private LocalDate collectionDateOf(OpenItem item) {
    return settings.collectOnDueDate() ? item.dueDate() : item.issueDate();
  }

  // ---------------------------------------------------------------- payment methods

  ReplyEffect<AccountEvent, AccountState> onSetPaymentMethod(
      AccountState.Open state, AccountCommand.SetPaymentMethod cmd) {
    PaymentBook book = state.payments();
    if (cmd.method().equals(book.method())) {
      return reply(cmd.replyTo(), PaymentViews.method(book.method(), accountId));
    }
    if (cmd.method() instanceof PaymentMethod.DirectDebit
        && !settings.directDebitLegalEntities().contains(state.profile().legalEntity())) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.DIRECT_DEBIT_NOT_OFFERED,
          "type",
          "the account's legal entity has no SEPA creditor configured for direct debits");
    }
    if (cmd.method() instanceof PaymentMethod.DirectDebit
        && !"EUR".equals(book.receivables().currency().getCurrencyCode())) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.CURRENCY_MISMATCH,
          "type",
          "a SEPA direct debit collects euros; the account is billed in another currency");
    }
    List<AccountEvent> events = new ArrayList<>();
    events.add(changed(List.of(PaymentJournal.toFact(cmd.method())), cmd.origin()));
    if (cmd.method().isAutomatic()) {
      // what is open and not being collected is collected with the new method from its
      // collection date, or today when that has passed
      LocalDate today = today(state);
      for (OpenItem item : book.receivables().openItems()) {
        if (!book.collection(item.number()).isUnderWay()
            && !book.directDebits().containsKey(item.number())
            // past due: the collections team's (a new card is not charged for it unasked, nor
            // for invoices settled outside the system before receivables were kept)
            && !item.isPastDue(today)) {
          LocalDate collectOn = collectionDateOf(item);
          events.add(
              new CollectionScheduled(
                  item.number(),
                  collectOn.isAfter(today) ? collectOn : today,
                  clock.instant(),
                  cmd.origin()));
        }
      }
    }
    return effect()
        .persist(events)
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    PaymentViews.method(
                        ((AccountState.Open) next).payments().method(), accountId)));
  }

  ReplyEffect<AccountEvent, AccountState> onGetPaymentMethod(
      AccountState.Open state, AccountCommand.GetPaymentMethod cmd) {
    return reply(cmd.replyTo(), PaymentViews.method(state.payments().method(), accountId));
  }

  // ---------------------------------------------------------------- manual payments

  /** The same idempotency key came with another request: 409, nothing changes. */
  private <T> ReplyEffect<AccountEvent, AccountState> keyReused(ActorRef<StatusReply<T>> replyTo) {
    return refuse(
        replyTo,
        RefusalCode.IDEMPOTENCY_KEY_REUSED,
        "Idempotency-Key",
        "this idempotency key was used with another request");
  }

  ReplyEffect<AccountEvent, AccountState> onRecordPayment(
      AccountState.Open state, AccountCommand.RecordPayment cmd) {
    PaymentBook book = state.payments();
    PaymentInfo known = book.payments().get(cmd.paymentId());
    if (known != null) {
      if (!cmd.fingerprint().equals(known.fingerprint())) {
        return keyReused(cmd.replyTo());
      }
      return reply(
          cmd.replyTo(),
          new PaymentResult(
              PaymentViews.payment(book, accountId, state.profile().timeZone(), cmd.paymentId())
                  .orElseThrow(),
              false));
    }
    Optional<String> bad = book.receivables().amountRefusal(cmd.amount(), cmd.currency());
    if (bad.isPresent()) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.of(bad.get()),
          bad.get().equals(RefusalCodes.CURRENCY_MISMATCH) ? "amount.unit" : "amount.value",
          bad.get().equals(RefusalCodes.CURRENCY_MISMATCH)
              ? "the account is billed in " + book.receivables().currency().getCurrencyCode()
              : "the amount must be positive, in the currency's minor units");
    }
    if (cmd.receivedOn().isAfter(today(state))) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.DATE_IN_FUTURE,
          "receivedDate",
          "a payment cannot be received after today in the account's zone");
    }
    ReceivableFact fact =
        new ReceivableFact.PaymentReceived(
            cmd.paymentId(),
            cmd.method(),
            cmd.reference(),
            cmd.fingerprint(),
            null,
            null,
            cmd.receivedOn(),
            cmd.amount());
    return effect()
        .persist(reviewed(state, changed(List.of(fact), cmd.origin())))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    new PaymentResult(
                        PaymentViews.payment(
                                ((AccountState.Open) next).payments(),
                                accountId,
                                state.profile().timeZone(),
                                cmd.paymentId())
                            .orElseThrow(),
                        true)));
  }

  // ---------------------------------------------------------------- refunds

  ReplyEffect<AccountEvent, AccountState> onRefundPayment(
      AccountState.Open state, AccountCommand.RefundPayment cmd) {
    PaymentBook book = state.payments();
    RefundInfo known = book.refunds().get(cmd.refundId());
    if (known != null) {
      if (!cmd.fingerprint().equals(known.fingerprint())) {
        return keyReused(cmd.replyTo());
      }
      if (known.status() == RefundInfo.Status.PENDING) {
        refundWaiters.computeIfAbsent(known.refundId(), id -> new ArrayList<>()).add(cmd.replyTo());
        callRefund(book, known);
        return effect().noReply();
      }
      return reply(
          cmd.replyTo(), new RefundResult(PaymentViews.refund(book, accountId, known), false));
    }
    PaymentInfo payment = book.payments().get(cmd.paymentId());
    if (payment == null) {
      return refuse(
          cmd.replyTo(), RefusalCode.PAYMENT_NOT_FOUND, "paymentId", "no payment with this id");
    }
    Optional<String> refusal =
        book.receivables()
            .amountRefusal(cmd.amount(), cmd.currency())
            .or(() -> book.refundRefusal(cmd.paymentId(), cmd.amount()));
    if (refusal.isPresent()) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.of(refusal.get()),
          refusal.get().equals(RefusalCodes.CURRENCY_MISMATCH) ? "amount.unit" : "amount.value",
          refusal.get().equals(RefusalCodes.CURRENCY_MISMATCH)
              ? "a refund is in the payment's currency"
              : refusal.get().equals(RefusalCodes.REFUND_EXCEEDS_PAYMENT)
                  ? "a refund cannot exceed what was paid less what was refunded or charged back"
                  : "the amount must be positive, in the currency's minor units");
    }
    LocalDate today = today(state);
    if (!payment.isGateway()) {
      ReceivableFact fact =
          new ReceivableFact.RefundSucceeded(
              cmd.refundId(),
              cmd.paymentId(),
              cmd.amount(),
              cmd.reason(),
              cmd.fingerprint(),
              today,
              null);
      return effect()
          .persist(reviewed(state, changed(List.of(fact), cmd.origin())))
          .thenReply(
              cmd.replyTo(),
              next ->
                  StatusReply.success(new RefundResult(refundView(next, cmd.refundId()), true)));
    }
    ReceivableFact.RefundRequested requested =
        new ReceivableFact.RefundRequested(
            cmd.refundId(),
            cmd.paymentId(),
            cmd.amount(),
            cmd.reason(),
            cmd.fingerprint(),
            today,
            cmd.refundId());
    refundWaiters.computeIfAbsent(cmd.refundId(), id -> new ArrayList<>()).add(cmd.replyTo());
    return effect()
        .persist(reviewed(state, changed(List.of(requested), cmd.origin())))
        .thenRun(
            next -> {
              PaymentBook after = ((AccountState.Open) next).payments();
              callRefund(after, after.refunds().get(cmd.refundId()));
            })
        .thenNoReply();
  }

  private RefundView refundView(AccountState next, String refundId) {
    PaymentBook book = ((AccountState.Open) next).payments();
    return PaymentViews.refund(book, accountId, book.refunds().get(refundId));
  }

  private void callRefund(PaymentBook book, RefundInfo refund) {
    if (!callsInFlight.add(refund.refundId())) {
      return;
    }
    PaymentInfo payment = book.payments().get(refund.paymentId());
    long units = gatewayUnits(refund.amount(), book);
    RefundRequest request =
        new RefundRequest(
            refund.idempotencyKey(),
            payment.gatewayRef(),
            units,
            refund.reason(),
            accountId,
            refund.paymentId(),
            refund.refundId());
    CompletionStage<RefundOutcome> call =
        units < 0
            ? CompletableFuture.completedFuture(new RefundOutcome.Failed("amount_not_supported"))
            : safely(() -> gateway.refund(request));
    context.pipeToSelf(
        call,
        (outcome, failure) ->
            new AccountCommand.RefundAnswered(refund.refundId(), answerOf(outcome, failure)));
  }

  ReplyEffect<AccountEvent, AccountState> onRefundAnswered(
      AccountState.Open state, AccountCommand.RefundAnswered cmd) {
    callsInFlight.remove(cmd.refundId());
    RefundInfo refund = state.payments().refunds().get(cmd.refundId());
    List<ActorRef<StatusReply<RefundResult>>> waiting =
        Optional.ofNullable(refundWaiters.remove(cmd.refundId())).orElse(List.of());
    if (refund == null || refund.status() != RefundInfo.Status.PENDING) {
      if (refund != null) {
        // settled meanwhile (its webhook came before the answer): the callers get what it is now
        RefundView now = PaymentViews.refund(state.payments(), accountId, refund);
        for (var replyTo : waiting) {
          replyTo.tell(StatusReply.success(new RefundResult(now, true)));
        }
      }
      return effect().noReply();
    }
    GatewayAnswer answer = cmd.answer();
    ReceivableFact fact;
    switch (answer.status()) {
      case PROCESSING -> {
        // the gateway is still paying it out: the refund stays pending until its webhook
        RefundView pending = PaymentViews.refund(state.payments(), accountId, refund);
        for (var replyTo : waiting) {
          replyTo.tell(StatusReply.success(new RefundResult(pending, true)));
        }
        return effect().noReply();
      }
      case SUCCEEDED ->
          fact =
              new ReceivableFact.RefundSucceeded(
                  refund.refundId(),
                  refund.paymentId(),
                  refund.amount(),
                  refund.reason(),
                  refund.fingerprint(),
                  refund.date(),
                  answer.gatewayId());
      case DECLINED, FAILED ->
          fact = new ReceivableFact.RefundFailed(refund.refundId(), answer.code());
      default -> {
        // no answer: the refund stays pending; asking again resumes it with the same key
        for (var replyTo : waiting) {
          replyTo.tell(
              StatusReply.error(
                  Refusal.of(
                          RefusalCode.GATEWAY_UNAVAILABLE,
                          null,
                          "the payment gateway did not answer; send the same request again")
                      .toException()));
        }
        return effect().noReply();
      }
    }
    return effect()
        .persist(reviewed(state, changed(List.of(fact), null)))
        .thenRun(
            next -> {
              RefundView view = refundView(next, cmd.refundId());
              for (var replyTo : waiting) {
                replyTo.tell(StatusReply.success(new RefundResult(view, true)));
              }
            })
        .thenNoReply();
  }

  // ---------------------------------------------------------------- reads

  ReplyEffect<AccountEvent, AccountState> onGetPayment(
      AccountState.Open state, AccountCommand.GetPayment cmd) {
    Optional<PaymentView> view =
        PaymentViews.payment(
            state.payments(), accountId, state.profile().timeZone(), cmd.paymentId());
    if (view.isEmpty()) {
      return refuse(
          cmd.replyTo(), RefusalCode.PAYMENT_NOT_FOUND, "paymentId", "no payment with this id");
    }
    return reply(cmd.replyTo(), view.get());
  }

  ReplyEffect<AccountEvent, AccountState> onGetPayments(
      AccountState.Open state, AccountCommand.GetPayments cmd) {
    return reply(
        cmd.replyTo(),
        new PaymentList(
            accountId,
            PaymentViews.payments(state.payments(), accountId, state.profile().timeZone())));
  }

  ReplyEffect<AccountEvent, AccountState> onGetBalance(
      AccountState.Open state, AccountCommand.GetBalance cmd) {
    PaymentBook book = state.payments();
    return reply(
        cmd.replyTo(),
        new BalanceView(
            accountId,
            book.receivables().currency(),
            Balance.of(book.receivables(), today(state))));
  }

  ReplyEffect<AccountEvent, AccountState> onGetStatement(
      AccountState.Open state, AccountCommand.GetStatement cmd) {
    return reply(
        cmd.replyTo(),
        new StatementView(
            state.profile(), Statement.of(state.payments().receivables(), cmd.from(), cmd.to())));
  }

  ReplyEffect<AccountEvent, AccountState> onGetSettlement(
      AccountState.Open state, AccountCommand.GetSettlement cmd) {
    Optional<OpenItem> item = state.payments().receivables().item(cmd.number());
    if (item.isEmpty()) {
      // an invoice older than the receivables the account keeps (issued before they were kept)
      return reply(cmd.replyTo(), new AccountInvoices.Settled(state.profile(), null));
    }
    return reply(
        cmd.replyTo(),
        new AccountInvoices.Settled(
            state.profile(),
            PaymentViews.settlement(
                state.payments(),
                cmd.number(),
                item.get().total(),
                AdjustmentJournal.disputesOf(state.receivableHistory())
                    .onHold(state.payments().receivables(), cmd.number()))));
  }

  // ---------------------------------------------------------------- automatic collection

  ReplyEffect<AccountEvent, AccountState> onCollectDue(
      AccountState.Open state, AccountCommand.CollectDue cmd) {
    PaymentBook book = state.payments();
    Optional<OpenItem> found = book.receivables().item(cmd.invoiceNumber());
    if (found.isEmpty()) {
      return reply(cmd.replyTo(), new CollectionStatus.NothingToCollect("unknown_invoice"));
    }
    OpenItem item = found.get();
    LocalDate today = today(state);
    Collection collection = book.collection(item.number());
    if (collection.isUnderWay()) {
      resume(book, collection);
      return reply(
          cmd.replyTo(), new CollectionStatus.Pending(collection.current().paymentId(), today));
    }
    DirectDebitRef scheduled = book.directDebits().get(item.number());
    if (scheduled != null) {
      // the same instruction until it is filed, whatever the method is now
      return reply(
          cmd.replyTo(), new CollectionStatus.DirectDebitScheduled(instruction(state, scheduled)));
    }
    if (!item.isOpen()) {
      return reply(cmd.replyTo(), new CollectionStatus.NothingToCollect("settled"));
    }
    LocalDate collectOn = collectionDateOf(item);
    if (today.isBefore(collectOn)) {
      // asked early (a replayed row, or the driver's UTC date is ahead of the account's zone):
      // nothing starts before the collection date; the row waits for a date the driver has not
      // reached yet, so it is not asked again every round
      LocalDate askAgainOn = collectOn.isAfter(cmd.today()) ? collectOn : cmd.today().plusDays(1);
      return reply(cmd.replyTo(), new CollectionStatus.Pending(null, askAgainOn));
    }
    PaymentMethod method = book.method();
    if (method == null) {
      return reply(cmd.replyTo(), new CollectionStatus.NothingToCollect("no_payment_method"));
    }
    if (method instanceof PaymentMethod.Manual) {
      return reply(cmd.replyTo(), new CollectionStatus.NothingToCollect("manual"));
    }
    if (method instanceof PaymentMethod.DirectDebit dd) {
      return scheduleDirectDebit(state, dd, item, today, cmd);
    }
    if (collection.stopped()) {
      return reply(cmd.replyTo(), new CollectionStatus.Failed(lastCode(collection), null));
    }
    if (collection.nextAttemptOn() != null && today.isBefore(collection.nextAttemptOn())) {
      return reply(
          cmd.replyTo(),
          new CollectionStatus.Failed(lastCode(collection), collection.nextAttemptOn()));
    }
    if (gateway == null) {
      return reply(cmd.replyTo(), new CollectionStatus.NothingToCollect("no_gateway"));
    }
    PaymentMethod.GatewayToken token = (PaymentMethod.GatewayToken) method;
    int number = collection.attempts() + 1;
    String paymentId = PaymentIds.collection(accountId, item.number(), number);
    ReceivableFact.AttemptStarted started =
        new ReceivableFact.AttemptStarted(
            item.number(), number, paymentId, paymentId, item.remaining(), token.token(), today);
    return effect()
        .persist(changed(List.of(started), null))
        .thenRun(
            next -> {
              PaymentBook after = ((AccountState.Open) next).payments();
              resume(after, after.collection(item.number()));
            })
        .thenReply(
            cmd.replyTo(),
            next -> StatusReply.success(new CollectionStatus.Pending(paymentId, today)));
  }

  private static String lastCode(Collection c) {
    return c.current() != null && c.current().code() != null ? c.current().code() : "declined";
  }

  /** Calls the gateway for the attempt under way, unless this incarnation already is. */
  private void resume(PaymentBook book, Collection collection) {
    Collection.Attempt attempt = collection.current();
    if (gateway == null || !callsInFlight.add(attempt.paymentId())) {
      return;
    }
    CompletionStage<ChargeOutcome> call;
    if (attempt.status() == Collection.Attempt.Status.PROCESSING && attempt.intentId() != null) {
      // the webhook may have been lost: read the intent back
      call =
          safely(() -> gateway.retrieve(attempt.intentId()))
              .thenApply(
                  intent ->
                      switch (intent.status()) {
                        case "succeeded" ->
                            new ChargeOutcome.Succeeded(intent.intentId(), intent.amountMinor());
                        case "processing" -> new ChargeOutcome.Processing(intent.intentId());
                        case "requires_payment_method", "canceled" ->
                            new ChargeOutcome.Declined(
                                intent.intentId(), "payment_failed", null, false);
                        default -> new ChargeOutcome.Unknown(intent.status());
                      });
    } else {
      long units = gatewayUnits(attempt.amount(), book);
      ChargeRequest request =
          new ChargeRequest(
              attempt.idempotencyKey(),
              attempt.token(),
              units,
              book.receivables().currency(),
              accountId,
              collection.invoiceNumber(),
              attempt.paymentId());
      call =
          units < 0
              ? CompletableFuture.completedFuture(
                  new ChargeOutcome.Declined(null, "amount_not_supported", null, true))
              : safely(() -> gateway.charge(request));
    }
    context.pipeToSelf(
        call,
        (outcome, failure) ->
            new AccountCommand.ChargeAnswered(
                collection.invoiceNumber(), attempt.paymentId(), answerOf(outcome, failure)));
  }

  ReplyEffect<AccountEvent, AccountState> onChargeAnswered(
      AccountState.Open state, AccountCommand.ChargeAnswered cmd) {
    callsInFlight.remove(cmd.paymentId());
    List<ReceivableFact> facts =
        answered(state, cmd.invoiceNumber(), cmd.paymentId(), cmd.answer());
    if (facts.isEmpty()) {
      return effect().noReply();
    }
    return effect().persist(reviewed(state, events(state, facts, null))).thenNoReply();
  }

  /**
   * The facts of a gateway answer to the attempt {@code paymentId}: nothing when the attempt is no
   * longer under way (a later answer, a duplicate) or the answer is unknown.
   */
  private List<ReceivableFact> answered(
      AccountState.Open state, String invoiceNumber, String paymentId, GatewayAnswer answer) {
    PaymentBook book = state.payments();
    Collection collection = book.collection(invoiceNumber);
    Collection.Attempt attempt = collection.current();
    if (attempt == null || !attempt.paymentId().equals(paymentId) || !collection.isUnderWay()) {
      return List.of();
    }
    LocalDate today = today(state);
    return switch (answer.status()) {
      case SUCCEEDED ->
          List.of(
              new ReceivableFact.AttemptAnswered(
                  invoiceNumber,
                  paymentId,
                  "SUCCEEDED",
                  answer.gatewayId(),
                  null,
                  today,
                  null,
                  false),
              new ReceivableFact.PaymentReceived(
                  paymentId,
                  PaymentInfo.CARD,
                  null,
                  null,
                  answer.gatewayId(),
                  invoiceNumber,
                  today,
                  attempt.amount()));
      case PROCESSING ->
          attempt.status() == Collection.Attempt.Status.PROCESSING
              ? List.of()
              : List.of(
                  new ReceivableFact.AttemptAnswered(
                      invoiceNumber,
                      paymentId,
                      "PROCESSING",
                      answer.gatewayId(),
                      null,
                      today,
                      null,
                      false));
      case DECLINED, FAILED -> {
        LocalDate firstFailure =
            collection.firstFailure() != null ? collection.firstFailure() : today;
        Optional<LocalDate> next =
            settings.retries().nextAttempt(firstFailure, collection.failures() + 1, answer.hard());
        yield List.of(
            new ReceivableFact.AttemptAnswered(
                invoiceNumber,
                paymentId,
                "DECLINED",
                answer.gatewayId(),
                answer.code() == null ? "declined" : answer.code(),
                today,
                next.orElse(null),
                next.isEmpty()));
      }
      case UNKNOWN -> List.of();
    };
  }

  /** The event of {@code facts}, and the collection a planned retry needs. */
  private List<AccountEvent> events(
      AccountState.Open state, List<ReceivableFact> facts, Origin origin) {
    List<AccountEvent> events = new ArrayList<>();
    events.add(changed(facts, origin));
    for (ReceivableFact fact : facts) {
      if (fact instanceof ReceivableFact.AttemptAnswered a && a.nextAttemptOn() != null) {
        events.add(
            new CollectionScheduled(a.invoiceNumber(), a.nextAttemptOn(), clock.instant(), origin));
      }
    }
    return events;
  }

  private ReplyEffect<AccountEvent, AccountState> scheduleDirectDebit(
      AccountState.Open state,
      PaymentMethod.DirectDebit dd,
      OpenItem item,
      LocalDate today,
      AccountCommand.CollectDue cmd) {
    PaymentBook book = state.payments();
    String paymentId = PaymentIds.directDebit(accountId, item.number());
    String endToEndId = PaymentIds.endToEndId(accountId, item.number());
    String sequence =
        book.mandateUsed(dd.mandateId())
            ? DirectDebitInstruction.RECURRING
            : DirectDebitInstruction.FIRST;
    // SEPA Core: the bank has the file the day before the collection date
    LocalDate collectionDate = today.plusDays(1);
    List<ReceivableFact> facts =
        List.of(
            new ReceivableFact.DirectDebitScheduled(
                item.number(),
                paymentId,
                endToEndId,
                collectionDate,
                item.remaining(),
                dd.mandateId(),
                sequence,
                dd.iban(),
                dd.bic(),
                dd.signedOn(),
                dd.debtorName()),
            new ReceivableFact.PaymentReceived(
                paymentId,
                PaymentInfo.DIRECT_DEBIT,
                dd.mandateId(),
                null,
                endToEndId,
                item.number(),
                collectionDate,
                item.remaining()));
    return effect()
        .persist(reviewed(state, changed(facts, null)))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    new CollectionStatus.DirectDebitScheduled(
                        instruction(
                            state,
                            ((AccountState.Open) next)
                                .payments()
                                .directDebits()
                                .get(item.number())))));
  }

  private DirectDebitInstruction instruction(AccountState.Open state, DirectDebitRef ref) {
    return new DirectDebitInstruction(
        ref.endToEndId(),
        accountId,
        ref.invoiceNumber(),
        ref.paymentId(),
        state.profile().legalEntity(),
        ref.collectionDate(),
        ref.amount(),
        state.profile().currency(),
        ref.mandateId(),
        ref.mandateSignedOn(),
        ref.sequenceType(),
        ref.debtorName() != null ? ref.debtorName() : state.profile().name(),
        ref.iban(),
        ref.bic());
  }

  // ---------------------------------------------------------------- gateway events, returns

  ReplyEffect<AccountEvent, AccountState> onGatewayNotice(
      AccountState.Open state, AccountCommand.ApplyGatewayNotice cmd) {
    GatewayNotice notice = cmd.notice();
    PaymentBook book = state.payments();
    if (book.seen(notice.eventId())) {
      return reply(cmd.replyTo(), "duplicate");
    }
    LocalDate today = today(state);
    List<ReceivableFact> facts = new ArrayList<>();
    switch (notice.kind()) {
      case PAYMENT_SUCCEEDED, PAYMENT_PROCESSING, PAYMENT_FAILED -> {
        Optional<Collection> collection =
            notice.paymentId() == null
                ? Optional.empty()
                : book.collectionOfPayment(notice.paymentId());
        if (collection.isPresent()) {
          GatewayAnswer.Status status =
              switch (notice.kind()) {
                case PAYMENT_SUCCEEDED -> GatewayAnswer.Status.SUCCEEDED;
                case PAYMENT_PROCESSING -> GatewayAnswer.Status.PROCESSING;
                default -> GatewayAnswer.Status.DECLINED;
              };
          facts.addAll(
              answered(
                  state,
                  collection.get().invoiceNumber(),
                  notice.paymentId(),
                  new GatewayAnswer(status, notice.intentId(), notice.code(), notice.hard())));
        }
      }
      case REFUND_SUCCEEDED -> {
        RefundInfo ours = notice.refundId() == null ? null : book.refunds().get(notice.refundId());
        if (ours != null) {
          // a refund we asked for, paid out after a pending answer
          if (ours.status() == RefundInfo.Status.PENDING) {
            facts.add(
                new ReceivableFact.RefundSucceeded(
                    ours.refundId(),
                    ours.paymentId(),
                    ours.amount(),
                    ours.reason(),
                    ours.fingerprint(),
                    ours.date(),
                    notice.objectId()));
          }
        } else if (notice.paymentId() != null
            && book.payments().containsKey(notice.paymentId())
            && !refundKnown(book, notice.objectId())
            && notice.amountMinor() > 0) {
          BigDecimal amount =
              BigDecimal.valueOf(
                  notice.amountMinor(), book.receivables().currency().getDefaultFractionDigits());
          if (book.refundRefusal(notice.paymentId(), amount).isEmpty()) {
            // a refund made at the gateway itself (its dashboard): recorded as it is
            facts.add(
                new ReceivableFact.RefundSucceeded(
                    PaymentIds.refund(accountId, notice.paymentId(), notice.objectId()),
                    notice.paymentId(),
                    amount,
                    "gateway",
                    null,
                    today,
                    notice.objectId()));
          }
        }
      }
      case REFUND_FAILED -> {
        RefundInfo ours = notice.refundId() == null ? null : book.refunds().get(notice.refundId());
        if (ours != null && ours.status() == RefundInfo.Status.PENDING) {
          facts.add(new ReceivableFact.RefundFailed(ours.refundId(), "gateway_refund_failed"));
        }
      }
      case DISPUTE_CREATED -> {
        if (notice.paymentId() != null && book.payments().containsKey(notice.paymentId())) {
          facts.add(
              new ReceivableFact.PaymentReversed(
                  notice.paymentId(), notice.objectId(), "CHARGEBACK", today, notice.code()));
        }
      }
      case DISPUTE_WON -> {
        if (notice.paymentId() != null && book.payments().containsKey(notice.paymentId())) {
          facts.add(
              new ReceivableFact.PaymentReversed(
                  notice.paymentId(), notice.objectId() + ":won", "CHARGEBACK_WON", today, null));
        }
      }
      default -> {
        // a lost dispute changes nothing the chargeback did not
      }
    }
    boolean applied = !facts.isEmpty();
    facts.add(new ReceivableFact.GatewayEventSeen(notice.eventId()));
    String outcome = applied ? "applied" : "ignored";
    return effect()
        .persist(reviewed(state, events(state, facts, null)))
        .thenReply(cmd.replyTo(), next -> StatusReply.success(outcome));
  }

  private static boolean refundKnown(PaymentBook book, String gatewayRefundId) {
    for (RefundInfo refund : book.refunds().values()) {
      if (gatewayRefundId != null && gatewayRefundId.equals(refund.gatewayRefundId())) {
        return true;
      }
    }
    return false;
  }

  ReplyEffect<AccountEvent, AccountState> onReturnDirectDebit(
      AccountState.Open state, AccountCommand.ReturnDirectDebit cmd) {
    PaymentBook book = state.payments();
    Optional<DirectDebitRef> ref = book.directDebitByEndToEndId(cmd.endToEndId());
    if (ref.isEmpty()) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.DIRECT_DEBIT_NOT_FOUND,
          "endToEndId",
          "the account has no direct debit with this end-to-end id");
    }
    String paymentId = ref.get().paymentId();
    String reversalId = "return:" + cmd.endToEndId();
    boolean done =
        book.receivables().receipt(paymentId).orElseThrow().reversals().stream()
            .anyMatch(r -> r.id().equals(reversalId));
    if (done) {
      return reply(
          cmd.replyTo(),
          PaymentViews.payment(book, accountId, state.profile().timeZone(), paymentId)
              .orElseThrow());
    }
    ReceivableFact fact =
        new ReceivableFact.PaymentReversed(
            paymentId, reversalId, Reversal.Kind.RETURN.name(), today(state), cmd.reasonCode());
    return effect()
        .persist(reviewed(state, changed(List.of(fact), cmd.origin())))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    PaymentViews.payment(
                            ((AccountState.Open) next).payments(),
                            accountId,
                            state.profile().timeZone(),
                            paymentId)
                        .orElseThrow()));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * {@code amount} in the gateway's units ({@link StripeAmounts}), or -1 when the gateway cannot
   * take it exactly.
   */
  private static long gatewayUnits(BigDecimal amount, PaymentBook book) {
    try {
      return StripeAmounts.toGateway(amount, book.receivables().currency());
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  private static <T> CompletionStage<T> safely(Supplier<CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static GatewayAnswer answerOf(Object outcome, Throwable failure) {
    if (failure != null || outcome == null) {
      return new GatewayAnswer(GatewayAnswer.Status.UNKNOWN, null, null, false);
    }
    if (outcome instanceof ChargeOutcome.Succeeded s) {
      return new GatewayAnswer(GatewayAnswer.Status.SUCCEEDED, s.intentId(), null, false);
    }
    if (outcome instanceof ChargeOutcome.Processing p) {
      return new GatewayAnswer(GatewayAnswer.Status.PROCESSING, p.intentId(), null, false);
    }
    if (outcome instanceof ChargeOutcome.Declined d) {
      String code = d.declineCode() != null ? d.declineCode() : d.code();
      return new GatewayAnswer(GatewayAnswer.Status.DECLINED, d.intentId(), code, d.hard());
    }
    if (outcome instanceof RefundOutcome.Succeeded s) {
      return new GatewayAnswer(GatewayAnswer.Status.SUCCEEDED, s.gatewayRefundId(), null, false);
    }
    if (outcome instanceof RefundOutcome.Pending p) {
      return new GatewayAnswer(GatewayAnswer.Status.PROCESSING, p.gatewayRefundId(), null, false);
    }
    if (outcome instanceof RefundOutcome.Failed f) {
      return new GatewayAnswer(GatewayAnswer.Status.FAILED, null, f.code(), false);
    }
    return new GatewayAnswer(GatewayAnswer.Status.UNKNOWN, null, null, false);
  }
}
