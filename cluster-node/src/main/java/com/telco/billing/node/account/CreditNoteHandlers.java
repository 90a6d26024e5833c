package com.telco.billing.node.account;

import com.telco.billing.core.creditnote.CreditNoteCalculator;
import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditNoteNumbers;
import com.telco.billing.core.creditnote.CreditReason;
import com.telco.billing.core.creditnote.CreditedLine;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.payment.PaymentBook;
import com.telco.billing.core.payment.PaymentInfo;
import com.telco.billing.core.receivable.Allocation;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.core.receivable.Receipt;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.journal.InvoiceRecord;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.account.journal.ReceivableFact.CreditNoteIssued;
import com.telco.billing.protocol.invoice.CreditNoteList;
import com.telco.billing.protocol.invoice.CreditNoteOrder;
import com.telco.billing.protocol.invoice.CreditNotePrepared;
import com.telco.billing.protocol.invoice.CreditNoteResult;
import com.telco.billing.protocol.invoice.CreditNoteView;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The Account entity's handlers of credit notes (docs/credit-notes.md). {@code billing-core}'s
 * {@link CreditNoteCalculator} decides what may be credited and the tax, {@link
 * com.telco.billing.core.receivable.Receivables#creditNote} where the credit goes; these handlers
 * decide which facts to persist. A credit note is issued in two steps, like an invoice: {@link
 * AccountCommand.PrepareCreditNote} checks it and names the number series, {@link
 * AccountCommand.IssueCreditNote} issues it with the number the series assigned.
 *
 * <p>The whole credit note is one {@link CreditNoteIssued} fact of a {@link ReceivablesChanged}
 * event, so snapshots keep it with the receivable history; the refunds a {@code refund} asks for
 * are {@code RefundSucceeded} facts of the same event, before it.
 */
final class CreditNoteHandlers {
  /** How long a checked request keeps other requests for the same invoice waiting. */
  static final Duration IN_FLIGHT = Duration.ofSeconds(30);

  /** The refund reason of the refunds of a credit note. */
  static final String REFUND_REASON = "credit_note";

  private final String accountId;
  private final Clock clock;
  private final Supplier<EffectFactories<AccountEvent, AccountState>> effects;
  private final BiFunction<AccountState.Open, List<AccountEvent>, List<AccountEvent>> dunningReview;

  /**
   * Requests checked and not issued yet, by invoice: their key and until when they hold the
   * invoice. Not persisted: it only keeps two requests for the same invoice from both taking a
   * number when only one can be issued.
   */
  private final Map<String, Map.Entry<String, Instant>> inFlight = new HashMap<>();

  CreditNoteHandlers(
      String accountId,
      Clock clock,
      Supplier<EffectFactories<AccountEvent, AccountState>> effects,
      BiFunction<AccountState.Open, List<AccountEvent>, List<AccountEvent>> dunningReview) {
    this.accountId = accountId;
    this.clock = clock;
    this.effects = effects;
    this.dunningReview = dunningReview;
  }

  /** What issuing {@code order} now does: the credit note's amounts and the refunds it pays. */
  private record Plan(IssuedInvoice invoice, CreditNoteDraft draft, List<Refund> refunds) {}

  private record Refund(String paymentId, BigDecimal amount) {}

  ReplyEffect<AccountEvent, AccountState> onPrepare(
      AccountState.Open state, AccountCommand.PrepareCreditNote cmd) {
    CreditNoteOrder order = cmd.order();
    Optional<CreditNoteIssued> known = byRequest(state, order.requestKey());
    if (known.isPresent()) {
      return known.get().fingerprint().equals(order.fingerprint())
          ? reply(cmd.replyTo(), new CreditNotePrepared.Existing(view(state, known.get())))
          : keyReused(cmd.replyTo());
    }
    Object decided = decide(state, order);
    if (decided instanceof Refusal refusal) {
      return Replies.refuse(effects.get(), cmd.replyTo(), refusal);
    }
    Instant now = clock.instant();
    Map.Entry<String, Instant> other = inFlight.get(order.invoiceNumber());
    if (other != null
        && !other.getKey().equals(order.requestKey())
        && other.getValue().isAfter(now)) {
      return Replies.refuse(
          effects.get(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.CREDIT_NOTE_IN_PROGRESS,
              null,
              "another credit note of this invoice is being issued; send the request again"));
    }
    inFlight.put(order.invoiceNumber(), Map.entry(order.requestKey(), now.plus(IN_FLIGHT)));
    LocalDate today = LifecycleDates.dateAt(now, state.profile().timeZone());
    return reply(
        cmd.replyTo(),
        new CreditNotePrepared.NumberNeeded(
            CreditNoteNumbers.seriesKeyOf(state.profile().legalEntity(), today),
            order.requestKey(),
            today));
  }

  ReplyEffect<AccountEvent, AccountState> onIssue(
      AccountState.Open state, AccountCommand.IssueCreditNote cmd) {
    CreditNoteOrder order = cmd.order();
    Optional<CreditNoteIssued> known = byRequest(state, order.requestKey());
    if (known.isPresent()) {
      return known.get().fingerprint().equals(order.fingerprint())
          ? reply(cmd.replyTo(), new CreditNoteResult(view(state, known.get()), false))
          : keyReused(cmd.replyTo());
    }
    Object decided = decide(state, order);
    inFlight.remove(order.invoiceNumber());
    if (decided instanceof Refusal refusal) {
      return Replies.refuse(effects.get(), cmd.replyTo(), refusal);
    }
    Plan plan = (Plan) decided;
    String number =
        CreditNoteNumbers.format(
            CreditNoteNumbers.seriesOf(state.profile().legalEntity(), cmd.issueDate()),
            cmd.sequence());
    Instant now = clock.instant();
    List<ReceivableFact> facts = new ArrayList<>();
    BigDecimal refunded = BigDecimal.ZERO.setScale(minorUnits(state));
    for (Refund r : plan.refunds()) {
      facts.add(
          new ReceivableFact.RefundSucceeded(
              PaymentIds.refund(accountId, r.paymentId(), "credit-note|" + number),
              r.paymentId(),
              r.amount(),
              REFUND_REASON,
              null,
              cmd.issueDate(),
              null));
      refunded = refunded.add(r.amount());
    }
    CreditNoteDraft d = plan.draft();
    facts.add(
        new CreditNoteIssued(
            number,
            order.invoiceNumber(),
            order.requestKey(),
            order.fingerprint(),
            order.reason().wire(),
            order.description(),
            cmd.issueDate(),
            now,
            d.lines().stream()
                .map(
                    l ->
                        new ReceivableFact.CreditedLineRecord(
                            l.line(), l.description(), l.taxCategory(), l.quantity(), l.amount()))
                .toList(),
            d.taxItems().stream()
                .map(
                    t ->
                        new InvoiceRecord.TaxItem(
                            t.taxCategories(), t.rate(), t.taxableAmount(), t.taxAmount()))
                .toList(),
            d.taxExcludedAmount(),
            d.taxAmount(),
            d.taxIncludedAmount(),
            refunded));
    return effects
        .get()
        .persist(
            dunningReview.apply(state, List.of(new ReceivablesChanged(facts, now, cmd.origin()))))
        .thenReply(
            cmd.replyTo(),
            next -> {
              AccountState.Open after = (AccountState.Open) next;
              return StatusReply.success(
                  new CreditNoteResult(
                      view(after, byRequest(after, order.requestKey()).orElseThrow()), true));
            });
  }

  ReplyEffect<AccountEvent, AccountState> onGet(
      AccountState.Open state, AccountCommand.GetCreditNotes cmd) {
    List<CreditNoteView> views = new ArrayList<>();
    for (CreditNoteIssued f : creditNotes(state)) {
      if ((cmd.invoiceNumber() == null || cmd.invoiceNumber().equals(f.invoiceNumber()))
          && (cmd.number() == null || cmd.number().equals(f.number()))) {
        views.add(view(state, f));
      }
    }
    if (cmd.number() != null && views.isEmpty()) {
      return Replies.refuse(
          effects.get(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.CREDIT_NOTE_NOT_FOUND, "number", "no credit note with this number"));
    }
    return reply(cmd.replyTo(), new CreditNoteList(views));
  }

  /** The plan of {@code order} against the account as it is, or why it cannot be issued. */
  private Object decide(AccountState.Open state, CreditNoteOrder order) {
    Optional<IssuedInvoice> invoice =
        state.invoices().stream().filter(i -> i.number().equals(order.invoiceNumber())).findFirst();
    if (invoice.isEmpty()) {
      return Refusal.of(
          RefusalCode.INVOICE_NOT_FOUND,
          "number",
          "the account keeps no invoice with this number (only its latest invoices are credited)");
    }
    if (order.currency() != null && !order.currency().equals(state.profile().currency())) {
      return Refusal.of(
          RefusalCode.CURRENCY_MISMATCH, "lines", "the invoice is in another currency");
    }
    List<CreditedLine> earlier = new ArrayList<>();
    for (CreditNoteIssued f : creditNotes(state)) {
      if (f.invoiceNumber().equals(order.invoiceNumber())) {
        earlier.addAll(toLines(f));
      }
    }
    CreditNoteCalculator.Result result =
        CreditNoteCalculator.compute(invoice.get().invoice(), earlier, order.lines());
    if (result instanceof CreditNoteCalculator.Refused refused) {
      return Refusal.of(RefusalCode.of(refused.code()), refused.field(), refused.message());
    }
    CreditNoteDraft draft = ((CreditNoteCalculator.Computed) result).draft();
    List<Refund> refunds = List.of();
    if (order.refund()) {
      Optional<List<Refund>> funded = refunds(state.payments(), order.invoiceNumber(), draft);
      if (funded.isEmpty()) {
        return Refusal.of(
            RefusalCode.REFUND_NOT_POSSIBLE,
            "refund",
            "what exceeds the invoice's remaining amount is refunded only from the bank transfers"
                + " that paid it; issue the credit note without refund and refund the card or"
                + " direct debit payment with POST /payments/{id}/refunds");
      }
      refunds = funded.get();
    }
    return new Plan(invoice.get(), draft, refunds);
  }

  /**
   * The refunds that pay back what of the credit exceeds the invoice's remaining amount: from the
   * manually recorded payments allocated to the invoice, newest allocation first, each at most what
   * it allocated to it and what may still be refunded of it; empty when they cannot pay it all.
   */
  static Optional<List<Refund>> refunds(
      PaymentBook book, String invoiceNumber, CreditNoteDraft draft) {
    BigDecimal remaining =
        book.receivables().item(invoiceNumber).map(OpenItem::remaining).orElse(BigDecimal.ZERO);
    BigDecimal left = draft.taxIncludedAmount().subtract(remaining).max(BigDecimal.ZERO);
    List<Refund> refunds = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>(book.receivables().receipts());
    java.util.Collections.reverse(receipts);
    for (Receipt receipt : receipts) {
      if (left.signum() == 0) {
        break;
      }
      PaymentInfo payment = book.payments().get(receipt.id());
      if (receipt.kind() != Receipt.Kind.PAYMENT || payment == null || payment.isGateway()) {
        continue;
      }
      BigDecimal paid = BigDecimal.ZERO;
      for (Allocation a : receipt.allocations()) {
        if (a.invoiceNumber().equals(invoiceNumber)) {
          paid = paid.add(a.amount());
        }
      }
      BigDecimal amount = left.min(paid).min(book.refundable(receipt.id()));
      if (amount.signum() > 0) {
        refunds.add(new Refund(receipt.id(), amount));
        left = left.subtract(amount);
      }
    }
    return left.signum() == 0 ? Optional.of(refunds) : Optional.empty();
  }

  /** The account's credit notes, oldest first. */
  static List<CreditNoteIssued> creditNotes(AccountState.Open state) {
    List<CreditNoteIssued> all = new ArrayList<>();
    for (ReceivableFact fact : state.receivableHistory()) {
      if (fact instanceof CreditNoteIssued f) {
        all.add(f);
      }
    }
    return all;
  }

  private static Optional<CreditNoteIssued> byRequest(AccountState.Open state, String requestKey) {
    return creditNotes(state).stream().filter(f -> f.requestKey().equals(requestKey)).findFirst();
  }

  static List<CreditedLine> toLines(CreditNoteIssued f) {
    return f.lines().stream()
        .map(
            l ->
                new CreditedLine(
                    l.line(), l.description(), l.taxCategory(), l.quantity(), l.amount()))
        .toList();
  }

  static CreditNoteView view(AccountState.Open state, CreditNoteIssued f) {
    CreditNoteDraft draft =
        new CreditNoteDraft(
            toLines(f),
            f.taxItems().stream()
                .map(
                    t -> new TaxItem(t.taxCategories(), t.rate(), t.taxableAmount(), t.taxAmount()))
                .toList(),
            f.taxExcludedAmount(),
            f.taxAmount(),
            f.taxIncludedAmount());
    BigDecimal allocated =
        state
            .payments()
            .receivables()
            .receipt(f.number())
            .map(Receipt::allocated)
            .orElse(BigDecimal.ZERO);
    return new CreditNoteView(
        f.number(),
        f.invoiceNumber(),
        state.profile(),
        CreditReason.of(f.reason()).orElse(CreditReason.OTHER),
        f.description(),
        f.issueDate(),
        f.issuedAt(),
        draft,
        f.refunded(),
        allocated);
  }

  private static int minorUnits(AccountState.Open state) {
    return state.profile().currency().getDefaultFractionDigits();
  }

  private <T> ReplyEffect<AccountEvent, AccountState> reply(
      ActorRef<StatusReply<T>> replyTo, T value) {
    return effects.get().reply(replyTo, StatusReply.success(value));
  }

  private <T> ReplyEffect<AccountEvent, AccountState> keyReused(ActorRef<StatusReply<T>> replyTo) {
    return Replies.refuse(
        effects.get(),
        replyTo,
        Refusal.of(
            RefusalCode.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key",
            "this idempotency key was used with another request"));
  }
}
