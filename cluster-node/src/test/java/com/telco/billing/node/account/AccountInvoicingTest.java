package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.invoice.BillingHistory;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.http.UsageRecordDraft;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.usage.RateUsageResult;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.sharding.AccountTags;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account entity's side of invoicing, with serialization verified by the testkit: when a period
 * can be closed, what is persisted, idempotency per period, the late flag of usage after invoicing,
 * the order of periods and the preview. The amounts themselves are billing-core's (its golden
 * tests); here they only have to be consistent.
 */
class AccountInvoicingTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  /** 2026-12-10: the period [2026-11-05, 2026-12-05) of cycle day 5 has ended in Berlin. */
  private static final Instant NOW = Instant.parse("2026-12-10T10:00:00Z");

  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 5);

  private static final Catalog CATALOG =
      Catalog.EMPTY.withVersion(SampleCatalog.validated(SampleCatalog.document()));

  private final EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(),
          AccountEntity.create(
              "acc-1",
              Clock.fixed(NOW, ZoneOffset.UTC),
              new RatingCatalog(() -> CATALOG),
              Duration.ofDays(45),
              true),
          // the state is persisted as its AccountSnapshot (theStateSurvivesItsSnapshot)
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  static AccountProfile profile() {
    return new OpenAccountRequest(
            "acc-1", "Jane Doe", "EUR", 5, "Europe/Berlin", "DE", false, 14, "tok_1", null)
        .validate()
        .value();
  }

  private void openAndActivate() {
    kit.<StatusReply<com.telco.billing.protocol.account.OpenAccountResult>>runCommand(
        replyTo -> new AccountCommand.OpenAccount(profile(), null, replyTo));
    var activation =
        new ActivateSubscription(
            "sub-1",
            "MOBILE_S",
            List.of(ServiceId.msisdn("+4915100000001")),
            LocalDate.of(2026, 11, 20));
    kit.<StatusReply<com.telco.billing.protocol.account.SubscriptionResult>>runCommand(
        replyTo -> new AccountCommand.ActivateSubscription(activation, null, replyTo));
  }

  private static UsageRecord voice(String id, String when) {
    return new UsageRecordDraft(
            id,
            "msc-1",
            "MSISDN",
            "+4915100000001",
            "VOICE",
            when,
            "7200",
            "s",
            Map.of("zone", "NATIONAL"),
            null)
        .validate(NOW)
        .value();
  }

  private RateUsageResult rate(UsageRecord record) {
    return kit.<StatusReply<RateUsageResult>>runCommand(
            replyTo -> new AccountCommand.RateUsage(List.of(record), List.of(), replyTo))
        .reply()
        .getValue();
  }

  private StatusReply<CloseBillPeriodResult> close(LocalDate cycleDate) {
    return kit.<StatusReply<CloseBillPeriodResult>>runCommand(
            replyTo -> new AccountCommand.CloseBillPeriod(cycleDate, replyTo))
        .reply();
  }

  /**
   * The state is persisted as an {@code AccountSnapshot} through the node's serializer: what it is
   * read back as recovers the same state, with subscriptions, usage, dedupe memory, billing history
   * and invoices.
   */
  @Test
  void theStateSurvivesItsSnapshot() {
    openAndActivate();
    rate(voice("r1", "2026-12-03T10:00:00Z"));
    close(CYCLE);
    kit.<StatusReply<IssuedInvoice>>runCommand(
        replyTo -> new AccountCommand.IssueInvoice(CYCLE, 7, replyTo));
    rate(voice("r2", "2026-12-06T10:00:00Z"));
    var state = (AccountState.Open) kit.getState();
    assertEquals(1, state.invoices().size());

    Serialization serialization = SerializationExtension.get(testKit.system());
    Object snapshot = AccountJournal.SNAPSHOTS.toJournal(state);
    var serializer = serialization.findSerializerFor(snapshot);
    Object read =
        serialization
            .deserialize(
                serialization.serialize(snapshot).get(),
                serializer.identifier(),
                Serializers.manifestFor(serializer, snapshot))
            .get();

    assertEquals(state, AccountJournal.SNAPSHOTS.fromJournal(read));
    assertEquals(
        AccountState.Unopened.INSTANCE,
        AccountJournal.SNAPSHOTS.fromJournal(
            AccountJournal.SNAPSHOTS.toJournal(AccountState.Unopened.INSTANCE)));
  }

  @Test
  void aPeriodIsInvoicedOnceWithTheNumberTheSeriesGave() {
    openAndActivate();
    var onTime = rate(voice("r1", "2026-12-03T10:00:00Z")).outcomes().get(0);
    assertFalse(assertInstanceOf(UsageOutcome.Accepted.class, onTime).late(), onTime.toString());

    var close = assertInstanceOf(CloseBillPeriodResult.NumberNeeded.class, close(CYCLE).getValue());
    assertEquals("DEFAULT-2026", close.seriesId());
    assertEquals("acc-1|2026-12-05", close.requestKey());

    var issued =
        kit.<StatusReply<IssuedInvoice>>runCommand(
            replyTo -> new AccountCommand.IssueInvoice(CYCLE, 7, replyTo));
    IssuedInvoice invoice = issued.reply().getValue();
    assertEquals("INV-DEFAULT-2026-000007", invoice.number());
    assertEquals(CYCLE, invoice.invoice().issueDate());
    assertEquals(CYCLE.plusDays(14), invoice.invoice().dueDate());
    assertEquals(LocalDate.of(2026, 11, 5), invoice.invoice().billingPeriod().start());
    assertTrue(invoice.invoice().lines().stream().anyMatch(l -> l.type() == LineType.USAGE));
    assertTrue(invoice.invoice().lines().stream().anyMatch(l -> l.type() == LineType.RECURRING));
    // one write: the closed period with the history and the invoice (untagged), then the
    // invoice's register entry (tagged), which points at the invoice's event, then (the account
    // pays by card) its collection on the issue date
    assertEquals(4, issued.events().size(), issued.events().toString());
    var collection =
        assertInstanceOf(AccountEvent.CollectionScheduled.class, issued.events().get(3));
    assertEquals(invoice.number(), collection.invoiceNumber());
    assertEquals(CYCLE, collection.collectOn());
    var closed = assertInstanceOf(AccountEvent.BillPeriodClosed.class, issued.events().get(0));
    assertEquals(CYCLE, closed.cycleDate());
    assertEquals(null, closed.reason());
    assertEquals(CYCLE, AccountJournal.toHistory(closed.billingAfter()).lastCycleDate());
    var invoiceIssued = assertInstanceOf(AccountEvent.InvoiceIssued.class, issued.events().get(1));
    assertEquals(invoice, AccountJournal.toIssuedInvoice(invoiceIssued.invoice()));
    assertEquals(
        AccountJournal.toHistory(closed.billingAfter()),
        ((AccountState.Open) issued.state()).billing());
    var registered = assertInstanceOf(AccountEvent.InvoiceRegistered.class, issued.events().get(2));
    List<Object> journal =
        kit.persistenceTestKit()
            .persistedInStorage(PersistenceId.of(EntityKeys.ACCOUNT.name(), "acc-1").id());
    long invoiceSequenceNr = journal.indexOf(invoiceIssued) + 1;
    assertEquals(journal.indexOf(registered), invoiceSequenceNr);
    assertEquals(InvoiceEntry.of(invoice, invoiceSequenceNr), registered.entry());
    assertEquals("acc-1", registered.entry().accountId());
    assertEquals(0, invoice.invoice().taxIncludedAmount().compareTo(registered.entry().total()));
    assertEquals(Set.of(), AccountEntity.tagsOf("acc-1", closed));
    assertEquals(Set.of(), AccountEntity.tagsOf("acc-1", invoiceIssued));
    assertEquals(
        Set.of(AccountTags.invoiceTagFor("acc-1")), AccountEntity.tagsOf("acc-1", registered));

    // asked again, with another number or after a restart: the same invoice, nothing written
    var again =
        kit.<StatusReply<IssuedInvoice>>runCommand(
            replyTo -> new AccountCommand.IssueInvoice(CYCLE, 8, replyTo));
    assertTrue(again.hasNoEvents());
    assertEquals("INV-DEFAULT-2026-000007", again.reply().getValue().number());
    kit.restart();
    var closedAgain =
        assertInstanceOf(CloseBillPeriodResult.Invoiced.class, close(CYCLE).getValue());
    assertEquals(invoice, closedAgain.invoice());

    // usage of the invoiced period arriving now is rated late
    var late = rate(voice("r2", "2026-12-04T10:00:00Z")).outcomes().get(0);
    assertTrue(assertInstanceOf(UsageOutcome.Accepted.class, late).late(), late.toString());

    var list =
        kit.<StatusReply<AccountInvoices.InvoiceList>>runCommand(AccountCommand.GetInvoices::new);
    assertEquals(List.of(invoice), list.reply().getValue().invoices());
    assertEquals(profile(), list.reply().getValue().account());

    // the preview of the open period shows the late usage, and persists nothing
    var preview =
        kit.<StatusReply<AccountInvoices.Preview>>runCommand(AccountCommand.PreviewInvoice::new);
    assertTrue(preview.hasNoEvents());
    var draft = preview.reply().getValue().invoice();
    assertEquals(CYCLE, draft.billingPeriod().start());
    assertTrue(
        draft.lines().stream()
            .anyMatch(
                l ->
                    l.type() == LineType.LATE_USAGE
                        && LocalDate.of(2026, 11, 5).equals(l.originalPeriodStart())),
        draft.lines().toString());
  }

  @Test
  void aPeriodWithNothingToBillIsClosedWithoutAnInvoice() {
    kit.<StatusReply<com.telco.billing.protocol.account.OpenAccountResult>>runCommand(
        replyTo -> new AccountCommand.OpenAccount(profile(), null, replyTo));
    var first =
        kit.<StatusReply<CloseBillPeriodResult>>runCommand(
            replyTo -> new AccountCommand.CloseBillPeriod(CYCLE, replyTo));
    assertEquals(new CloseBillPeriodResult.Skipped("nothing_to_bill"), first.reply().getValue());
    assertInstanceOf(AccountEvent.BillPeriodClosed.class, first.event());
    var second =
        kit.<StatusReply<CloseBillPeriodResult>>runCommand(
            replyTo -> new AccountCommand.CloseBillPeriod(CYCLE, replyTo));
    assertTrue(second.hasNoEvents());
    assertInstanceOf(CloseBillPeriodResult.Skipped.class, second.reply().getValue());
  }

  /**
   * The first journals wrote an invoice with the billing history after it in one event ({@code
   * InvoiceIssuedWithHistory}), with no {@code BillPeriodClosed} before it: they recover the same
   * state.
   */
  @Test
  void anInvoiceIssuedWithItsHistoryFromBeforeTheSplitRecoversTheHistory() {
    openAndActivate();
    rate(voice("r1", "2026-12-03T10:00:00Z"));
    close(CYCLE);
    var issued =
        kit.<StatusReply<IssuedInvoice>>runCommand(
            replyTo -> new AccountCommand.IssueInvoice(CYCLE, 7, replyTo));
    var history =
        assertInstanceOf(AccountEvent.BillPeriodClosed.class, issued.events().get(0))
            .billingAfter();
    var invoice = issued.reply().getValue();
    var expected = (AccountState.Open) issued.state();

    var before =
        kit.persistenceTestKit()
            .persistedInStorage(PersistenceId.of(EntityKeys.ACCOUNT.name(), "acc-1").id());
    kit.clear();
    List<AccountEvent> legacy = new ArrayList<>();
    for (Object event : before) {
      if (event instanceof AccountEvent.BillPeriodClosed
          || event instanceof AccountEvent.InvoiceRegistered) {
        continue;
      }
      legacy.add(
          event instanceof AccountEvent.InvoiceIssued i
              ? new AccountEvent.InvoiceIssuedWithHistory(i.invoice(), history, i.recordedAt())
              : (AccountEvent) event);
    }
    kit.initialize(legacy.toArray());
    kit.restart();
    var recovered = (AccountState.Open) kit.getState();
    assertEquals(expected.billing(), recovered.billing());
    assertEquals(expected.invoices(), recovered.invoices());
    assertEquals(List.of(invoice), recovered.invoices());
    assertEquals(profile(), recovered.profile());
    // and the period stays invoiced: closing it again answers the same invoice, writes nothing
    var again =
        kit.<StatusReply<CloseBillPeriodResult>>runCommand(
            replyTo -> new AccountCommand.CloseBillPeriod(CYCLE, replyTo));
    assertTrue(again.hasNoEvents());
    assertEquals(new CloseBillPeriodResult.Invoiced(invoice), again.reply().getValue());
  }

  /** What is tagged and what is not: usage and closed periods are the account's own. */
  @Test
  void onlyLifecycleEventsAndIssuedInvoicesAreTagged() {
    String lifecycle = AccountTags.tagFor("acc-1");
    assertEquals(
        Set.of(lifecycle),
        AccountEntity.tagsOf("acc-1", AccountJournal.accountOpened(profile(), NOW, null)));
    assertEquals(
        Set.of(),
        AccountEntity.tagsOf("acc-1", new AccountEvent.UsageRated(List.of(), NOW, NOW, List.of())));
    assertEquals(
        Set.of(),
        AccountEntity.tagsOf(
            "acc-1",
            AccountJournal.billPeriodClosed(
                CYCLE, "nothing_to_bill", BillingHistory.EMPTY, NOW, List.of())));
  }

  @Test
  void periodsAreClosedInOrderAndOnlyOnceTheyEnded() {
    openAndActivate();
    assertEquals(
        RefusalCode.NOT_A_CYCLE_DATE,
        ((RefusedException) close(CYCLE.plusDays(1)).getError()).refusal().code());
    assertEquals(
        RefusalCode.PERIOD_NOT_ENDED,
        ((RefusedException) close(CYCLE.plusMonths(1)).getError()).refusal().code());
    // the first close of the account: any ended period may be the first
    assertInstanceOf(
        CloseBillPeriodResult.Skipped.class, close(LocalDate.of(2026, 10, 5)).getValue());
    // 2026-11-05 is open, so 2026-12-05 cannot be closed yet: the caller closes 2026-11-05 first
    var skipping =
        assertInstanceOf(CloseBillPeriodResult.EarlierPeriodOpen.class, close(CYCLE).getValue());
    assertEquals(LocalDate.of(2026, 11, 5), skipping.openCycleDate());
  }
}
