package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.node.guiding.GuidingJournal;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.telco.billing.protocol.http.OpenAccountRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountEntityTest {
  /** In-memory journal, our serialization bindings; the testkit verifies serialization. */
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  /** The sample catalog (effective 2026-01-01, offerings MOBILE_S, MOBILE_M, PRESS_PLUS). */
  private static final com.telco.billing.core.catalog.Catalog CATALOG =
      com.telco.billing.core.catalog.Catalog.EMPTY.withVersion(
          com.telco.billing.node.catalog.SampleCatalog.validated(
              com.telco.billing.node.catalog.SampleCatalog.document()));

  private final EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(),
          AccountEntity.create(
              "acc-1",
              Clock.fixed(NOW, ZoneOffset.UTC),
              new com.telco.billing.node.catalog.RatingCatalog(() -> CATALOG),
              java.time.Duration.ofDays(45),
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

  /** The request the commands of these tests come with. */
  private static final Origin ORIGIN = new Origin("order-desk", "req-1");

  static AccountProfile profile(String id, String currency) {
    return new OpenAccountRequest(
            id, "Jane Doe", currency, 5, "Europe/Berlin", "DE", false, 14, "tok_1", null)
        .validate()
        .value();
  }

  @Test
  void opensAnAccountOnce() {
    CommandResultWithReply<
            AccountCommand, AccountEvent, AccountState, StatusReply<OpenAccountResult>>
        result =
            kit.runCommand(
                replyTo ->
                    new AccountCommand.OpenAccount(profile("acc-1", "EUR"), ORIGIN, replyTo));
    assertEquals(
        AccountJournal.accountOpened(profile("acc-1", "EUR"), NOW, ORIGIN), result.event());
    assertEquals(ORIGIN, ((AccountEvent.AccountOpened) result.event()).origin());
    assertTrue(result.reply().getValue().created());
    assertEquals(
        new AccountState.Open(
            profile("acc-1", "EUR"),
            NOW,
            java.util.Map.of(),
            com.telco.billing.core.usage.UsageBook.EMPTY,
            com.telco.billing.core.dedupe.DedupeWindow.empty(),
            com.telco.billing.core.invoice.BillingHistory.EMPTY,
            java.util.List.of()),
        result.state());
  }

  @Test
  void repeatingTheSameOpenIsIdempotent() {
    open(profile("acc-1", "EUR"));
    var again = open(profile("acc-1", "EUR"));
    assertTrue(again.hasNoEvents());
    assertFalse(again.reply().getValue().created());
    assertEquals(NOW, again.reply().getValue().account().openedAt());
  }

  @Test
  void reusingTheIdWithDifferentDataIsAConflict() {
    open(profile("acc-1", "EUR"));
    var conflict = open(profile("acc-1", "USD"));
    assertTrue(conflict.hasNoEvents());
    assertEquals(RefusalCode.ACCOUNT_CONFLICT, refusal(conflict.reply()).code());
  }

  @Test
  void aCommandForAnotherIdIsRefused() {
    var wrong = open(profile("acc-2", "EUR"));
    assertTrue(wrong.hasNoEvents());
    assertEquals(RefusalCode.ACCOUNT_ID_MISMATCH, refusal(wrong.reply()).code());
  }

  @Test
  void readingAnUnopenedAccountIsNotFound() {
    var read = kit.<StatusReply<AccountView>>runCommand(AccountCommand.GetAccount::new);
    assertEquals(RefusalCode.ACCOUNT_NOT_FOUND, refusal(read.reply()).code());
  }

  @Test
  void theAccountSurvivesARestart() {
    open(profile("acc-1", "EUR"));
    kit.restart();
    var read = kit.<StatusReply<AccountView>>runCommand(AccountCommand.GetAccount::new);
    assertEquals(
        new AccountView(profile("acc-1", "EUR"), NOW, java.util.List.of()),
        read.reply().getValue());
  }

  private static final com.telco.billing.core.subscription.ActivateSubscription ACTIVATION =
      new com.telco.billing.core.subscription.ActivateSubscription(
          "sub-1",
          "MOBILE_S",
          java.util.List.of(com.telco.billing.core.subscription.ServiceId.msisdn("+4915100000001")),
          java.time.LocalDate.of(2026, 12, 1));

  @Test
  void planningAnActivationRecordsNothingAndNamesTheClaims() {
    open(profile("acc-1", "EUR"));
    var plan =
        kit.<StatusReply<com.telco.billing.protocol.account.ActivationPlan>>runCommand(
            replyTo -> new AccountCommand.PlanActivation(ACTIVATION, replyTo));
    assertTrue(plan.hasNoEvents());
    var claim = plan.reply().getValue().claims().get(0);
    // 2026-12-01 00:00 in Europe/Berlin
    assertEquals(Instant.parse("2026-11-30T23:00:00Z"), claim.from());
    assertEquals("acc-1", claim.accountId());
    assertFalse(plan.reply().getValue().alreadyActivated());
  }

  @Test
  void activatesOnceAndRecordsTheClaimsInTheEvent() {
    open(profile("acc-1", "EUR"));
    var activated = activate();
    assertTrue(activated.reply().getValue().changed());
    var event = (AccountEvent.SubscriptionActivated) activated.event();
    assertEquals(ACTIVATION, AccountJournal.toActivation(event.activation()));
    assertEquals(Instant.parse("2026-11-30T23:00:00Z"), event.claims().get(0).from());
    assertEquals(ORIGIN, event.origin());

    var repeated = activate();
    assertTrue(repeated.hasNoEvents());
    assertFalse(repeated.reply().getValue().changed());
  }

  @Test
  void changesFollowTheLifecycleRules() {
    open(profile("acc-1", "EUR"));
    activate();
    var suspended =
        change(
            new com.telco.billing.core.subscription.SubscriptionChange.Suspend(
                java.time.LocalDate.of(2026, 12, 10)));
    assertTrue(suspended.reply().getValue().changed());
    assertEquals(ORIGIN, ((AccountEvent.SubscriptionChanged) suspended.event()).origin());
    var terminated =
        change(
            new com.telco.billing.core.subscription.SubscriptionChange.Terminate(
                java.time.LocalDate.of(2026, 12, 20)));
    var releases = terminated.reply().getValue().releases();
    assertEquals(Instant.parse("2026-12-19T23:00:00Z"), releases.get(0).at());
    assertEquals(
        releases,
        GuidingJournal.toReleases(
            ((AccountEvent.SubscriptionChanged) terminated.event()).releases()));
    assertEquals(ORIGIN, ((AccountEvent.SubscriptionChanged) terminated.event()).origin());

    var resumeAfterTermination =
        change(
            new com.telco.billing.core.subscription.SubscriptionChange.Resume(
                java.time.LocalDate.of(2026, 12, 21)));
    assertTrue(resumeAfterTermination.hasNoEvents());
    assertEquals(
        RefusalCode.SUBSCRIPTION_TERMINATED, refusal(resumeAfterTermination.reply()).code());

    var beforeActivation =
        change(
            new com.telco.billing.core.subscription.SubscriptionChange.Suspend(
                java.time.LocalDate.of(2026, 11, 1)));
    assertTrue(beforeActivation.reply().isError());

    kit.restart();
    var read = kit.<StatusReply<AccountView>>runCommand(AccountCommand.GetAccount::new);
    var sub = read.reply().getValue().subscriptions().get(0);
    assertEquals(java.time.LocalDate.of(2026, 12, 20), sub.terminationDate().orElseThrow());
    assertEquals(3, sub.history().size());
  }

  @Test
  void onlyOfferingsOfTheCatalogInEffectCanBeSubscribed() {
    open(profile("acc-1", "EUR"));
    var unknown =
        kit.<StatusReply<com.telco.billing.protocol.account.SubscriptionResult>>runCommand(
            replyTo ->
                new AccountCommand.ActivateSubscription(
                    new com.telco.billing.core.subscription.ActivateSubscription(
                        "sub-9",
                        "NO_SUCH_PLAN",
                        ACTIVATION.serviceIds(),
                        ACTIVATION.activationDate()),
                    ORIGIN,
                    replyTo));
    assertTrue(unknown.hasNoEvents());
    assertEquals(RefusalCode.UNKNOWN_OFFERING, refusal(unknown.reply()).code());
    var beforeTheCatalog =
        kit.<StatusReply<com.telco.billing.protocol.account.SubscriptionResult>>runCommand(
            replyTo ->
                new AccountCommand.ActivateSubscription(
                    new com.telco.billing.core.subscription.ActivateSubscription(
                        "sub-9",
                        "MOBILE_S",
                        ACTIVATION.serviceIds(),
                        java.time.LocalDate.of(2025, 12, 31)),
                    ORIGIN,
                    replyTo));
    assertEquals(RefusalCode.UNKNOWN_OFFERING, refusal(beforeTheCatalog.reply()).code());
    activate();
    var toUnknown =
        change(
            new com.telco.billing.core.subscription.SubscriptionChange.ChangeOffering(
                "NO_SUCH_PLAN", java.time.LocalDate.of(2026, 12, 5)));
    assertEquals(RefusalCode.UNKNOWN_OFFERING, refusal(toUnknown.reply()).code());
    var toKnown =
        change(
            new com.telco.billing.core.subscription.SubscriptionChange.ChangeOffering(
                "MOBILE_M", java.time.LocalDate.of(2026, 12, 5)));
    assertTrue(toKnown.reply().getValue().changed());
  }

  private static com.telco.billing.core.rating.UsageRecord voice(String id, String seconds) {
    return new com.telco.billing.protocol.http.UsageRecordDraft(
            id,
            "msc-1",
            "MSISDN",
            "+4915100000001",
            "VOICE",
            "2026-12-03T10:00:00Z",
            seconds,
            "s",
            java.util.Map.of("zone", "NATIONAL"),
            null)
        .validate(Instant.parse("2026-12-03T12:00:00Z"))
        .value();
  }

  @Test
  void usageIsRatedOncePersistedAsOneEventAndDuplicatesAreNeverChargedAgain() {
    open(profile("acc-1", "EUR"));
    activate();
    var first =
        kit.<StatusReply<com.telco.billing.protocol.usage.RateUsageResult>>runCommand(
            replyTo ->
                new AccountCommand.RateUsage(
                    java.util.List.of(voice("r1", "61"), voice("r2", "30"), voice("r1", "61")),
                    java.util.List.of(new Origin.Span(ORIGIN, 3)),
                    replyTo));
    var outcomes = first.reply().getValue().outcomes();
    assertEquals(
        java.util.List.of("ACCEPTED", "ACCEPTED", "DUPLICATE"),
        outcomes.stream().map(o -> o.status().name()).toList(),
        outcomes.toString());
    var event = (AccountEvent.UsageRated) first.event();
    assertEquals(2, event.usage().size());
    assertEquals(java.util.List.of(new Origin.Span(ORIGIN, 2)), event.origins());

    kit.restart();
    var again =
        kit.<StatusReply<com.telco.billing.protocol.usage.RateUsageResult>>runCommand(
            replyTo ->
                new AccountCommand.RateUsage(
                    java.util.List.of(voice("r1", "61"), voice("r2", "30")),
                    java.util.List.of(new Origin.Span(ORIGIN, 2)),
                    replyTo));
    assertTrue(again.hasNoEvents(), "all duplicates after a restart");
    assertTrue(
        again.reply().getValue().outcomes().stream()
            .allMatch(
                o -> o.status() == com.telco.billing.protocol.usage.UsageOutcome.Status.DUPLICATE));
  }

  @Test
  void usageOfMergedRequestsNamesEachRequestOverItsAcceptedRecords() {
    open(profile("acc-1", "EUR"));
    activate();
    Origin first = new Origin("mediation-a", "req-a");
    Origin second = new Origin("mediation-b", "req-b");
    // the second request repeats r1 (a duplicate, not in the event) before its own record
    var rated =
        kit.<StatusReply<com.telco.billing.protocol.usage.RateUsageResult>>runCommand(
            replyTo ->
                new AccountCommand.RateUsage(
                    java.util.List.of(
                        voice("r1", "61"), voice("r2", "30"), voice("r1", "61"), voice("r3", "5")),
                    java.util.List.of(new Origin.Span(first, 2), new Origin.Span(second, 2)),
                    replyTo));
    var event = (AccountEvent.UsageRated) rated.event();
    assertEquals(
        java.util.List.of("r1", "r2", "r3"),
        event.usage().stream().map(u -> u.recordId()).toList());
    assertEquals(
        java.util.List.of(new Origin.Span(first, 2), new Origin.Span(second, 1)), event.origins());
  }

  @Test
  void usageWithoutAnOriginIsRecordedWithNone() {
    open(profile("acc-1", "EUR"));
    activate();
    var rated =
        kit.<StatusReply<com.telco.billing.protocol.usage.RateUsageResult>>runCommand(
            replyTo ->
                new AccountCommand.RateUsage(
                    java.util.List.of(voice("r1", "61")), java.util.List.of(), replyTo));
    assertEquals(java.util.List.of(), ((AccountEvent.UsageRated) rated.event()).origins());
  }

  @Test
  void subscriptionCommandsOnAnUnopenedAccountAreNotFound() {
    assertEquals(RefusalCode.ACCOUNT_NOT_FOUND, refusal(activate().reply()).code());
  }

  private CommandResultWithReply<
          AccountCommand,
          AccountEvent,
          AccountState,
          StatusReply<com.telco.billing.protocol.account.SubscriptionResult>>
      activate() {
    return kit.runCommand(
        replyTo -> new AccountCommand.ActivateSubscription(ACTIVATION, ORIGIN, replyTo));
  }

  private CommandResultWithReply<
          AccountCommand,
          AccountEvent,
          AccountState,
          StatusReply<com.telco.billing.protocol.account.SubscriptionResult>>
      change(com.telco.billing.core.subscription.SubscriptionChange change) {
    return kit.runCommand(
        replyTo -> new AccountCommand.ChangeSubscription("sub-1", change, ORIGIN, replyTo));
  }

  private CommandResultWithReply<
          AccountCommand, AccountEvent, AccountState, StatusReply<OpenAccountResult>>
      open(AccountProfile profile) {
    return kit.runCommand(replyTo -> new AccountCommand.OpenAccount(profile, ORIGIN, replyTo));
  }

  private static Refusal refusal(StatusReply<?> reply) {
    assertTrue(reply.isError(), "expected a refusal, got " + reply);
    return ((RefusedException) reply.getError()).refusal();
  }
}
