package com.telco.billing.node;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.receivable.Balance;
import com.telco.billing.core.receivable.Receivables;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import com.telco.billing.protocol.payment.BalanceView;
import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import com.telco.billing.protocol.payment.GatewayAnswer;
import com.telco.billing.protocol.payment.GatewayNotice;
import com.telco.billing.protocol.payment.PaymentList;
import com.telco.billing.protocol.payment.PaymentMethodView;
import com.telco.billing.protocol.payment.PaymentResult;
import com.telco.billing.protocol.payment.PaymentView;
import com.telco.billing.protocol.payment.RefundResult;
import com.telco.billing.protocol.payment.RefundView;
import com.telco.billing.protocol.payment.StatementView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Samples of the payment messages, events and facts (round trip test, golden journal). */
public final class PaymentSamples {
  private PaymentSamples() {}

  static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");
  static final Currency EUR = Currency.getInstance("EUR");
  static final String PAYMENT = "PAY-0123456789abcdef-acc-1";

  /** One fact of every kind, in an order an account could record them. */
  public static List<ReceivableFact> facts() {
    return List.of(
        new ReceivableFact.InvoiceOpened(
            "INV-ENT-1-2026-000001", DAY, DAY.plusDays(14), new BigDecimal("12.10")),
        new ReceivableFact.MethodSet("token", "tok_visa", null, null, null, null, null),
        new ReceivableFact.MethodSet(
            "direct_debit",
            null,
            "DE89370400440532013000",
            "COBADEFFXXX",
            "MANDATE-1",
            DAY.minusDays(30),
            "Jane Doe"),
        new ReceivableFact.AttemptStarted(
            "INV-ENT-1-2026-000001", 1, PAYMENT, PAYMENT, new BigDecimal("12.10"), "tok_visa", DAY),
        new ReceivableFact.AttemptAnswered(
            "INV-ENT-1-2026-000001",
            PAYMENT,
            "DECLINED",
            "pi_1",
            "insufficient_funds",
            DAY,
            DAY.plusDays(3),
            false),
        new ReceivableFact.AttemptAnswered(
            "INV-ENT-1-2026-000001", PAYMENT, "SUCCEEDED", "pi_1", null, DAY, null, false),
        new ReceivableFact.PaymentReceived(
            PAYMENT,
            "card",
            null,
            null,
            "pi_1",
            "INV-ENT-1-2026-000001",
            DAY,
            new BigDecimal("12.10")),
        new ReceivableFact.PaymentReceived(
            "PAY-fedcba9876543210-acc-1",
            "bank_transfer",
            "REF 42",
            "f1ng3rpr1nt",
            null,
            null,
            DAY,
            new BigDecimal("5.00")),
        new ReceivableFact.RefundRequested(
            "RF-0123456789abcdef-acc-1",
            PAYMENT,
            new BigDecimal("2.00"),
            "goodwill",
            "fp",
            DAY,
            "RF-0123456789abcdef-acc-1"),
        new ReceivableFact.RefundSucceeded(
            "RF-0123456789abcdef-acc-1",
            PAYMENT,
            new BigDecimal("2.00"),
            "goodwill",
            "fp",
            DAY,
            "re_1"),
        new ReceivableFact.RefundFailed("RF-1111111111111111-acc-1", "charge_already_refunded"),
        new ReceivableFact.PaymentReversed(PAYMENT, "dp_1", "CHARGEBACK", DAY, "fraudulent"),
        new ReceivableFact.PaymentReversed(PAYMENT, "dp_1:won", "CHARGEBACK_WON", DAY, null),
        new ReceivableFact.DirectDebitScheduled(
            "INV-ENT-1-2026-000002",
            "PAY-2222222222222222-acc-1",
            "DD2222222222222222",
            DAY,
            new BigDecimal("7.00"),
            "MANDATE-1",
            "FRST",
            "DE89370400440532013000",
            null,
            DAY.minusDays(30),
            "Jane Doe"),
        new ReceivableFact.GatewayEventSeen("evt_1"));
  }

  public static AccountEvent.ReceivablesChanged receivablesChanged(Origin origin) {
    return new AccountEvent.ReceivablesChanged(facts(), AT, origin);
  }

  public static AccountEvent.CollectionScheduled collectionScheduled() {
    return new AccountEvent.CollectionScheduled("INV-ENT-1-2026-000001", DAY, AT, null);
  }

  static PaymentView paymentView() {
    return new PaymentView(
        PAYMENT,
        "acc-1",
        java.time.ZoneId.of("Europe/Berlin"),
        "card",
        "partiallyRefunded",
        new BigDecimal("12.10"),
        EUR,
        DAY,
        null,
        "pi_1",
        "INV-1",
        List.of(new PaymentView.AllocationView("INV-1", new BigDecimal("10.10"), DAY)),
        BigDecimal.ZERO,
        new BigDecimal("2.00"),
        BigDecimal.ZERO,
        List.of(refundView()));
  }

  static RefundView refundView() {
    return new RefundView(
        "RF-0123456789abcdef-acc-1",
        PAYMENT,
        "acc-1",
        new BigDecimal("2.00"),
        EUR,
        "goodwill",
        "succeeded",
        DAY,
        "re_1",
        null);
  }

  /** A sample of every payment command and reply. */
  static Map<Class<?>, Object> all(ActorRef<Object> ref, AccountProfile profile) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    ActorRef r = ref;
    Map<Class<?>, Object> samples = new HashMap<>();
    Origin origin = new Origin("finance-1", "req-1");
    samples.put(AccountCommand.CollectDue.class, new AccountCommand.CollectDue("INV-1", DAY, r));
    samples.put(
        AccountCommand.SetPaymentMethod.class,
        new AccountCommand.SetPaymentMethod(new PaymentMethod.GatewayToken("tok_visa"), origin, r));
    samples.put(AccountCommand.GetPaymentMethod.class, new AccountCommand.GetPaymentMethod(r));
    samples.put(
        AccountCommand.RecordPayment.class,
        new AccountCommand.RecordPayment(
            PAYMENT, "fp", new BigDecimal("10.00"), EUR, "bank_transfer", "REF", DAY, origin, r));
    samples.put(
        AccountCommand.RefundPayment.class,
        new AccountCommand.RefundPayment(
            PAYMENT, "RF-1-acc-1", "fp", new BigDecimal("1.00"), EUR, "goodwill", origin, r));
    samples.put(AccountCommand.GetPayment.class, new AccountCommand.GetPayment(PAYMENT, r));
    samples.put(AccountCommand.GetPayments.class, new AccountCommand.GetPayments(r));
    samples.put(AccountCommand.GetBalance.class, new AccountCommand.GetBalance(r));
    samples.put(
        AccountCommand.GetStatement.class,
        new AccountCommand.GetStatement(DAY, DAY.plusDays(30), r));
    samples.put(AccountCommand.GetSettlement.class, new AccountCommand.GetSettlement("INV-1", r));
    samples.put(
        AccountCommand.ApplyGatewayNotice.class,
        new AccountCommand.ApplyGatewayNotice(
            new GatewayNotice(
                "evt_1",
                GatewayNotice.Kind.DISPUTE_CREATED,
                PAYMENT,
                "INV-1",
                "pi_1",
                1210,
                "fraudulent",
                false,
                "dp_1",
                null),
            r));
    samples.put(
        AccountCommand.ReturnDirectDebit.class,
        new AccountCommand.ReturnDirectDebit("DD2222222222222222", "AC04", origin, r));
    samples.put(
        AccountCommand.ChargeAnswered.class,
        new AccountCommand.ChargeAnswered(
            "INV-1",
            PAYMENT,
            new GatewayAnswer(GatewayAnswer.Status.DECLINED, "pi_1", "stolen_card", true)));
    samples.put(
        AccountCommand.RefundAnswered.class,
        new AccountCommand.RefundAnswered(
            "RF-1-acc-1", new GatewayAnswer(GatewayAnswer.Status.SUCCEEDED, "re_1", null, false)));
    samples.put(AccountEvent.CollectionScheduled.class, collectionScheduled());
    samples.put(AccountEvent.ReceivablesChanged.class, receivablesChanged(origin));
    samples.put(
        CollectionStatus.NothingToCollect.class, new CollectionStatus.NothingToCollect("settled"));
    samples.put(CollectionStatus.Collected.class, new CollectionStatus.Collected(PAYMENT));
    samples.put(CollectionStatus.Pending.class, new CollectionStatus.Pending(PAYMENT, DAY));
    samples.put(
        CollectionStatus.Failed.class, new CollectionStatus.Failed("insufficient_funds", DAY));
    samples.put(
        CollectionStatus.DirectDebitScheduled.class,
        new CollectionStatus.DirectDebitScheduled(
            new DirectDebitInstruction(
                "DD2222222222222222",
                "acc-1",
                "INV-1",
                PAYMENT,
                "ENT-1",
                DAY,
                new BigDecimal("7.00"),
                EUR,
                "MANDATE-1",
                DAY.minusDays(30),
                "FRST",
                "Jane Doe",
                "DE89370400440532013000",
                null)));
    samples.put(PaymentView.class, paymentView());
    samples.put(RefundView.class, refundView());
    samples.put(PaymentResult.class, new PaymentResult(paymentView(), true));
    samples.put(RefundResult.class, new RefundResult(refundView(), false));
    samples.put(PaymentList.class, new PaymentList("acc-1", List.of(paymentView())));
    samples.put(
        PaymentMethodView.class,
        new PaymentMethodView(
            "acc-1",
            "direct_debit",
            null,
            "DE******************3000",
            null,
            "MANDATE-1",
            DAY,
            "Jane Doe"));
    Receivables receivables =
        Receivables.empty(EUR)
            .issue("INV-1", DAY, DAY.plusDays(14), new BigDecimal("12.10"))
            .receive(PAYMENT, DAY, new BigDecimal("5.00"));
    samples.put(BalanceView.class, new BalanceView("acc-1", EUR, Balance.of(receivables, DAY)));
    samples.put(
        StatementView.class,
        new StatementView(profile, Statement.of(receivables, DAY, DAY.plusDays(30))));
    samples.put(
        AccountInvoices.Settled.class,
        new AccountInvoices.Settled(profile, InvoiceSettlement.unpaid(new BigDecimal("12.10"))));
    return samples;
  }
}
