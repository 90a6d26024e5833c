package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.receivable.ItemState;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.payment.PaymentSettings;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.adjustment.ChargeList;
import com.telco.billing.protocol.adjustment.ChargeResult;
import com.telco.billing.protocol.adjustment.DisputeList;
import com.telco.billing.protocol.adjustment.DisputeResult;
import com.telco.billing.protocol.adjustment.DisputeView;
import com.telco.billing.protocol.adjustment.WriteOffResult;
import com.telco.billing.protocol.dunning.DunningOutcome;
import com.telco.billing.protocol.dunning.DunningView;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.payment.BalanceView;
import com.telco.billing.protocol.payment.PaymentResult;
import com.telco.billing.protocol.payment.StatementView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account entity's adjustments (docs/adjustments.md): a one-off charge billed once on the next
 * invoice as an adjustment line with its GL code; a dispute that takes the account out of dunning
 * and whose release brings it back; a write-off that settles the invoice and ends dunning; refusals
 * and idempotent replays that persist nothing.
 */
class AccountAdjustmentsTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final Catalog CATALOG =
      Catalog.EMPTY.withVersion(SampleCatalog.validated(SampleCatalog.document()));
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 5);
  private static final LocalDate DUE = CYCLE.plusDays(14);

  private final AccountDunningTest.DayClock clock = new AccountDunningTest.DayClock();
  private final EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(),
          AccountEntity.create(
              "acc-1",
              clock,
              new RatingCatalog(() -> CATALOG),
              Duration.ofDays(45),
              com.telco.billing.node.invoice.InvoicingSettings.DEFAULTS,
              null,
              PaymentSettings.DEFAULTS,
              AccountDunningTest.SOURCE),
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void open() {
    kit.clear();
    AccountProfile profile =
        new OpenAccountRequest(
                "acc-1", "Jane Doe", "EUR", 5, "Europe/Berlin", "DE", false, 14, null, null)
            .validate()
            .value();
    kit.<StatusReply<com.telco.billing.protocol.account.OpenAccountResult>>runCommand(
        replyTo -> new AccountCommand.OpenAccount(profile, null, replyTo));
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
    clock.set(cycle);
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

  private <T>
      EventSourcedBehaviorTestKit.CommandResultWithReply<
              AccountCommand, AccountEvent, AccountState, StatusReply<T>>
          run(Function<ActorRef<StatusReply<T>>, AccountCommand> command) {
    return kit.runCommand(command::apply);
  }

  /** Refused with {@code code}, and nothing persisted. */
  private static void refused(
      RefusalCode code,
      EventSourcedBehaviorTestKit.CommandResultWithReply<
              AccountCommand, AccountEvent, AccountState, ? extends StatusReply<?>>
          result) {
    assertTrue(result.reply().isError(), String.valueOf(result.reply()));
    assertEquals(code, ((RefusedException) result.reply().getError()).refusal().code());
    assertEquals(List.of(), result.events());
  }

  private AccountCommand.AddCharge charge(
      String id,
      String amount,
      String currency,
      String tax,
      ActorRef<StatusReply<ChargeResult>> replyTo) {
    return new AccountCommand.AddCharge(
        id,
        amount + "|" + currency + "|" + tax,
        new BigDecimal(amount),
        Currency.getInstance(currency),
        "Replacement SIM",
        tax,
        "4100-SIM",
        null,
        replyTo);
  }

  private AccountCommand.OpenDispute dispute(
      String number, String id, BigDecimal amount, ActorRef<StatusReply<DisputeResult>> replyTo) {
    return new AccountCommand.OpenDispute(
        number, id, amount.toPlainString(), amount, EUR, "roaming not used", null, replyTo);
  }

  private DunningOutcome evaluate(LocalDate day) {
    clock.set(day);
    return kit.<StatusReply<DunningOutcome>>runCommand(
            replyTo -> new AccountCommand.EvaluateDunning(day, replyTo))
        .reply()
        .getValue();
  }

  private List<String> firedOn(LocalDate day) {
    return evaluate(day).fired().stream().map(DunningView.FiredStep::name).toList();
  }

  private DunningView dunning() {
    return kit.<StatusReply<DunningView>>runCommand(AccountCommand.GetDunning::new)
        .reply()
        .getValue();
  }

  private static List<DunningFact> dunningFacts(List<AccountEvent> events) {
    List<DunningFact> facts = new ArrayList<>();
    for (AccountEvent event : events) {
      if (event instanceof AccountEvent.DunningChanged changed) {
        facts.addAll(changed.facts());
      }
    }
    return facts;
  }

  private static List<ReceivableFact> receivableFacts(List<AccountEvent> events) {
    List<ReceivableFact> facts = new ArrayList<>();
    for (AccountEvent event : events) {
      if (event instanceof AccountEvent.ReceivablesChanged changed) {
        facts.addAll(changed.facts());
      }
    }
    return facts;
  }

  private static List<InvoiceLine> adjustments(IssuedInvoice invoice) {
    return invoice.invoice().lines().stream().filter(l -> l.type() == LineType.ADJUSTMENT).toList();
  }

  @Test
  void aChargeIsBilledOnceOnTheNextInvoiceAsAnAdjustmentLineWithItsGlCodeAndTax() {
    clock.set(CYCLE.minusDays(3));
    var charged = this.<ChargeResult>run(r -> charge("CH-1", "12.50", "EUR", "STANDARD", r));
    assertTrue(charged.reply().getValue().created());
    assertEquals("pending", charged.reply().getValue().charge().status());
    assertEquals(CYCLE.minusDays(3), charged.reply().getValue().charge().chargedOn());

    var replay = this.<ChargeResult>run(r -> charge("CH-1", "12.50", "EUR", "STANDARD", r));
    assertFalse(replay.reply().getValue().created());
    assertEquals(List.of(), replay.events());
    refused(
        RefusalCode.IDEMPOTENCY_KEY_REUSED,
        this.<ChargeResult>run(r -> charge("CH-1", "13.00", "EUR", "STANDARD", r)));
    refused(
        RefusalCode.CURRENCY_MISMATCH,
        this.<ChargeResult>run(r -> charge("CH-2", "12.50", "USD", "STANDARD", r)));
    refused(
        RefusalCode.AMOUNT_PRECISION,
        this.<ChargeResult>run(r -> charge("CH-2", "12.505", "EUR", "STANDARD", r)));
    refused(
        RefusalCode.AMOUNT_NOT_POSITIVE,
        this.<ChargeResult>run(r -> charge("CH-2", "0.00", "EUR", "STANDARD", r)));
    refused(
        RefusalCode.UNKNOWN_TAX_CATEGORY,
        this.<ChargeResult>run(r -> charge("CH-2", "12.50", "EUR", "NO_SUCH_CATEGORY", r)));

    IssuedInvoice first = issue(CYCLE, 1);
    List<InvoiceLine> lines = adjustments(first);
    assertEquals(1, lines.size());
    InvoiceLine line = lines.get(0);
    assertEquals("CH-1", line.chargeId());
    assertEquals("4100-SIM", line.glCode());
    assertEquals("STANDARD", line.taxCategory());
    assertEquals("Replacement SIM", line.description());
    assertEquals(0, new BigDecimal("12.50").compareTo(line.amount()));

    ChargeList list =
        kit.<StatusReply<ChargeList>>runCommand(AccountCommand.GetCharges::new).reply().getValue();
    assertEquals(1, list.charges().size());
    assertEquals("billed", list.charges().get(0).status());
    assertEquals(first.number(), list.charges().get(0).invoiceNumber());

    IssuedInvoice second = issue(CYCLE.plusMonths(1), 2);
    assertEquals(List.of(), adjustments(second), "a charge is billed once");
  }

  @Test
  void aDisputeTakesTheAccountOutOfDunningAndItsReleaseBringsItBack() {
    IssuedInvoice invoice = issue(CYCLE, 1);
    BigDecimal total = invoice.invoice().taxIncludedAmount();
    assertEquals(List.of(), firedOn(DUE.plusDays(1)));
    assertEquals(List.of("reminder-1"), firedOn(DUE.plusDays(3)));
    assertEquals("in_dunning", dunning().status());

    // all but 4.00 disputed: the overdue amount falls below the minimum of 5.00
    BigDecimal disputed = total.subtract(new BigDecimal("4.00"));
    refused(
        RefusalCode.DISPUTE_EXCEEDS_REMAINING,
        this.<DisputeResult>run(
            r -> dispute(invoice.number(), "D1", total.add(BigDecimal.ONE), r)));
    refused(
        RefusalCode.INVOICE_NOT_FOUND,
        this.<DisputeResult>run(r -> dispute("INV-NONE", "D1", BigDecimal.ONE, r)));
    var opened = this.<DisputeResult>run(r -> dispute(invoice.number(), "D1", disputed, r));
    assertTrue(opened.reply().getValue().created());
    assertEquals("open", opened.reply().getValue().dispute().status());
    assertTrue(
        dunningFacts(opened.events()).stream()
            .anyMatch(DunningFact.EpisodeEnded.class::isInstance));
    assertEquals("normal", dunning().status());
    assertEquals(0, new BigDecimal("4.00").compareTo(dunning().overdue()));
    assertEquals(List.of(), firedOn(DUE.plusDays(10)), "no episode while on hold");

    var replay = this.<DisputeResult>run(r -> dispute(invoice.number(), "D1", disputed, r));
    assertFalse(replay.reply().getValue().created());
    assertEquals(List.of(), replay.events());
    refused(
        RefusalCode.DISPUTE_EXCEEDS_REMAINING,
        this.<DisputeResult>run(r -> dispute(invoice.number(), "D2", new BigDecimal("4.01"), r)));

    DisputeList list =
        this.<DisputeList>run(r -> new AccountCommand.GetDisputes(invoice.number(), r))
            .reply()
            .getValue();
    assertEquals(0, disputed.compareTo(list.onHold().value()));
    assertEquals(0, total.compareTo(list.remaining().value()));
    var settled =
        this.<com.telco.billing.protocol.invoice.AccountInvoices.Settled>run(
                r -> new AccountCommand.GetSettlement(invoice.number(), r))
            .reply()
            .getValue()
            .settlement();
    assertEquals(ItemState.ON_HOLD, settled.state());
    assertEquals(0, disputed.compareTo(settled.onHold()));

    // released: the whole amount is overdue again and the next evaluation starts an episode
    clock.set(DUE.plusDays(11));
    var released =
        this.<DisputeView>run(
            r ->
                new AccountCommand.ResolveDispute(
                    invoice.number(), "D1", "released", "used", null, null, r));
    assertEquals("released", released.reply().getValue().status());
    assertEquals(DUE.plusDays(11), released.reply().getValue().resolvedOn());
    assertEquals(DUE.plusDays(11), dunning().nextEvaluation());
    assertEquals(List.of("reminder-1", "reminder-2"), firedOn(DUE.plusDays(11)));
    assertEquals("in_dunning", dunning().status());

    var again =
        this.<DisputeView>run(
            r ->
                new AccountCommand.ResolveDispute(
                    invoice.number(), "D1", "released", null, null, null, r));
    assertTrue(again.reply().isSuccess());
    assertEquals(List.of(), again.events());
    refused(
        RefusalCode.DISPUTE_RESOLVED,
        this.<DisputeView>run(
            r ->
                new AccountCommand.ResolveDispute(
                    invoice.number(), "D1", "upheld", null, "CN-1", null, r)));
    refused(
        RefusalCode.DISPUTE_NOT_FOUND,
        this.<DisputeView>run(
            r ->
                new AccountCommand.ResolveDispute(
                    invoice.number(), "D9", "upheld", null, "CN-1", null, r)));
  }

  @Test
  void anUpheldDisputeStaysOnHoldUntilTheRemainingFallsByItsAmount() {
    IssuedInvoice invoice = issue(CYCLE, 1);
    BigDecimal total = invoice.invoice().taxIncludedAmount();
    BigDecimal disputed = total.subtract(new BigDecimal("4.00"));
    clock.set(DUE.plusDays(2));
    this.<DisputeResult>run(r -> dispute(invoice.number(), "D1", disputed, r));
    var upheld =
        this.<DisputeView>run(
            r ->
                new AccountCommand.ResolveDispute(
                    invoice.number(), "D1", "upheld", null, "CN-ENT-1-2026-000001", null, r));
    assertEquals("upheld", upheld.reply().getValue().status());
    assertEquals("CN-ENT-1-2026-000001", upheld.reply().getValue().creditNoteNumber());
    assertEquals(List.of(), firedOn(DUE.plusDays(10)), "upheld: still on hold");
    // what the credit note would do: the remaining falls by the disputed amount
    var paid =
        this.<PaymentResult>run(
            r ->
                new AccountCommand.RecordPayment(
                    PaymentIds.manualPayment("acc-1", "k1"),
                    "fp",
                    disputed,
                    EUR,
                    "bank_transfer",
                    null,
                    DUE.plusDays(10),
                    null,
                    r));
    assertTrue(paid.reply().isSuccess());
    DisputeList list =
        this.<DisputeList>run(r -> new AccountCommand.GetDisputes(invoice.number(), r))
            .reply()
            .getValue();
    assertEquals(0, BigDecimal.ZERO.compareTo(list.onHold().value()));
    assertEquals(0, new BigDecimal("4.00").compareTo(dunning().overdue()));
  }

  @Test
  void aWriteOffSettlesTheInvoiceIsInTheStatementAndEndsDunning() {
    IssuedInvoice invoice = issue(CYCLE, 1);
    BigDecimal total = invoice.invoice().taxIncludedAmount();
    assertEquals(List.of("reminder-1"), firedOn(DUE.plusDays(3)));
    var wo =
        this.<WriteOffResult>run(
            r ->
                new AccountCommand.WriteOff(
                    invoice.number(), "WO-1", "insolvent", "insolvent", null, r));
    assertTrue(wo.reply().getValue().created());
    assertEquals(0, total.compareTo(wo.reply().getValue().writeOff().amount().value()));
    ReceivableFact.InvoiceWrittenOff fact =
        (ReceivableFact.InvoiceWrittenOff) receivableFacts(wo.events()).get(0);
    assertEquals("EUR", fact.currency());
    assertEquals(invoice.number(), fact.invoiceNumber());
    assertEquals(DUE.plusDays(3), fact.date());
    assertTrue(
        dunningFacts(wo.events()).stream()
            .anyMatch(
                f -> f instanceof DunningFact.EpisodeEnded e && e.reason().equals("written_off")));
    assertEquals("normal", dunning().status());

    var item = ((AccountState.Open) kit.getState()).payments().receivables().item(invoice.number());
    assertEquals(ItemState.SETTLED, item.orElseThrow().state());
    BalanceView balance =
        kit.<StatusReply<BalanceView>>runCommand(AccountCommand.GetBalance::new).reply().getValue();
    assertEquals(0, BigDecimal.ZERO.compareTo(balance.balance().balance()));
    StatementView statement =
        this.<StatementView>run(r -> new AccountCommand.GetStatement(CYCLE, DUE.plusDays(3), r))
            .reply()
            .getValue();
    Statement.Entry last =
        statement.statement().entries().get(statement.statement().entries().size() - 1);
    assertEquals(Statement.Kind.WRITE_OFF, last.kind());
    assertEquals(0, total.negate().compareTo(last.amount()));

    var replay =
        this.<WriteOffResult>run(
            r ->
                new AccountCommand.WriteOff(
                    invoice.number(), "WO-1", "insolvent", "insolvent", null, r));
    assertFalse(replay.reply().getValue().created());
    assertEquals(List.of(), replay.events());
    refused(
        RefusalCode.IDEMPOTENCY_KEY_REUSED,
        this.<WriteOffResult>run(
            r -> new AccountCommand.WriteOff(invoice.number(), "WO-1", "other", "other", null, r)));
    refused(
        RefusalCode.INVOICE_NOT_OPEN,
        this.<WriteOffResult>run(
            r -> new AccountCommand.WriteOff(invoice.number(), "WO-2", "again", "again", null, r)));
    refused(
        RefusalCode.INVOICE_NOT_FOUND,
        this.<WriteOffResult>run(
            r -> new AccountCommand.WriteOff("INV-NONE", "WO-3", "x", "x", null, r)));
    assertNull(dunning().nextEvaluation());
  }
}
