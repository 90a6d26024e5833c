package com.telco.billing.node.account;

import com.telco.billing.core.adjustment.OneOffCharge;
import com.telco.billing.core.adjustment.OneOffCharges;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.receivable.Dispute;
import com.telco.billing.core.receivable.Disputes;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.core.receivable.Receivables;
import com.telco.billing.core.receivable.RefusalCodes;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.adjustment.ChargeList;
import com.telco.billing.protocol.adjustment.ChargeResult;
import com.telco.billing.protocol.adjustment.ChargeView;
import com.telco.billing.protocol.adjustment.DisputeList;
import com.telco.billing.protocol.adjustment.DisputeResult;
import com.telco.billing.protocol.adjustment.DisputeView;
import com.telco.billing.protocol.adjustment.WriteOffResult;
import com.telco.billing.protocol.adjustment.WriteOffView;
import com.telco.billing.protocol.http.MoneyValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The Account entity's adjustment handlers (docs/adjustments.md): one-off charges billed on the
 * next invoice, disputes that put part of an invoice on hold, write-offs. Thin like the entity:
 * {@code billing-core}'s {@link Disputes}, {@link Receivables#writeOff} and {@link OneOffCharges}
 * decide what is allowed and how much. Every change of the receivables is reviewed by dunning the
 * way payments are: a dispute or a write-off can end an episode at once, a released dispute brings
 * the amount back into the overdue amount.
 */
final class AdjustmentHandlers {
  private final String accountId;
  private final Clock clock;
  private final Supplier<Catalog> catalog;
  private final Supplier<EffectFactories<AccountEvent, AccountState>> effects;
  private final BiFunction<AccountState.Open, List<AccountEvent>, List<AccountEvent>> dunningReview;

  /**
   * @param catalog the catalog as this node knows it: a charge is taken only with a tax category
   *     its tax table has for the account (else no invoice could bill it)
   * @param dunningReview what a change of the receivables changes in dunning
   */
  AdjustmentHandlers(
      String accountId,
      Clock clock,
      Supplier<Catalog> catalog,
      Supplier<EffectFactories<AccountEvent, AccountState>> effects,
      BiFunction<AccountState.Open, List<AccountEvent>, List<AccountEvent>> dunningReview) {
    this.accountId = accountId;
    this.clock = clock;
    this.catalog = catalog;
    this.effects = effects;
    this.dunningReview = dunningReview;
  }

  private EffectFactories<AccountEvent, AccountState> effect() {
    return effects.get();
  }

  private LocalDate today(AccountState.Open state) {
    return LifecycleDates.dateAt(clock.instant(), state.profile().timeZone());
  }

  private ReceivablesChanged changed(ReceivableFact fact, Origin origin) {
    return new ReceivablesChanged(List.of(fact), clock.instant(), origin);
  }

  private <T> ReplyEffect<AccountEvent, AccountState> reply(
      ActorRef<StatusReply<T>> replyTo, T value) {
    return effect().reply(replyTo, StatusReply.success(value));
  }

  private <T> ReplyEffect<AccountEvent, AccountState> refuse(
      ActorRef<StatusReply<T>> replyTo, RefusalCode code, String field, String message) {
    return Replies.refuse(effect(), replyTo, Refusal.of(code, field, message));
  }

  /** The same idempotency key came with another request: 409, nothing changes. */
  private <T> ReplyEffect<AccountEvent, AccountState> keyReused(ActorRef<StatusReply<T>> replyTo) {
    return refuse(
        replyTo,
        RefusalCode.IDEMPOTENCY_KEY_REUSED,
        "Idempotency-Key",
        "this idempotency key was used with another request");
  }

  /** The refusal of an amount {@code billing-core} refused with {@code code}. */
  private <T> ReplyEffect<AccountEvent, AccountState> amountRefused(
      ActorRef<StatusReply<T>> replyTo, String code, Currency currency) {
    boolean currencyWrong = code.equals(RefusalCodes.CURRENCY_MISMATCH);
    return refuse(
        replyTo,
        RefusalCode.of(code),
        currencyWrong ? "amount.unit" : "amount.value",
        currencyWrong
            ? "the account is billed in " + currency.getCurrencyCode()
            : "the amount must be positive, in the currency's minor units");
  }

  private <T> ReplyEffect<AccountEvent, AccountState> noSuchInvoice(
      ActorRef<StatusReply<T>> replyTo) {
    return refuse(
        replyTo,
        RefusalCode.INVOICE_NOT_FOUND,
        "number",
        "the account has no open item with this number");
  }

  // ---------------------------------------------------------------- one-off charges

  ReplyEffect<AccountEvent, AccountState> onAddCharge(
      AccountState.Open state, AccountCommand.AddCharge cmd) {
    List<ReceivableFact> history = state.receivableHistory();
    Optional<ReceivableFact.ChargeAdded> known =
        AdjustmentJournal.chargeFact(history, cmd.chargeId());
    if (known.isPresent()) {
      if (!known.get().fingerprint().equals(cmd.fingerprint())) {
        return keyReused(cmd.replyTo());
      }
      return reply(cmd.replyTo(), new ChargeResult(chargeView(state, cmd.chargeId()), false));
    }
    Receivables receivables = state.payments().receivables();
    Optional<String> bad = receivables.amountRefusal(cmd.amount(), cmd.currency());
    if (bad.isPresent()) {
      return amountRefused(cmd.replyTo(), bad.get(), receivables.currency());
    }
    LocalDate today = today(state);
    if (!taxable(state, cmd.taxCategory(), today)) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.UNKNOWN_TAX_CATEGORY,
          "taxCategory",
          "the catalog has no rate of this tax category for the account's jurisdiction");
    }
    ReceivableFact fact =
        new ReceivableFact.ChargeAdded(
            cmd.chargeId(),
            cmd.fingerprint(),
            today,
            cmd.amount().setScale(receivables.currency().getDefaultFractionDigits()),
            cmd.description(),
            cmd.taxCategory(),
            cmd.glCode());
    return effect()
        .persist(changed(fact, cmd.origin()))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    new ChargeResult(chargeView((AccountState.Open) next, cmd.chargeId()), true)));
  }

  ReplyEffect<AccountEvent, AccountState> onGetCharges(
      AccountState.Open state, AccountCommand.GetCharges cmd) {
    OneOffCharges charges = AdjustmentJournal.chargesOf(state.receivableHistory());
    return reply(
        cmd.replyTo(),
        new ChargeList(
            accountId, charges.all().stream().map(c -> chargeView(c, currencyOf(state))).toList()));
  }

  /**
   * What issuing an invoice that billed the pending charges {@code chargeIds} records: which
   * invoice billed them. Empty when it billed none.
   */
  List<AccountEvent> onInvoiceIssued(String invoiceNumber, List<String> chargeIds) {
    if (chargeIds.isEmpty()) {
      return List.of();
    }
    return List.of(changed(new ReceivableFact.ChargesBilled(invoiceNumber, chargeIds), null));
  }

  /** The pending charges the next invoice bills, oldest first. */
  static List<com.telco.billing.core.invoice.FeeCharge> pendingFees(AccountState.Open state) {
    return AdjustmentJournal.chargesOf(state.receivableHistory()).pendingFees();
  }

  /**
   * Whether an invoice of the account can tax a line of {@code category}: the account is tax
   * exempt, or the catalog has a rate for its jurisdiction (as for late fees).
   */
  private boolean taxable(AccountState.Open state, String category, LocalDate today) {
    return state.profile().taxExempt()
        || catalog.get().taxRate(state.profile().taxJurisdiction(), category, today).isPresent();
  }

  // ---------------------------------------------------------------- disputes

  ReplyEffect<AccountEvent, AccountState> onOpenDispute(
      AccountState.Open state, AccountCommand.OpenDispute cmd) {
    List<ReceivableFact> history = state.receivableHistory();
    Optional<ReceivableFact.DisputeOpened> known =
        AdjustmentJournal.disputeFact(history, cmd.disputeId());
    if (known.isPresent()) {
      if (!known.get().fingerprint().equals(cmd.fingerprint())
          || !known.get().invoiceNumber().equals(cmd.invoiceNumber())) {
        return keyReused(cmd.replyTo());
      }
      return reply(cmd.replyTo(), new DisputeResult(disputeView(state, cmd.disputeId()), false));
    }
    Receivables receivables = state.payments().receivables();
    if (receivables.item(cmd.invoiceNumber()).isEmpty()) {
      return noSuchInvoice(cmd.replyTo());
    }
    Optional<String> bad = receivables.amountRefusal(cmd.amount(), cmd.currency());
    if (bad.isEmpty()) {
      bad =
          AdjustmentJournal.disputesOf(history)
              .openRefusal(receivables, cmd.invoiceNumber(), cmd.amount());
    }
    if (bad.isPresent() && bad.get().equals(RefusalCodes.DISPUTE_EXCEEDS_REMAINING)) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.DISPUTE_EXCEEDS_REMAINING,
          "amount.value",
          "the amount is more than the invoice still owes and is not disputed already");
    }
    if (bad.isPresent()) {
      return amountRefused(cmd.replyTo(), bad.get(), receivables.currency());
    }
    ReceivableFact fact =
        new ReceivableFact.DisputeOpened(
            cmd.disputeId(),
            cmd.invoiceNumber(),
            cmd.fingerprint(),
            today(state),
            cmd.amount().setScale(receivables.currency().getDefaultFractionDigits()),
            cmd.reason());
    return effect()
        .persist(dunningReview.apply(state, List.of(changed(fact, cmd.origin()))))
        .thenReply(
            cmd.replyTo(),
            next ->
                StatusReply.success(
                    new DisputeResult(
                        disputeView((AccountState.Open) next, cmd.disputeId()), true)));
  }

  ReplyEffect<AccountEvent, AccountState> onResolveDispute(
      AccountState.Open state, AccountCommand.ResolveDispute cmd) {
    Disputes disputes = AdjustmentJournal.disputesOf(state.receivableHistory());
    Optional<Dispute> dispute = disputes.dispute(cmd.disputeId());
    if (dispute.isEmpty() || !dispute.get().invoiceNumber().equals(cmd.invoiceNumber())) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.DISPUTE_NOT_FOUND,
          "disputeId",
          "the invoice has no dispute with this id");
    }
    if (!dispute.get().isOpen()) {
      if (dispute.get().status().wireName().equals(cmd.outcome())) {
        return reply(cmd.replyTo(), disputeView(state, cmd.disputeId()));
      }
      return refuse(
          cmd.replyTo(),
          RefusalCode.DISPUTE_RESOLVED,
          "outcome",
          "the dispute was resolved with another outcome");
    }
    Dispute.Status outcome = AdjustmentJournal.statusOf(cmd.outcome());
    Receivables receivables = state.payments().receivables();
    BigDecimal remaining = receivables.item(cmd.invoiceNumber()).orElseThrow().remaining();
    if (outcome == Dispute.Status.UPHELD && cmd.creditNoteNumber() != null) {
      // the credit note that upholds it was issued just before: what it took off the invoice
      // counts as fallen since the dispute was upheld, so it ends the hold as far as it goes
      remaining =
          remaining.add(receivables.allocatedTo(cmd.creditNoteNumber(), cmd.invoiceNumber()));
    }
    ReceivableFact fact =
        new ReceivableFact.DisputeResolved(
            cmd.disputeId(),
            cmd.invoiceNumber(),
            outcome.wireName(),
            today(state),
            remaining,
            cmd.note(),
            outcome == Dispute.Status.UPHELD ? cmd.creditNoteNumber() : null);
    return effect()
        .persist(dunningReview.apply(state, List.of(changed(fact, cmd.origin()))))
        .thenReply(
            cmd.replyTo(),
            next -> StatusReply.success(disputeView((AccountState.Open) next, cmd.disputeId())));
  }

  ReplyEffect<AccountEvent, AccountState> onGetDisputes(
      AccountState.Open state, AccountCommand.GetDisputes cmd) {
    Receivables receivables = state.payments().receivables();
    Optional<OpenItem> item = receivables.item(cmd.invoiceNumber());
    if (item.isEmpty()) {
      return noSuchInvoice(cmd.replyTo());
    }
    Disputes disputes = AdjustmentJournal.disputesOf(state.receivableHistory());
    Currency currency = currencyOf(state);
    return reply(
        cmd.replyTo(),
        new DisputeList(
            cmd.invoiceNumber(),
            MoneyValue.of(item.get().remaining(), currency),
            MoneyValue.of(disputes.onHold(receivables, cmd.invoiceNumber()), currency),
            disputes.of(cmd.invoiceNumber()).stream()
                .map(d -> disputeView(state.receivableHistory(), d, currency))
                .toList()));
  }

  // ---------------------------------------------------------------- write-offs

  ReplyEffect<AccountEvent, AccountState> onWriteOff(
      AccountState.Open state, AccountCommand.WriteOff cmd) {
    List<ReceivableFact> history = state.receivableHistory();
    Optional<ReceivableFact.InvoiceWrittenOff> known =
        AdjustmentJournal.writeOffFact(history, cmd.writeOffId());
    if (known.isPresent()) {
      if (!known.get().fingerprint().equals(cmd.fingerprint())
          || !known.get().invoiceNumber().equals(cmd.invoiceNumber())) {
        return keyReused(cmd.replyTo());
      }
      return reply(cmd.replyTo(), new WriteOffResult(writeOffView(state, known.get()), false));
    }
    Receivables receivables = state.payments().receivables();
    Optional<String> refusal = receivables.writeOffRefusal(cmd.invoiceNumber());
    if (refusal.isPresent() && refusal.get().equals(RefusalCodes.INVOICE_NOT_FOUND)) {
      return noSuchInvoice(cmd.replyTo());
    }
    if (refusal.isPresent()) {
      return refuse(
          cmd.replyTo(),
          RefusalCode.INVOICE_NOT_OPEN,
          "number",
          "the invoice owes nothing that could be written off");
    }
    ReceivableFact.InvoiceWrittenOff fact =
        new ReceivableFact.InvoiceWrittenOff(
            cmd.writeOffId(),
            cmd.invoiceNumber(),
            cmd.fingerprint(),
            today(state),
            receivables.item(cmd.invoiceNumber()).orElseThrow().remaining(),
            receivables.currency().getCurrencyCode(),
            cmd.reason());
    return effect()
        .persist(dunningReview.apply(state, List.of(changed(fact, cmd.origin()))))
        .thenReply(
            cmd.replyTo(),
            next -> StatusReply.success(new WriteOffResult(writeOffView(state, fact), true)));
  }

  // ---------------------------------------------------------------- views

  private static Currency currencyOf(AccountState.Open state) {
    return state.payments().receivables().currency();
  }

  private ChargeView chargeView(AccountState.Open state, String chargeId) {
    return chargeView(
        AdjustmentJournal.chargesOf(state.receivableHistory()).charge(chargeId).orElseThrow(),
        currencyOf(state));
  }

  private ChargeView chargeView(OneOffCharge c, Currency currency) {
    return new ChargeView(
        c.chargeId(),
        accountId,
        c.chargedOn(),
        MoneyValue.of(c.amount(), currency),
        c.description(),
        c.taxCategory(),
        c.glCode(),
        c.isPending() ? "pending" : "billed",
        c.invoiceNumber());
  }

  private DisputeView disputeView(AccountState.Open state, String disputeId) {
    return disputeView(
        state.receivableHistory(),
        AdjustmentJournal.disputesOf(state.receivableHistory()).dispute(disputeId).orElseThrow(),
        currencyOf(state));
  }

  private DisputeView disputeView(List<ReceivableFact> history, Dispute d, Currency currency) {
    return new DisputeView(
        d.disputeId(),
        d.invoiceNumber(),
        accountId,
        MoneyValue.of(d.amount(), currency),
        d.reason(),
        d.status().wireName(),
        d.openedOn(),
        d.resolvedOn(),
        AdjustmentJournal.creditNoteOf(history, d.disputeId()).orElse(null));
  }

  private WriteOffView writeOffView(
      AccountState.Open state, ReceivableFact.InvoiceWrittenOff fact) {
    return new WriteOffView(
        fact.writeOffId(),
        fact.invoiceNumber(),
        accountId,
        fact.date(),
        MoneyValue.of(fact.amount(), currencyOf(state)),
        fact.reason());
  }
}
