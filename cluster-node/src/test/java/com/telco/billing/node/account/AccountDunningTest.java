package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.dunning.DunningStep;
import com.telco.billing.core.dunning.LateFee;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.SubscriptionStatus;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.dunning.DunningPolicySource;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.payment.PaymentSettings;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.dunning.DunningOutcome;
import com.telco.billing.protocol.dunning.DunningView;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.payment.PaymentResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account entity's dunning: steps fire once each on their day, a full payment ends the episode
 * at once and unbars, a partial payment that settles the oldest invoice re-anchors on the next one,
 * a hold pauses steps that then fire together, the late fee is billed on the next invoice, a
 * terminate step terminates the subscriptions, an exempt account is never dunned.
 */
class AccountDunningTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final Catalog CATALOG =
      Catalog.EMPTY.withVersion(SampleCatalog.validated(SampleCatalog.document()));
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** The invoice of 5 December is due on 19 December (14 days). */
  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 5);

  private static final LocalDate DUE = CYCLE.plusDays(14);

  static final DunningPolicy POLICY =
      new DunningPolicy(
          "standard",
          1,
          "DEFAULT",
          null,
          Map.of(EUR, new BigDecimal("5.00")),
          List.of(
              new DunningStep("reminder-1", 3, List.of(DunningAction.REMINDER)),
              new DunningStep(
                  "reminder-2", 10, List.of(DunningAction.REMINDER, DunningAction.LATE_FEE)),
              new DunningStep("suspend", 21, List.of(DunningAction.SUSPEND_SERVICE)),
              new DunningStep(
                  "terminate", 45, List.of(DunningAction.TERMINATE, DunningAction.COLLECTIONS))),
          new LateFee(Map.of(EUR, new BigDecimal("5.00")), null, "STANDARD", "Late payment fee"),
          Instant.parse("2026-11-01T00:00:00Z"));

  /** The one published policy, for every legal entity and segment. */
  static final DunningPolicySource SOURCE =
      new DunningPolicySource() {
        @Override
        public Optional<DunningPolicy> policyFor(String legalEntity, String segment) {
          return Optional.of(POLICY);
        }

        @Override
        public Optional<DunningPolicy> version(String policyId, int version) {
          return policyId.equals(POLICY.policyId()) && version == POLICY.version()
              ? Optional.of(POLICY)
              : Optional.empty();
        }
      };

  /** A clock tests move from day to day (03:00 in Berlin). */
  static final class DayClock extends Clock {
    volatile Instant now = on(CYCLE);

    static Instant on(LocalDate day) {
      return day.atTime(3, 0).atZone(BERLIN).toInstant();
    }

    void set(LocalDate day) {
      now = on(day);
    }

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

  private final DayClock clock = new DayClock();
  private EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kit =
      kitFor("acc-1");

  private EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kitFor(
      String id) {
    return kitFor(id, SOURCE);
  }

  /** A source of the one policy {@code policy}. */
  static DunningPolicySource sourceOf(DunningPolicy policy) {
    return new DunningPolicySource() {
      @Override
      public Optional<DunningPolicy> policyFor(String legalEntity, String segment) {
        return Optional.of(policy);
      }

      @Override
      public Optional<DunningPolicy> version(String policyId, int version) {
        return policyId.equals(policy.policyId()) && version == policy.version()
            ? Optional.of(policy)
            : Optional.empty();
      }
    };
  }

  private EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kitFor(
      String id, DunningPolicySource source) {
    return EventSourcedBehaviorTestKit.create(
        testKit.system(),
        AccountEntity.create(
            id,
            clock,
            new RatingCatalog(() -> CATALOG),
            Duration.ofDays(45),
            com.telco.billing.node.invoice.InvoicingSettings.DEFAULTS,
            null,
            PaymentSettings.DEFAULTS,
            source),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  private void open(String id, boolean exempt) {
    AccountProfile profile =
        new OpenAccountRequest(
                id,
                "Jane Doe",
                "EUR",
                5,
                "Europe/Berlin",
                "DE",
                false,
                14,
                null,
                null,
                "jane@example.com",
                null,
                exempt)
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

  private DunningView view() {
    return kit.<StatusReply<DunningView>>runCommand(AccountCommand.GetDunning::new)
        .reply()
        .getValue();
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<
          AccountCommand, AccountEvent, AccountState, StatusReply<PaymentResult>>
      pay(String key, BigDecimal amount) {
    return kit.runCommand(
        replyTo ->
            new AccountCommand.RecordPayment(
                PaymentIds.manualPayment(state().profile().accountId(), key),
                amount.toPlainString() + "|EUR",
                amount,
                EUR,
                "bank_transfer",
                "ref " + key,
                LocalDate.ofInstant(clock.instant(), BERLIN),
                null,
                replyTo));
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

  private AccountState.Open state() {
    return (AccountState.Open) kit.getState();
  }

  @Test
  void eachStepFiresOnceOnItsDayAndTheIssuedInvoiceSchedulesTheFirstEvaluation() {
    open("acc-1", false);
    issue(CYCLE, 1);
    assertEquals(DUE.plusDays(1), state().dunning().nextEvaluation());

    assertEquals(List.of(), firedOn(DUE.plusDays(1)));
    assertEquals("in_dunning", view().status());
    assertEquals(DUE.plusDays(3), view().nextEvaluation());
    assertEquals(List.of("reminder-1"), firedOn(DUE.plusDays(3)));
    assertEquals(List.of(), firedOn(DUE.plusDays(3)), "idempotent per date");
    assertEquals(List.of(), firedOn(DUE.plusDays(9)));
    assertEquals(List.of("reminder-2"), firedOn(DUE.plusDays(10)));
    assertEquals(1, view().pendingLateFees().size());
    assertEquals(0, new BigDecimal("5.00").compareTo(view().pendingLateFees().get(0).amount()));
    assertEquals(List.of("suspend"), firedOn(DUE.plusDays(21)));
    assertEquals(List.of("sub-1"), view().barredSubscriptions());
    assertEquals(List.of("terminate"), firedOn(DUE.plusDays(45)));
    assertEquals(
        SubscriptionStatus.TERMINATED,
        state().subscriptions().get("sub-1").statusOn(DUE.plusDays(45)));
    assertEquals(List.of(), firedOn(DUE.plusDays(46)));
    assertEquals(4, view().stepsFired().size());
    assertNull(view().nextStep());
  }

  @Test
  void aFullPaymentEndsTheEpisodeAtOnceAndUnbars() {
    open("acc-1", false);
    IssuedInvoice invoice = issue(CYCLE, 1);
    firedOn(DUE.plusDays(1));
    assertEquals(
        List.of("reminder-1", "reminder-2", "suspend"),
        firedOn(DUE.plusDays(22)),
        "steps delayed by an outage fire together, in order");
    assertEquals(List.of("sub-1"), view().barredSubscriptions());

    var paid = pay("full", invoice.invoice().taxIncludedAmount());
    assertTrue(paid.reply().isSuccess());
    List<DunningFact> facts = dunningFacts(paid.events());
    assertInstanceOf(DunningFact.ServiceUnbarred.class, facts.get(0));
    assertEquals(List.of("sub-1"), ((DunningFact.ServiceUnbarred) facts.get(0)).subscriptionIds());
    assertInstanceOf(DunningFact.EpisodeEnded.class, facts.get(1));
    assertEquals("normal", view().status());
    assertEquals(List.of(), view().barredSubscriptions());
    assertNull(view().nextEvaluation());
    assertEquals(List.of(), firedOn(DUE.plusDays(45)));
  }

  @Test
  void aCreditNoteOfTheWholeInvoiceEndsTheEpisodeAtOnce() {
    open("acc-1", false);
    IssuedInvoice invoice = issue(CYCLE, 1);
    firedOn(DUE.plusDays(1));
    firedOn(DUE.plusDays(22));
    assertEquals(List.of("sub-1"), view().barredSubscriptions());

    // the positive lines up to the invoice's net total (its discounts are not creditable)
    List<com.telco.billing.core.creditnote.CreditRequest> lines = new ArrayList<>();
    BigDecimal budget = invoice.invoice().taxExcludedAmount();
    for (int i = 0; i < invoice.invoice().lines().size() && budget.signum() > 0; i++) {
      BigDecimal amount = invoice.invoice().lines().get(i).amount().min(budget);
      if (amount.signum() > 0) {
        lines.add(new com.telco.billing.core.creditnote.CreditRequest(i + 1, amount, null));
        budget = budget.subtract(amount);
      }
    }
    var order =
        new com.telco.billing.protocol.invoice.CreditNoteOrder(
            invoice.number(),
            "cn-1",
            "fp",
            com.telco.billing.core.creditnote.CreditReason.ORDER_CANCELLATION,
            null,
            lines,
            null,
            false);
    var issued =
        kit.<StatusReply<com.telco.billing.protocol.invoice.CreditNoteResult>>runCommand(
            replyTo ->
                new AccountCommand.IssueCreditNote(
                    order, LocalDate.ofInstant(clock.instant(), BERLIN), 1, null, replyTo));
    assertTrue(issued.reply().isSuccess(), String.valueOf(issued.reply()));
    List<DunningFact> facts = dunningFacts(issued.events());
    assertInstanceOf(DunningFact.ServiceUnbarred.class, facts.get(0));
    assertInstanceOf(DunningFact.EpisodeEnded.class, facts.get(1));
    assertEquals("normal", view().status());
  }

  @Test
  void aPartialPaymentThatSettlesTheOldestInvoiceReanchorsOnTheNextOne() {
    open("acc-1", false);
    IssuedInvoice first = issue(CYCLE, 1);
    IssuedInvoice second = issue(CYCLE.plusMonths(1), 2);
    LocalDate secondDue = CYCLE.plusMonths(1).plusDays(14);
    // 37 days past the first due date, 6 past the second's
    assertEquals(List.of("reminder-1", "reminder-2", "suspend"), firedOn(secondDue.plusDays(6)));
    var paid = pay("first", first.invoice().taxIncludedAmount());
    assertTrue(paid.reply().isSuccess());
    DunningView after = view();
    assertEquals("in_dunning", after.status(), "the second invoice is still overdue");
    assertEquals(second.number(), after.oldestInvoice());
    assertEquals(6, after.daysPastDue());
    assertEquals(secondDue.plusDays(45), after.nextEvaluation());
    assertEquals(secondDue.plusDays(45), after.nextStep().date());
    assertEquals(List.of(), firedOn(DUE.plusDays(45)), "the old anchor's day 45 passes");
    assertEquals(List.of("terminate"), firedOn(secondDue.plusDays(45)));
  }

  @Test
  void aHoldPausesStepsWhichFireTogetherAfterIt() {
    open("acc-1", false);
    issue(CYCLE, 1);
    firedOn(DUE.plusDays(3));
    clock.set(DUE.plusDays(4));
    var held =
        kit.<StatusReply<DunningView>>runCommand(
                replyTo ->
                    new AccountCommand.PlaceDunningHold(
                        "HOLD-0000000000000001",
                        DUE.plusDays(25),
                        "customer promised to pay",
                        null,
                        replyTo))
            .reply()
            .getValue();
    assertEquals("held", held.status());
    assertEquals(DUE.plusDays(26), held.nextEvaluation());
    assertEquals(List.of(), firedOn(DUE.plusDays(10)));
    assertEquals(List.of(), firedOn(DUE.plusDays(25)));
    assertEquals(List.of("reminder-2", "suspend"), firedOn(DUE.plusDays(26)));
  }

  @Test
  void theLateFeeIsBilledOnTheNextInvoiceOnce() {
    open("acc-1", false);
    issue(CYCLE, 1);
    firedOn(DUE.plusDays(1));
    firedOn(DUE.plusDays(10));
    IssuedInvoice next = issue(CYCLE.plusMonths(1), 2);
    long feeLines =
        next.invoice().lines().stream()
            .filter(line -> line.description().contains("Late payment fee"))
            .count();
    assertEquals(1, feeLines);
    assertEquals(List.of(), view().pendingLateFees());
    IssuedInvoice third = issue(CYCLE.plusMonths(2), 3);
    assertFalse(
        third.invoice().lines().stream()
            .anyMatch(line -> line.description().contains("Late payment fee")));
  }

  @Test
  void stepsAlreadyDueWhenTheReceivablesChangeAreEvaluatedTheSameDay() {
    open("acc-1", false);
    issue(CYCLE, 1);
    // the driver has not come yet (an outage): a small payment on day 12 re-schedules for today
    clock.set(DUE.plusDays(12));
    assertTrue(pay("small", new BigDecimal("1.00")).reply().isSuccess());
    assertEquals(DUE.plusDays(12), state().dunning().nextEvaluation());
    assertEquals(List.of("reminder-1", "reminder-2"), firedOn(DUE.plusDays(12)));
    assertEquals(DUE.plusDays(21), state().dunning().nextEvaluation());
  }

  @Test
  void releasingAHoldEarlyFiresTheStepsDueTheSameDay() {
    open("acc-1", false);
    issue(CYCLE, 1);
    firedOn(DUE.plusDays(3));
    clock.set(DUE.plusDays(4));
    kit.<StatusReply<DunningView>>runCommand(
        replyTo ->
            new AccountCommand.PlaceDunningHold(
                "HOLD-0000000000000002", DUE.plusDays(60), "dispute call", null, replyTo));
    assertEquals(List.of(), firedOn(DUE.plusDays(30)));
    clock.set(DUE.plusDays(30));
    DunningView released =
        kit.<StatusReply<DunningView>>runCommand(
                replyTo ->
                    new AccountCommand.ReleaseDunningHold("HOLD-0000000000000002", null, replyTo))
            .reply()
            .getValue();
    assertEquals(DUE.plusDays(30), released.nextEvaluation(), "the driver comes today");
    assertEquals(List.of("reminder-2", "suspend"), firedOn(DUE.plusDays(30)));
  }

  @Test
  void aLateFeeWhoseTaxCategoryTheCatalogLacksIsNotCharged() {
    DunningPolicy unknownCategory =
        new DunningPolicy(
            "standard",
            1,
            "DEFAULT",
            null,
            POLICY.minimumOverdue(),
            POLICY.steps(),
            new LateFee(Map.of(EUR, new BigDecimal("5.00")), null, "LATEFEE", "Late payment fee"),
            POLICY.publishedAt());
    kit = kitFor("acc-y", sourceOf(unknownCategory));
    open("acc-y", false);
    issue(CYCLE, 1);
    firedOn(DUE.plusDays(1));
    assertEquals(List.of("reminder-1", "reminder-2"), firedOn(DUE.plusDays(10)));
    assertEquals(List.of(), view().pendingLateFees());
    IssuedInvoice next = issue(CYCLE.plusMonths(1), 2);
    assertTrue(next.invoice().taxIncludedAmount().signum() > 0, "the account is still invoiced");
  }

  @Test
  void anExemptAccountIsNeverDunned() {
    kit = kitFor("acc-x");
    open("acc-x", true);
    issue(CYCLE, 1);
    assertEquals(List.of(), firedOn(DUE.plusDays(50)));
    assertEquals("exempt", view().status());
    assertEquals(
        List.of("sub-1"),
        ((AccountView)
                kit.<StatusReply<AccountView>>runCommand(AccountCommand.GetAccount::new)
                    .reply()
                    .getValue())
            .subscriptions().stream().map(s -> s.subscriptionId()).toList());
  }
}
