package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.collection.RetrySchedule;
import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.receivable.ItemState;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.payment.PaymentSettings;
import com.telco.billing.node.payment.gateway.ChargeOutcome;
import com.telco.billing.node.payment.gateway.ChargeRequest;
import com.telco.billing.node.payment.gateway.IntentView;
import com.telco.billing.node.payment.gateway.PaymentGateway;
import com.telco.billing.node.payment.gateway.RefundOutcome;
import com.telco.billing.node.payment.gateway.RefundRequest;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.payment.BalanceView;
import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.GatewayNotice;
import com.telco.billing.protocol.payment.PaymentMethodView;
import com.telco.billing.protocol.payment.PaymentResult;
import com.telco.billing.protocol.payment.PaymentView;
import com.telco.billing.protocol.payment.RefundResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account entity as accounts receivable: manual payments and their idempotency, credit applied
 * to the next invoice, refunds, automatic collection through a gateway (success, declines with
 * retries, an unknown outcome resumed with the same key), gateway events and chargebacks, direct
 * debits and bank returns. The gateway here is a scripted one; the sandbox-backed tests are ITs.
 */
class AccountPaymentsTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final Catalog CATALOG =
      Catalog.EMPTY.withVersion(SampleCatalog.validated(SampleCatalog.document()));
  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 5);
  private static final Currency EUR = Currency.getInstance("EUR");

  /** A clock tests move forward. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-12-10T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A gateway that answers per token as scripted and records every call. */
  static final class ScriptedGateway implements PaymentGateway {
    final List<ChargeRequest> charges = Collections.synchronizedList(new ArrayList<>());
    final List<RefundRequest> refunds = Collections.synchronizedList(new ArrayList<>());
    final Map<String, List<ChargeOutcome>> script = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<ChargeOutcome> charge(ChargeRequest request) {
      charges.add(request);
      List<ChargeOutcome> outcomes = script.get(request.paymentMethodToken());
      ChargeOutcome outcome =
          outcomes == null || outcomes.isEmpty()
              ? new ChargeOutcome.Succeeded("pi_" + request.idempotencyKey(), request.amountMinor())
              : outcomes.size() == 1 ? outcomes.get(0) : outcomes.remove(0);
      return CompletableFuture.completedFuture(outcome);
    }

    @Override
    public CompletionStage<IntentView> retrieve(String intentId) {
      return CompletableFuture.completedFuture(
          new IntentView(intentId, "succeeded", 0, EUR, Map.of()));
    }

    @Override
    public CompletionStage<RefundOutcome> refund(RefundRequest request) {
      refunds.add(request);
      return CompletableFuture.completedFuture(new RefundOutcome.Succeeded("re_1"));
    }
  }

  private final MovableClock clock = new MovableClock();
  private final ScriptedGateway gateway = new ScriptedGateway();
  private final EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(),
          AccountEntity.create(
              "acc-1",
              clock,
              new RatingCatalog(() -> CATALOG),
              Duration.ofDays(45),
              com.telco.billing.node.invoice.InvoicingSettings.DEFAULTS,
              gateway,
              new PaymentSettings(false, RetrySchedule.DEFAULT, java.util.Set.of("DEFAULT")),
              com.telco.billing.node.dunning.DunningPolicySource.NONE),
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  static AccountProfile profile(String token) {
    return new OpenAccountRequest(
            "acc-1", "Jane Doe", "EUR", 5, "Europe/Berlin", "DE", false, 14, token, null)
        .validate()
        .value();
  }

  private void open(String token) {
    kit.<StatusReply<com.telco.billing.protocol.account.OpenAccountResult>>runCommand(
        replyTo -> new AccountCommand.OpenAccount(profile(token), null, replyTo));
    var activation =
        new ActivateSubscription(
            "sub-1",
            "MOBILE_S",
            List.of(ServiceId.msisdn("+4915100000001")),
            LocalDate.of(2026, 11, 20));
    kit.<StatusReply<com.telco.billing.protocol.account.SubscriptionResult>>runCommand(
        replyTo -> new AccountCommand.ActivateSubscription(activation, null, replyTo));
  }

  private IssuedInvoice issue(LocalDate cycle, long sequence) {
    var closed =
        kit.<StatusReply<CloseBillPeriodResult>>runCommand(
                replyTo -> new AccountCommand.CloseBillPeriod(cycle, replyTo))
            .reply();
    assertInstanceOf(CloseBillPeriodResult.NumberNeeded.class, closed.getValue());
    return kit.<StatusReply<IssuedInvoice>>runCommand(
            replyTo -> new AccountCommand.IssueInvoice(cycle, sequence, replyTo))
        .reply()
        .getValue();
  }

  private StatusReply<PaymentResult> pay(String key, String amount, String currency) {
    return kit.<StatusReply<PaymentResult>>runCommand(
            replyTo ->
                new AccountCommand.RecordPayment(
                    PaymentIds.manualPayment("acc-1", key),
                    amount + "|" + currency,
                    new BigDecimal(amount),
                    Currency.getInstance(currency),
                    "bank_transfer",
                    "ref " + key,
                    LocalDate.of(2026, 12, 10),
                    null,
                    replyTo))
        .reply();
  }

  private AccountInvoices.Settled settlement(String number) {
    return kit.<StatusReply<AccountInvoices.Settled>>runCommand(
            replyTo -> new AccountCommand.GetSettlement(number, replyTo))
        .reply()
        .getValue();
  }

  private BalanceView balance() {
    return kit.<StatusReply<BalanceView>>runCommand(AccountCommand.GetBalance::new)
        .reply()
        .getValue();
  }

  private CollectionStatus collect(String number) {
    return kit.<StatusReply<CollectionStatus>>runCommand(
            replyTo -> new AccountCommand.CollectDue(number, LocalDate.now(clock), replyTo))
        .reply()
        .getValue();
  }

  private static String code(StatusReply<?> reply) {
    assertTrue(reply.isError(), String.valueOf(reply));
    return ((RefusedException) reply.getError()).refusal().wireCode();
  }

  /** Waits until the gateway's answer (delivered to the entity as a command) is applied. */
  private void awaitSettled(String number) {
    testKit
        .createTestProbe()
        .awaitAssert(
            Duration.ofSeconds(5),
            () -> {
              assertEquals(ItemState.SETTLED, settlement(number).settlement().state());
              return null;
            });
  }

  @Test
  void aManualPaymentSettlesTheInvoiceAndItsKeyReplaysIt() {
    open(null);
    IssuedInvoice invoice = issue(CYCLE, 1);
    BigDecimal total = invoice.invoice().taxIncludedAmount();
    assertEquals(ItemState.SENT, settlement(invoice.number()).settlement().state());

    PaymentResult first = pay("k1", "10.00", "EUR").getValue();
    assertTrue(first.created());
    assertEquals(ItemState.PARTIALLY_PAID, settlement(invoice.number()).settlement().state());
    assertEquals(
        0,
        total
            .subtract(new BigDecimal("10.00"))
            .compareTo(settlement(invoice.number()).settlement().remaining()));

    var replay =
        kit.<StatusReply<PaymentResult>>runCommand(
            replyTo ->
                new AccountCommand.RecordPayment(
                    PaymentIds.manualPayment("acc-1", "k1"),
                    "10.00|EUR",
                    new BigDecimal("10.00"),
                    EUR,
                    "bank_transfer",
                    "ref k1",
                    LocalDate.of(2026, 12, 10),
                    null,
                    replyTo));
    assertTrue(replay.events().isEmpty());
    assertFalse(replay.reply().getValue().created());
    assertEquals(first.payment().paymentId(), replay.reply().getValue().payment().paymentId());

    assertEquals("idempotency_key_reused", code(pay("k1", "11.00", "EUR")));
    assertEquals("currency_mismatch", code(pay("k2", "10.00", "USD")));
    assertEquals("amount_precision", code(pay("k3", "10.001", "EUR")));
  }

  @Test
  void anOverpaymentIsCreditAppliedToTheNextInvoice() {
    open(null);
    IssuedInvoice first = issue(CYCLE, 1);
    BigDecimal total = first.invoice().taxIncludedAmount();
    pay("k1", total.add(new BigDecimal("5.00")).toPlainString(), "EUR");
    assertEquals(ItemState.SETTLED, settlement(first.number()).settlement().state());
    assertEquals(0, new BigDecimal("-5.00").compareTo(balance().balance().balance()));

    clock.now = Instant.parse("2027-01-10T10:00:00Z");
    IssuedInvoice second = issue(CYCLE.plusMonths(1), 2);
    var settled = settlement(second.number()).settlement();
    assertEquals(0, new BigDecimal("5.00").compareTo(settled.creditApplied()));
    assertEquals(
        0,
        second
            .invoice()
            .taxIncludedAmount()
            .subtract(new BigDecimal("5.00"))
            .compareTo(settled.amountDue()));
    assertEquals(ItemState.PARTIALLY_PAID, settled.state());
    assertEquals(0, BigDecimal.ZERO.compareTo(balance().balance().unallocatedCredit()));
  }

  @Test
  void aRefundReopensAndCannotExceedWhatWasPaid() {
    open(null);
    IssuedInvoice invoice = issue(CYCLE, 1);
    String total = invoice.invoice().taxIncludedAmount().toPlainString();
    PaymentView payment = pay("k1", total, "EUR").getValue().payment();
    var tooMuch =
        kit.<StatusReply<RefundResult>>runCommand(
                replyTo ->
                    new AccountCommand.RefundPayment(
                        payment.paymentId(),
                        "RF-1",
                        "x",
                        invoice.invoice().taxIncludedAmount().add(new BigDecimal("0.01")),
                        EUR,
                        "goodwill",
                        null,
                        replyTo))
            .reply();
    assertEquals("refund_exceeds_payment", code(tooMuch));
    var refund =
        kit.<StatusReply<RefundResult>>runCommand(
                replyTo ->
                    new AccountCommand.RefundPayment(
                        payment.paymentId(),
                        "RF-2",
                        "y",
                        new BigDecimal("3.00"),
                        EUR,
                        "goodwill",
                        null,
                        replyTo))
            .reply()
            .getValue();
    assertEquals("succeeded", refund.refund().status());
    assertEquals(ItemState.PARTIALLY_PAID, settlement(invoice.number()).settlement().state());
    assertTrue(gateway.refunds.isEmpty(), "a bank transfer is refunded outside the gateway");
  }

  @Test
  void aCardAccountIsCollectedOnceOnItsCollectionDate() {
    open("tok_visa");
    IssuedInvoice invoice = issue(CYCLE, 1);
    assertInstanceOf(CollectionStatus.Pending.class, collect(invoice.number()));
    awaitSettled(invoice.number());
    assertEquals(1, gateway.charges.size());
    assertEquals(
        invoice.invoice().taxIncludedAmount().movePointRight(2).longValueExact(),
        gateway.charges.get(0).amountMinor());
    assertEquals(new CollectionStatus.NothingToCollect("settled"), collect(invoice.number()));
    assertEquals(1, gateway.charges.size());

    // a card refund goes through the gateway, with its own idempotency key
    PaymentView paid =
        kit.<StatusReply<com.telco.billing.protocol.payment.PaymentList>>runCommand(
                AccountCommand.GetPayments::new)
            .reply()
            .getValue()
            .payments()
            .get(0);
    assertEquals("card", paid.method());
    var probe = testKit.<StatusReply<RefundResult>>createTestProbe();
    // the answer comes once the gateway answered, not with the command
    kit.runCommand(
        new AccountCommand.RefundPayment(
            paid.paymentId(),
            "RF-9",
            "z",
            new BigDecimal("1.00"),
            EUR,
            "goodwill",
            null,
            probe.ref()));
    RefundResult refunded = probe.receiveMessage(Duration.ofSeconds(5)).getValue();
    assertEquals("succeeded", refunded.refund().status());
    assertEquals(1, gateway.refunds.size());
    assertEquals("RF-9", gateway.refunds.get(0).idempotencyKey());
  }

  @Test
  void anUnknownOutcomeIsResumedWithTheSameKeyAndASoftDeclineIsRetriedOnSchedule() {
    open("tok_flaky");
    gateway.script.put(
        "tok_flaky",
        new ArrayList<>(
            List.of(
                new ChargeOutcome.Unknown("timeout"),
                new ChargeOutcome.Declined("pi_1", "card_declined", "insufficient_funds", false),
                new ChargeOutcome.Succeeded("pi_2", 0))));
    IssuedInvoice invoice = issue(CYCLE, 1);
    collect(invoice.number()); // the first try: no answer
    testKit
        .createTestProbe()
        .awaitAssert(
            () -> {
              assertEquals(1, gateway.charges.size());
              return null;
            });
    collect(invoice.number()); // resumed: declined
    testKit
        .createTestProbe()
        .awaitAssert(
            () -> {
              assertInstanceOf(CollectionStatus.Failed.class, collect(invoice.number()));
              return null;
            });
    assertEquals(2, gateway.charges.size());
    assertEquals(gateway.charges.get(0).idempotencyKey(), gateway.charges.get(1).idempotencyKey());
    var failed = (CollectionStatus.Failed) collect(invoice.number());
    assertEquals(LocalDate.of(2026, 12, 13), failed.nextAttemptOn());

    clock.now = Instant.parse("2026-12-13T10:00:00Z");
    collect(invoice.number());
    awaitSettled(invoice.number());
    assertEquals(3, gateway.charges.size());
    assertFalse(
        gateway.charges.get(2).idempotencyKey().equals(gateway.charges.get(0).idempotencyKey()),
        "a new attempt has its own key");
  }

  @Test
  void aHardDeclineIsNeverRetried() {
    open("tok_stolen");
    gateway.script.put(
        "tok_stolen",
        List.of(new ChargeOutcome.Declined("pi_1", "card_declined", "stolen_card", true)));
    IssuedInvoice invoice = issue(CYCLE, 1);
    collect(invoice.number());
    testKit
        .createTestProbe()
        .awaitAssert(
            () -> {
              var status =
                  assertInstanceOf(CollectionStatus.Failed.class, collect(invoice.number()));
              assertEquals(null, status.nextAttemptOn());
              return null;
            });
    clock.now = Instant.parse("2027-01-01T10:00:00Z");
    collect(invoice.number());
    assertEquals(1, gateway.charges.size());
  }

  @Test
  void aDisputeChargesBackAndAWonDisputeRestores() {
    open("tok_visa");
    IssuedInvoice invoice = issue(CYCLE, 1);
    collect(invoice.number());
    awaitSettled(invoice.number());
    String paymentId = gateway.charges.get(0).paymentId();
    GatewayNotice created =
        new GatewayNotice(
            "evt_1",
            GatewayNotice.Kind.DISPUTE_CREATED,
            paymentId,
            null,
            "pi",
            0,
            "fraudulent",
            false,
            "dp_1",
            null);
    assertEquals("applied", notice(created));
    assertEquals(ItemState.SENT, settlement(invoice.number()).settlement().state());
    assertEquals("duplicate", notice(created));
    assertEquals(
        "applied",
        notice(
            new GatewayNotice(
                "evt_2",
                GatewayNotice.Kind.DISPUTE_WON,
                paymentId,
                null,
                "pi",
                0,
                null,
                false,
                "dp_1",
                null)));
    assertEquals(ItemState.SETTLED, settlement(invoice.number()).settlement().state());
  }

  private String notice(GatewayNotice notice) {
    return kit.<StatusReply<String>>runCommand(
            replyTo -> new AccountCommand.ApplyGatewayNotice(notice, replyTo))
        .reply()
        .getValue();
  }

  @Test
  void aMandateAccountIsDebitedOnceAndABankReturnReopensTheInvoice() {
    open(null);
    PaymentMethodView method =
        kit.<StatusReply<PaymentMethodView>>runCommand(
                replyTo ->
                    new AccountCommand.SetPaymentMethod(
                        new PaymentMethod.DirectDebit(
                            "DE89370400440532013000",
                            null,
                            "MANDATE-1",
                            LocalDate.of(2026, 1, 1),
                            null),
                        null,
                        replyTo))
            .reply()
            .getValue();
    assertEquals("DE****************3000", method.ibanMasked());
    IssuedInvoice invoice = issue(CYCLE, 1);
    var scheduled =
        assertInstanceOf(CollectionStatus.DirectDebitScheduled.class, collect(invoice.number()));
    assertEquals("FRST", scheduled.instruction().sequenceType());
    assertEquals(ItemState.SETTLED, settlement(invoice.number()).settlement().state());
    assertEquals(scheduled, collect(invoice.number()));

    var returned =
        kit.<StatusReply<PaymentView>>runCommand(
                replyTo ->
                    new AccountCommand.ReturnDirectDebit(
                        scheduled.instruction().endToEndId(), "AC04", null, replyTo))
            .reply()
            .getValue();
    assertEquals("returned", returned.status());
    assertEquals(ItemState.SENT, settlement(invoice.number()).settlement().state());
    assertTrue(
        kit.<StatusReply<PaymentView>>runCommand(
                replyTo ->
                    new AccountCommand.ReturnDirectDebit(
                        scheduled.instruction().endToEndId(), "AC04", null, replyTo))
            .events()
            .isEmpty());
  }
}
