package com.telco.billing.core.payment;

import com.telco.billing.core.receivable.Receipt;
import com.telco.billing.core.receivable.Receivables;
import com.telco.billing.core.receivable.Reversal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an account holds about money after the invoice: its receivables (invoices, payments,
 * allocations, credit), how it pays, what each payment was, refunds, the automatic collection of
 * each invoice, direct debits, and the gateway events already applied. Immutable; each change
 * returns the next book. The money rules are {@link Receivables}'.
 *
 * @param method how the account pays now; {@code null} when it has no payment method
 * @param seenEvents ids of the gateway events applied, newest last, at most {@link #SEEN_EVENTS}
 */
public record PaymentBook(
    Receivables receivables,
    PaymentMethod method,
    Map<String, PaymentInfo> payments,
    Map<String, RefundInfo> refunds,
    Map<String, Collection> collections,
    Map<String, DirectDebitRef> directDebits,
    List<String> seenEvents) {

  /** Gateway event ids remembered (deliveries are retried for days, not years). */
  public static final int SEEN_EVENTS = 500;

  public PaymentBook {
    Objects.requireNonNull(receivables, "receivables");
    payments = copy(payments);
    refunds = copy(refunds);
    collections = copy(collections);
    directDebits = copy(directDebits);
    seenEvents = List.copyOf(seenEvents);
  }

  public static PaymentBook empty(Currency currency, PaymentMethod method) {
    return new PaymentBook(
        Receivables.empty(currency), method, Map.of(), Map.of(), Map.of(), Map.of(), List.of());
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
    Map<String, V> next = new LinkedHashMap<>(map);
    next.put(key, value);
    return next;
  }

  private PaymentBook withReceivables(Receivables next) {
    return new PaymentBook(next, method, payments, refunds, collections, directDebits, seenEvents);
  }

  /**
   * The payment method changed: collections stopped or waiting for a retry may start again with it
   * (an attempt under way goes on).
   */
  public PaymentBook withMethod(PaymentMethod next) {
    Map<String, Collection> restarted = new LinkedHashMap<>();
    collections.forEach(
        (invoice, c) ->
            restarted.put(
                invoice,
                c.isUnderWay()
                    ? c
                    : new Collection(invoice, c.attempts(), 0, null, c.current(), null, false)));
    return new PaymentBook(
        receivables, next, payments, refunds, restarted, directDebits, seenEvents);
  }

  /** An invoice was issued: an open item, the account's credit applied to it. */
  public PaymentBook invoiceIssued(
      String number, LocalDate issueDate, LocalDate dueDate, BigDecimal total) {
    return withReceivables(receivables.issue(number, issueDate, dueDate, total));
  }

  /**
   * What invoice {@code number} still owed was written off ({@link Receivables#writeOff}); an id
   * already recorded changes nothing.
   */
  public PaymentBook writtenOff(String number, String writeOffId, LocalDate date) {
    return withReceivables(receivables.writeOff(number, writeOffId, date));
  }

  /** A payment was received and allocated. A payment id already recorded changes nothing. */
  public PaymentBook received(PaymentInfo info, LocalDate date, BigDecimal amount) {
    if (payments.containsKey(info.paymentId())) {
      return this;
    }
    return new PaymentBook(
        receivables.receive(info.paymentId(), date, amount),
        method,
        with(payments, info.paymentId(), info),
        refunds,
        collections,
        directDebits,
        seenEvents);
  }

  /**
   * A credit note was issued: its credit allocated to its invoice first ({@link
   * Receivables#creditNote}). A number already recorded changes nothing.
   */
  public PaymentBook creditNoteIssued(
      String number, String invoiceNumber, LocalDate date, BigDecimal amount) {
    return withReceivables(receivables.creditNote(number, invoiceNumber, date, amount));
  }

  /** What may still be refunded of a payment: what it holds less the refunds under way. */
  public BigDecimal refundable(String paymentId) {
    Optional<Receipt> receipt = receivables.receipt(paymentId);
    if (receipt.isEmpty()) {
      return BigDecimal.ZERO;
    }
    BigDecimal pending = BigDecimal.ZERO;
    for (RefundInfo refund : refunds.values()) {
      if (refund.paymentId().equals(paymentId) && refund.status() == RefundInfo.Status.PENDING) {
        pending = pending.add(refund.amount());
      }
    }
    return receipt.get().refundable().subtract(pending);
  }

  /** Why {@code amount} cannot be refunded from {@code paymentId} now, if it cannot. */
  public Optional<String> refundRefusal(String paymentId, BigDecimal amount) {
    Optional<String> base = receivables.refundRefusal(paymentId, amount);
    if (base.isPresent()) {
      return base;
    }
    if (amount.compareTo(refundable(paymentId)) > 0) {
      return Optional.of(com.telco.billing.core.receivable.RefusalCodes.REFUND_EXCEEDS_PAYMENT);
    }
    return Optional.empty();
  }

  /** A gateway refund was asked for: its amount is held back from further refunds. */
  public PaymentBook refundRequested(RefundInfo refund) {
    if (refunds.containsKey(refund.refundId())) {
      return this;
    }
    return new PaymentBook(
        receivables,
        method,
        payments,
        with(refunds, refund.refundId(), refund),
        collections,
        directDebits,
        seenEvents);
  }

  /**
   * A refund succeeded (a manual one at once, a gateway one when the gateway said so): the money is
   * taken back from the payment, reopening what it paid.
   */
  public PaymentBook refundSucceeded(RefundInfo refund, String gatewayRefundId) {
    RefundInfo known = refunds.get(refund.refundId());
    if (known != null && known.status() == RefundInfo.Status.SUCCEEDED) {
      return this;
    }
    RefundInfo base = known != null ? known : refund;
    return new PaymentBook(
        receivables.refund(base.paymentId(), base.refundId(), base.amount(), base.date()),
        method,
        payments,
        with(refunds, base.refundId(), base.settled(gatewayRefundId)),
        collections,
        directDebits,
        seenEvents);
  }

  /** A gateway refund failed: its amount may be refunded again. */
  public PaymentBook refundFailed(String refundId, String code) {
    RefundInfo known = refunds.get(refundId);
    if (known == null || known.status() != RefundInfo.Status.PENDING) {
      return this;
    }
    return new PaymentBook(
        receivables,
        method,
        payments,
        with(refunds, refundId, known.failed(code)),
        collections,
        directDebits,
        seenEvents);
  }

  /** A chargeback, a chargeback won or a bank return of a payment. */
  public PaymentBook reversed(
      String paymentId, String reversalId, Reversal.Kind kind, LocalDate date) {
    Receivables next =
        kind == Reversal.Kind.CHARGEBACK_WON
            ? receivables.chargebackWon(paymentId, reversalId, date)
            : receivables.reverseInFull(paymentId, reversalId, kind, date);
    return withReceivables(next);
  }

  /** The collection of {@code invoiceNumber} (none started: zero attempts). */
  public Collection collection(String invoiceNumber) {
    Collection c = collections.get(invoiceNumber);
    return c != null ? c : Collection.none(invoiceNumber);
  }

  /** An attempt to collect {@code invoiceNumber} through the gateway started. */
  public PaymentBook attemptStarted(String invoiceNumber, Collection.Attempt attempt) {
    Collection c = collection(invoiceNumber);
    Collection next =
        new Collection(
            invoiceNumber,
            attempt.number(),
            c.failures(),
            c.firstFailure(),
            attempt,
            null,
            c.stopped());
    return withCollection(next);
  }

  /**
   * The gateway answered an attempt: succeeded, processing (a webhook follows) or declined ({@code
   * nextAttemptOn} the retry planned, or {@code null} with {@code stopped}). The first final answer
   * wins: a late {@code processing} after {@code succeeded} changes nothing.
   */
  public PaymentBook attemptAnswered(
      String invoiceNumber,
      String paymentId,
      Collection.Attempt.Status status,
      String intentId,
      String code,
      LocalDate date,
      LocalDate nextAttemptOn,
      boolean stopped) {
    Collection c = collection(invoiceNumber);
    Collection.Attempt a = c.current();
    if (a == null || !a.paymentId().equals(paymentId)) {
      return this;
    }
    boolean isFinal =
        a.status() == Collection.Attempt.Status.SUCCEEDED
            || a.status() == Collection.Attempt.Status.DECLINED;
    if (isFinal
        || (a.status() == Collection.Attempt.Status.PROCESSING
            && status == Collection.Attempt.Status.PROCESSING)) {
      return this;
    }
    Collection.Attempt answered =
        new Collection.Attempt(
            a.number(),
            a.paymentId(),
            a.idempotencyKey(),
            a.amount(),
            a.token(),
            a.startedOn(),
            status,
            intentId != null ? intentId : a.intentId(),
            code);
    boolean declined = status == Collection.Attempt.Status.DECLINED;
    LocalDate firstFailure = c.firstFailure() == null && declined ? date : c.firstFailure();
    return withCollection(
        new Collection(
            invoiceNumber,
            c.attempts(),
            declined ? c.failures() + 1 : c.failures(),
            firstFailure,
            answered,
            declined ? nextAttemptOn : null,
            c.stopped() || (declined && stopped)));
  }

  private PaymentBook withCollection(Collection c) {
    return new PaymentBook(
        receivables,
        method,
        payments,
        refunds,
        with(collections, c.invoiceNumber(), c),
        directDebits,
        seenEvents);
  }

  /** A direct debit of an invoice was scheduled (its payment is recorded with it). */
  public PaymentBook directDebitScheduled(DirectDebitRef ref) {
    if (directDebits.containsKey(ref.invoiceNumber())) {
      return this;
    }
    return new PaymentBook(
        receivables,
        method,
        payments,
        refunds,
        collections,
        with(directDebits, ref.invoiceNumber(), ref),
        seenEvents);
  }

  /** Whether a direct debit under {@code mandateId} was scheduled before (then RCUR, else FRST). */
  public boolean mandateUsed(String mandateId) {
    for (DirectDebitRef ref : directDebits.values()) {
      if (ref.mandateId().equals(mandateId)) {
        return true;
      }
    }
    return false;
  }

  /** The direct debit whose end-to-end id is {@code endToEndId}, if any. */
  public Optional<DirectDebitRef> directDebitByEndToEndId(String endToEndId) {
    for (DirectDebitRef ref : directDebits.values()) {
      if (ref.endToEndId().equals(endToEndId)) {
        return Optional.of(ref);
      }
    }
    return Optional.empty();
  }

  /** The collection attempt whose payment id is {@code paymentId}, if any. */
  public Optional<Collection> collectionOfPayment(String paymentId) {
    for (Collection c : collections.values()) {
      if (c.current() != null && c.current().paymentId().equals(paymentId)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public boolean seen(String eventId) {
    return eventId != null && seenEvents.contains(eventId);
  }

  /** Remembers a gateway event as applied (the oldest forgotten beyond {@link #SEEN_EVENTS}). */
  public PaymentBook withSeen(String eventId) {
    if (eventId == null || seen(eventId)) {
      return this;
    }
    List<String> next = new ArrayList<>(seenEvents);
    next.add(eventId);
    if (next.size() > SEEN_EVENTS) {
      next = next.subList(next.size() - SEEN_EVENTS, next.size());
    }
    return new PaymentBook(receivables, method, payments, refunds, collections, directDebits, next);
  }
}
