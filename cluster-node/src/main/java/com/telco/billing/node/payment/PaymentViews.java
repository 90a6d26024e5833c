package com.telco.billing.node.payment;

import com.telco.billing.core.payment.PaymentBook;
import com.telco.billing.core.payment.PaymentInfo;
import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.payment.RefundInfo;
import com.telco.billing.core.receivable.Allocation;
import com.telco.billing.core.receivable.ItemState;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.core.receivable.Receipt;
import com.telco.billing.core.receivable.Reversal;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import com.telco.billing.protocol.payment.PaymentMethodView;
import com.telco.billing.protocol.payment.PaymentView;
import com.telco.billing.protocol.payment.RefundView;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The views of an account's payment book its replies carry. */
public final class PaymentViews {
  private PaymentViews() {}

  /** The payment {@code paymentId} of the book, if it has it. */
  public static Optional<PaymentView> payment(
      PaymentBook book, String accountId, ZoneId zone, String paymentId) {
    PaymentInfo info = book.payments().get(paymentId);
    Optional<Receipt> receipt = book.receivables().receipt(paymentId);
    if (info == null || receipt.isEmpty()) {
      return Optional.empty();
    }
    Receipt r = receipt.get();
    List<PaymentView.AllocationView> allocations = new ArrayList<>();
    for (Allocation a : r.allocations()) {
      allocations.add(new PaymentView.AllocationView(a.invoiceNumber(), a.amount(), a.date()));
    }
    BigDecimal refunded = BigDecimal.ZERO;
    boolean returned = false;
    for (Reversal reversal : r.reversals()) {
      if (reversal.kind() == Reversal.Kind.REFUND) {
        refunded = refunded.add(reversal.amount());
      }
      returned |= reversal.kind() == Reversal.Kind.RETURN;
    }
    BigDecimal chargedBack = r.reversed().subtract(refunded);
    List<RefundView> refunds = new ArrayList<>();
    for (RefundInfo refund : book.refunds().values()) {
      if (refund.paymentId().equals(paymentId)) {
        refunds.add(refund(book, accountId, refund));
      }
    }
    return Optional.of(
        new PaymentView(
            paymentId,
            accountId,
            zone,
            info.method(),
            status(r, refunded, returned),
            r.amount(),
            book.receivables().currency(),
            r.date(),
            info.reference(),
            info.gatewayRef(),
            info.invoiceNumber(),
            allocations,
            r.unallocated(),
            refunded,
            chargedBack,
            refunds));
  }

  private static String status(Receipt r, BigDecimal refunded, boolean returned) {
    if (returned) {
      return "returned";
    }
    if (r.chargedBack().signum() > 0) {
      return "chargedBack";
    }
    if (refunded.signum() > 0) {
      return refunded.compareTo(r.amount()) >= 0 ? "refunded" : "partiallyRefunded";
    }
    return "succeeded";
  }

  /** Every payment of the book, newest first. */
  public static List<PaymentView> payments(PaymentBook book, String accountId, ZoneId zone) {
    List<PaymentView> views = new ArrayList<>();
    for (String id : book.payments().keySet()) {
      payment(book, accountId, zone, id).ifPresent(views::add);
    }
    views.sort(Comparator.comparing(PaymentView::date).reversed());
    return views;
  }

  public static RefundView refund(PaymentBook book, String accountId, RefundInfo refund) {
    return new RefundView(
        refund.refundId(),
        refund.paymentId(),
        accountId,
        refund.amount(),
        book.receivables().currency(),
        refund.reason(),
        refund.status().name().toLowerCase(java.util.Locale.ROOT),
        refund.date(),
        refund.gatewayRefundId(),
        refund.failureCode());
  }

  /** Where invoice {@code number} stands; unpaid when the book does not know it. */
  public static InvoiceSettlement settlement(PaymentBook book, String number, BigDecimal total) {
    return settlement(book, number, total, BigDecimal.ZERO);
  }

  /**
   * Where invoice {@code number} stands, {@code onHold} of its remaining amount held by disputes
   * (its state {@code onHold} while that is above zero); unpaid when the book does not know it.
   */
  public static InvoiceSettlement settlement(
      PaymentBook book, String number, BigDecimal total, BigDecimal onHold) {
    Optional<OpenItem> found = book.receivables().item(number);
    if (found.isEmpty()) {
      return InvoiceSettlement.unpaid(total);
    }
    OpenItem item = found.get();
    List<InvoiceSettlement.Applied> applied = new ArrayList<>();
    for (Receipt r : book.receivables().receipts()) {
      for (Allocation a : r.allocations()) {
        if (a.invoiceNumber().equals(number)) {
          applied.add(
              new InvoiceSettlement.Applied(
                  r.id(),
                  switch (r.kind()) {
                    case PAYMENT -> "payment";
                    case CREDIT -> "credit";
                    case CREDIT_NOTE -> "credit_note";
                    case WRITE_OFF -> "writeOff";
                  },
                  a.amount(),
                  a.date()));
        }
      }
    }
    return new InvoiceSettlement(
        onHold.signum() > 0 ? ItemState.ON_HOLD : item.state(),
        item.creditApplied(),
        item.amountDue(),
        item.remaining(),
        applied,
        onHold.setScale(item.remaining().scale()));
  }

  /** The payment method as clients see it: the IBAN masked. */
  public static PaymentMethodView method(PaymentMethod method, String accountId) {
    if (method instanceof PaymentMethod.GatewayToken token) {
      return new PaymentMethodView(
          accountId, PaymentMethod.TOKEN, token.token(), null, null, null, null, null);
    }
    if (method instanceof PaymentMethod.DirectDebit dd) {
      return new PaymentMethodView(
          accountId,
          PaymentMethod.DIRECT_DEBIT,
          null,
          com.telco.billing.core.payment.Iban.mask(dd.iban()),
          dd.bic(),
          dd.mandateId(),
          dd.signedOn(),
          dd.debtorName());
    }
    if (method instanceof PaymentMethod.Manual) {
      return new PaymentMethodView(
          accountId, PaymentMethod.MANUAL, null, null, null, null, null, null);
    }
    return new PaymentMethodView(accountId, "none", null, null, null, null, null, null);
  }
}
