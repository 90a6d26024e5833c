package com.telco.billing.node.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.payment.Collection;
import com.telco.billing.core.payment.DirectDebitRef;
import com.telco.billing.core.payment.PaymentBook;
import com.telco.billing.core.payment.PaymentInfo;
import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.payment.RefundInfo;
import com.telco.billing.core.receivable.Reversal;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the journal's {@link ReceivableFact}s to {@code billing-core}'s {@link PaymentBook}: {@link
 * #apply} is the one place a fact changes the book, on recovery and on a new event alike.
 */
public final class PaymentJournal {
  private PaymentJournal() {}

  /** The book of a new account: its currency, and its token if the profile named one. */
  public static PaymentBook initialBook(AccountProfile profile) {
    PaymentMethod method =
        profile.paymentMethodRef() == null
            ? null
            : new PaymentMethod.GatewayToken(profile.paymentMethodRef());
    return PaymentBook.empty(profile.currency(), method);
  }

  /** The book of a new account after {@code facts}. */
  public static PaymentBook bookOf(AccountProfile profile, List<ReceivableFact> facts) {
    PaymentBook book = initialBook(profile);
    for (ReceivableFact fact : facts) {
      book = apply(book, fact);
    }
    return book;
  }

  /** The facts that make issued invoices open items. */
  public static List<ReceivableFact> invoicesOpened(List<IssuedInvoice> invoices) {
    List<ReceivableFact> facts = new ArrayList<>(invoices.size());
    for (IssuedInvoice invoice : invoices) {
      facts.add(invoiceOpened(invoice));
    }
    return facts;
  }

  /** The fact that makes an issued invoice an open item. */
  public static ReceivableFact.InvoiceOpened invoiceOpened(IssuedInvoice issued) {
    return new ReceivableFact.InvoiceOpened(
        issued.number(),
        issued.invoice().issueDate(),
        issued.invoice().dueDate(),
        issued.invoice().taxIncludedAmount());
  }

  public static ReceivableFact.MethodSet toFact(PaymentMethod method) {
    if (method instanceof PaymentMethod.GatewayToken token) {
      return new ReceivableFact.MethodSet(
          PaymentMethod.TOKEN, token.token(), null, null, null, null, null);
    }
    if (method instanceof PaymentMethod.DirectDebit dd) {
      return new ReceivableFact.MethodSet(
          PaymentMethod.DIRECT_DEBIT,
          null,
          dd.iban(),
          dd.bic(),
          dd.mandateId(),
          dd.signedOn(),
          dd.debtorName());
    }
    return new ReceivableFact.MethodSet(PaymentMethod.MANUAL, null, null, null, null, null, null);
  }

  public static PaymentMethod toMethod(ReceivableFact.MethodSet fact) {
    return switch (fact.kind()) {
      case PaymentMethod.TOKEN -> new PaymentMethod.GatewayToken(fact.token());
      case PaymentMethod.DIRECT_DEBIT ->
          new PaymentMethod.DirectDebit(
              fact.iban(), fact.bic(), fact.mandateId(), fact.mandateSignedOn(), fact.debtorName());
      default -> new PaymentMethod.Manual();
    };
  }

  /** The book after {@code fact}. */
  public static PaymentBook apply(PaymentBook book, ReceivableFact fact) {
    if (fact instanceof ReceivableFact.InvoiceOpened f) {
      return book.invoiceIssued(f.number(), f.issueDate(), f.dueDate(), f.total());
    }
    if (fact instanceof ReceivableFact.MethodSet f) {
      return book.withMethod(toMethod(f));
    }
    if (fact instanceof ReceivableFact.PaymentReceived f) {
      return book.received(
          new PaymentInfo(
              f.paymentId(),
              f.method(),
              f.reference(),
              f.fingerprint(),
              f.gatewayRef(),
              f.invoiceNumber()),
          f.date(),
          f.amount());
    }
    if (fact instanceof ReceivableFact.RefundRequested f) {
      return book.refundRequested(
          new RefundInfo(
              f.refundId(),
              f.paymentId(),
              f.amount(),
              f.reason(),
              f.fingerprint(),
              f.date(),
              RefundInfo.Status.PENDING,
              f.idempotencyKey(),
              null,
              null));
    }
    if (fact instanceof ReceivableFact.RefundSucceeded f) {
      return book.refundSucceeded(
          new RefundInfo(
              f.refundId(),
              f.paymentId(),
              f.amount(),
              f.reason(),
              f.fingerprint(),
              f.date(),
              RefundInfo.Status.PENDING,
              null,
              null,
              null),
          f.gatewayRefundId());
    }
    if (fact instanceof ReceivableFact.RefundFailed f) {
      return book.refundFailed(f.refundId(), f.code());
    }
    if (fact instanceof ReceivableFact.PaymentReversed f) {
      return book.reversed(
          f.paymentId(), f.reversalId(), Reversal.Kind.valueOf(f.kind()), f.date());
    }
    if (fact instanceof ReceivableFact.AttemptStarted f) {
      return book.attemptStarted(
          f.invoiceNumber(),
          new Collection.Attempt(
              f.number(),
              f.paymentId(),
              f.idempotencyKey(),
              f.amount(),
              f.token(),
              f.startedOn(),
              Collection.Attempt.Status.IN_FLIGHT,
              null,
              null));
    }
    if (fact instanceof ReceivableFact.AttemptAnswered f) {
      return book.attemptAnswered(
          f.invoiceNumber(),
          f.paymentId(),
          Collection.Attempt.Status.valueOf(f.status()),
          f.intentId(),
          f.code(),
          f.date(),
          f.nextAttemptOn(),
          f.stopped());
    }
    if (fact instanceof ReceivableFact.DirectDebitScheduled f) {
      return book.directDebitScheduled(
          new DirectDebitRef(
              f.invoiceNumber(),
              f.paymentId(),
              f.endToEndId(),
              f.collectionDate(),
              f.amount(),
              f.mandateId(),
              f.sequenceType(),
              f.iban(),
              f.bic(),
              f.mandateSignedOn(),
              f.debtorName()));
    }
    if (fact instanceof ReceivableFact.GatewayEventSeen f) {
      return book.withSeen(f.eventId());
    }
    if (fact instanceof ReceivableFact.CreditNoteIssued f) {
      return book.creditNoteIssued(
          f.number(), f.invoiceNumber(), f.issueDate(), f.taxIncludedAmount());
    }
    if (fact instanceof ReceivableFact.InvoiceWrittenOff f) {
      return book.writtenOff(f.invoiceNumber(), f.writeOffId(), f.date());
    }
    if (AdjustmentJournal.isAdjustment(fact)) {
      // charges and disputes change no money: AdjustmentJournal reads them from the history
      return book;
    }
    throw new IllegalArgumentException("unknown receivable fact " + fact.getClass());
  }
}
