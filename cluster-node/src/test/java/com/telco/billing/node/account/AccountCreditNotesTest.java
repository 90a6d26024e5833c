package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.collection.RetrySchedule;
import com.telco.billing.core.creditnote.CreditReason;
import com.telco.billing.core.creditnote.CreditRequest;
import com.telco.billing.core.receivable.ItemState;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.node.account.AccountPaymentsTest.MovableClock;
import com.telco.billing.node.account.AccountPaymentsTest.ScriptedGateway;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.payment.PaymentSettings;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.CreditNoteList;
import com.telco.billing.protocol.invoice.CreditNoteOrder;
import com.telco.billing.protocol.invoice.CreditNotePrepared;
import com.telco.billing.protocol.invoice.CreditNoteResult;
import com.telco.billing.protocol.invoice.CreditNoteView;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.payment.BalanceView;
import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.protocol.payment.PaymentResult;
import com.telco.billing.protocol.payment.PaymentView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account entity's credit notes: checked then issued with the series' number, the credit
 * allocated to its invoice first, limits per line, idempotent per request, refunds from bank
 * transfers, the statement, and a recovery that keeps them.
 */
class AccountCreditNotesTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final Catalog CATALOG =
      Catalog.EMPTY.withVersion(SampleCatalog.validated(SampleCatalog.document()));
  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 5);
  private static final Currency EUR = Currency.getInstance("EUR");

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

  private static CreditNoteOrder order(
      String invoice, String key, boolean refund, CreditRequest... lines) {
    return new CreditNoteOrder(
        invoice,
        key,
        "fp-" + key + "-" + refund + "-" + List.of(lines),
        CreditReason.SERVICE_OUTAGE,
        null,
        List.of(lines),
        EUR,
        refund);
  }

  private StatusReply<CreditNotePrepared> prepare(CreditNoteOrder order) {
    return kit.<StatusReply<CreditNotePrepared>>runCommand(
            replyTo -> new AccountCommand.PrepareCreditNote(order, replyTo))
        .reply();
  }

  private StatusReply<CreditNoteResult> issueCreditNote(CreditNoteOrder order, long sequence) {
    StatusReply<CreditNotePrepared> prepared = prepare(order);
    if (prepared.isError()) {
      return StatusReply.error(prepared.getError());
    }
    LocalDate issueDate =
        prepared.getValue() instanceof CreditNotePrepared.NumberNeeded needed
            ? needed.issueDate()
            : LocalDate.of(2026, 12, 10);
    return kit.<StatusReply<CreditNoteResult>>runCommand(
            replyTo ->
                new AccountCommand.IssueCreditNote(order, issueDate, sequence, null, replyTo))
        .reply();
  }

  private static int firstPositiveLine(IssuedInvoice invoice) {
    for (int i = 0; i < invoice.invoice().lines().size(); i++) {
      if (invoice.invoice().lines().get(i).amount().signum() > 0) {
        return i + 1;
      }
    }
    throw new AssertionError("no positive line");
  }

  private static void same(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void aCreditNoteGetsItsSeriesNumberAndIsAllocatedToItsInvoice() {
    open(null);
    IssuedInvoice invoice = issue(CYCLE, 1);
    int line = firstPositiveLine(invoice);
    BigDecimal total = invoice.invoice().taxIncludedAmount();
    BigDecimal balanceBefore = balance().balance().balance();

    CreditNoteOrder order =
        order(invoice.number(), "k1", false, new CreditRequest(line, new BigDecimal("1.00"), null));
    var prepared = prepare(order).getValue();
    var needed = assertInstanceOf(CreditNotePrepared.NumberNeeded.class, prepared);
    assertEquals("CN-" + invoice.invoice().legalEntity() + "-2026", needed.seriesId());
    assertEquals(LocalDate.of(2026, 12, 10), needed.issueDate());

    CreditNoteResult result = issueCreditNote(order, 7).getValue();
    assertTrue(result.created());
    CreditNoteView cn = result.creditNote();
    assertEquals("CN-" + invoice.invoice().legalEntity() + "-2026-000007", cn.number());
    same("1.00", cn.draft().taxExcludedAmount());
    BigDecimal credit = cn.draft().taxIncludedAmount();
    same(credit.toPlainString(), cn.allocated());
    same(
        total.subtract(credit).toPlainString(),
        settlement(invoice.number()).settlement().remaining());
    same(balanceBefore.subtract(credit).toPlainString(), balance().balance().balance());

    var statement =
        kit.<StatusReply<com.telco.billing.protocol.payment.StatementView>>runCommand(
                replyTo ->
                    new AccountCommand.GetStatement(
                        LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), replyTo))
            .reply()
            .getValue()
            .statement();
    assertTrue(
        statement.entries().stream()
            .anyMatch(
                e ->
                    e.kind() == Statement.Kind.CREDIT_NOTE
                        && e.reference().equals(cn.number())
                        && e.amount().compareTo(credit.negate()) == 0));

    // read back, also after a recovery from the journal
    kit.restart();
    var list =
        kit.<StatusReply<CreditNoteList>>runCommand(
                replyTo -> new AccountCommand.GetCreditNotes(invoice.number(), null, replyTo))
            .reply()
            .getValue();
    assertEquals(
        List.of(cn.number()), list.creditNotes().stream().map(CreditNoteView::number).toList());
    assertEquals(
        "credit_note_not_found",
        code(
            kit.<StatusReply<CreditNoteList>>runCommand(
                    replyTo -> new AccountCommand.GetCreditNotes(null, "CN-X-2026-000001", replyTo))
                .reply()));
  }

  @Test
  void moreThanWhatIsStillCreditableIsRefusedAndChangesNothing() {
    open(null);
    IssuedInvoice invoice = issue(CYCLE, 1);
    int line = firstPositiveLine(invoice);
    BigDecimal lineAmount = invoice.invoice().lines().get(line - 1).amount();

    var tooMuch =
        order(
            invoice.number(),
            "k1",
            false,
            new CreditRequest(line, lineAmount.add(new BigDecimal("0.01")), null));
    assertEquals("credit_exceeds_line", code(prepare(tooMuch)));
    var result =
        kit.<StatusReply<CreditNoteResult>>runCommand(
            replyTo ->
                new AccountCommand.IssueCreditNote(
                    tooMuch, LocalDate.of(2026, 12, 10), 1, null, replyTo));
    assertEquals("credit_exceeds_line", code(result.reply()));
    assertTrue(result.events().isEmpty());

    // all of the line, then nothing more of it
    assertTrue(
        issueCreditNote(
                order(invoice.number(), "k2", false, new CreditRequest(line, null, null)), 1)
            .getValue()
            .created());
    assertEquals(
        "line_not_creditable",
        code(
            prepare(
                order(
                    invoice.number(),
                    "k3",
                    false,
                    new CreditRequest(line, new BigDecimal("0.01"), null)))));
    assertEquals(
        "line_not_found",
        code(prepare(order(invoice.number(), "k4", false, new CreditRequest(99, null, null)))));
    assertEquals(
        "invoice_not_found",
        code(
            prepare(order("INV-NONE-2026-000001", "k5", false, new CreditRequest(1, null, null)))));
  }

  @Test
  void theSameKeyAnswersTheFirstCreditNoteAndAnotherBodyIsRefused() {
    open(null);
    IssuedInvoice invoice = issue(CYCLE, 1);
    int line = firstPositiveLine(invoice);
    CreditNoteOrder order =
        order(invoice.number(), "k1", false, new CreditRequest(line, new BigDecimal("1.00"), null));
    CreditNoteView first = issueCreditNote(order, 1).getValue().creditNote();

    var again = prepare(order).getValue();
    assertEquals(
        first.number(),
        assertInstanceOf(CreditNotePrepared.Existing.class, again).creditNote().number());
    var replay =
        kit.<StatusReply<CreditNoteResult>>runCommand(
            replyTo ->
                new AccountCommand.IssueCreditNote(
                    order, LocalDate.of(2026, 12, 10), 2, null, replyTo));
    assertFalse(replay.reply().getValue().created());
    assertEquals(first.number(), replay.reply().getValue().creditNote().number());
    assertTrue(replay.events().isEmpty());

    CreditNoteOrder other =
        order(invoice.number(), "k1", false, new CreditRequest(line, new BigDecimal("2.00"), null));
    assertEquals("idempotency_key_reused", code(prepare(other)));
  }

  @Test
  void anotherRequestForTheSameInvoiceWaitsWhileOneIsBeingIssued() {
    open(null);
    IssuedInvoice invoice = issue(CYCLE, 1);
    int line = firstPositiveLine(invoice);
    CreditNoteOrder a =
        order(invoice.number(), "a", false, new CreditRequest(line, new BigDecimal("1.00"), null));
    CreditNoteOrder b =
        order(invoice.number(), "b", false, new CreditRequest(line, new BigDecimal("1.00"), null));
    assertInstanceOf(CreditNotePrepared.NumberNeeded.class, prepare(a).getValue());
    assertEquals("credit_note_in_progress", code(prepare(b)));
    assertInstanceOf(CreditNotePrepared.NumberNeeded.class, prepare(a).getValue());
    clock.now = clock.now.plusSeconds(31);
    assertInstanceOf(CreditNotePrepared.NumberNeeded.class, prepare(b).getValue());
  }

  @Test
  void aRefundPaysBackWhatExceedsTheRemainingFromTheBankTransfer() {
    open(null);
    IssuedInvoice invoice = issue(CYCLE, 1);
    int line = firstPositiveLine(invoice);
    // nothing paid: the whole credit goes to the remaining amount, nothing to refund
    assertEquals(
        0,
        issueCreditNote(
                order(
                    invoice.number(),
                    "k0",
                    true,
                    new CreditRequest(line, new BigDecimal("1.00"), null)),
                1)
            .getValue()
            .creditNote()
            .refunded()
            .signum());
    BigDecimal remaining = settlement(invoice.number()).settlement().remaining();
    pay("p1", remaining.toPlainString(), "EUR");
    assertEquals(ItemState.SETTLED, settlement(invoice.number()).settlement().state());
    BigDecimal balanceBefore = balance().balance().balance();

    CreditNoteResult refunded =
        issueCreditNote(
                order(
                    invoice.number(),
                    "k1",
                    true,
                    new CreditRequest(line, new BigDecimal("2.00"), null)),
                2)
            .getValue();
    CreditNoteView cn = refunded.creditNote();
    same(cn.draft().taxIncludedAmount().toPlainString(), cn.refunded());
    assertEquals(ItemState.SETTLED, settlement(invoice.number()).settlement().state());
    same(balanceBefore.toPlainString(), balance().balance().balance());
    PaymentView payment =
        kit.<StatusReply<PaymentView>>runCommand(
                replyTo ->
                    new AccountCommand.GetPayment(PaymentIds.manualPayment("acc-1", "p1"), replyTo))
            .reply()
            .getValue();
    same(cn.refunded().toPlainString(), payment.refunded());
  }

  @Test
  void aRefundOfACardPaymentIsRefusedAndChangesNothing() {
    open("tok_visa");
    IssuedInvoice invoice = issue(CYCLE, 1);
    int line = firstPositiveLine(invoice);
    assertInstanceOf(CollectionStatus.Pending.class, collect(invoice.number()));
    awaitSettled(invoice.number());
    CreditNoteOrder order =
        order(invoice.number(), "k1", true, new CreditRequest(line, new BigDecimal("1.00"), null));
    assertEquals("refund_not_possible", code(prepare(order)));
    var issued =
        kit.<StatusReply<CreditNoteResult>>runCommand(
            replyTo ->
                new AccountCommand.IssueCreditNote(
                    order, LocalDate.of(2026, 12, 10), 1, null, replyTo));
    assertEquals("refund_not_possible", code(issued.reply()));
    assertTrue(issued.events().isEmpty());
    // without a refund the credit stays as unallocated credit
    CreditNoteView cn =
        issueCreditNote(
                order(
                    invoice.number(),
                    "k2",
                    false,
                    new CreditRequest(line, new BigDecimal("1.00"), null)),
                1)
            .getValue()
            .creditNote();
    same(cn.draft().taxIncludedAmount().toPlainString(), balance().balance().unallocatedCredit());
  }
}
