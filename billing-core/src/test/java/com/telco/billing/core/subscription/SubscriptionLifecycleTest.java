package com.telco.billing.core.subscription;

import static com.telco.billing.core.subscription.Fixtures.ACTIVATION;
import static com.telco.billing.core.subscription.Fixtures.IMSI;
import static com.telco.billing.core.subscription.Fixtures.MSISDN;
import static com.telco.billing.core.subscription.Fixtures.MSISDN_2;
import static com.telco.billing.core.subscription.Fixtures.activation;
import static com.telco.billing.core.subscription.Fixtures.active;
import static com.telco.billing.core.subscription.Fixtures.applied;
import static com.telco.billing.core.subscription.Fixtures.appliedState;
import static com.telco.billing.core.subscription.Fixtures.assertAlreadyApplied;
import static com.telco.billing.core.subscription.Fixtures.assertRefused;
import static com.telco.billing.core.subscription.Fixtures.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionLifecycleTest {

  /** The date of the change under test in the transition table. */
  static final LocalDate CHANGE_DATE = date("2026-03-01");

  /** A subscription in the named state, its latest change dated 2026-02-01. */
  static Subscription inState(String state) {
    return switch (state) {
      case "ACTIVE" -> active();
      case "SUSPENDED" -> applied(active(), new SubscriptionChange.Suspend(date("2026-02-01")));
      case "RESUMED" ->
          applied(
              active(),
              new SubscriptionChange.Suspend(date("2026-01-20")),
              new SubscriptionChange.Resume(date("2026-02-01")));
      case "CHANGED" ->
          applied(active(), new SubscriptionChange.ChangeOffering("plus", date("2026-02-01")));
      case "TERMINATED" -> applied(active(), new SubscriptionChange.Terminate(date("2026-02-01")));
      case "TERMINATION_SCHEDULED" ->
          applied(active(), new SubscriptionChange.Terminate(date("2026-12-31")));
      default -> throw new IllegalArgumentException(state);
    };
  }

  /** A change of the named kind on {@code date}; SAME_OFFERING names the offering in force. */
  static SubscriptionChange change(String kind, Subscription s, LocalDate date) {
    return switch (kind) {
      case "CHANGE_OFFERING" -> new SubscriptionChange.ChangeOffering("premium", date);
      case "SAME_OFFERING" -> new SubscriptionChange.ChangeOffering(s.latestOfferingId(), date);
      case "SUSPEND" -> new SubscriptionChange.Suspend(date);
      case "RESUME" -> new SubscriptionChange.Resume(date);
      case "TERMINATE" -> new SubscriptionChange.Terminate(date);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @Nested
  class Transitions {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
      // from,                change,          result: status after (applied) or refusal code
      "ACTIVE,                CHANGE_OFFERING, ACTIVE",
      "ACTIVE,                SAME_OFFERING,   same_offering",
      "ACTIVE,                SUSPEND,         SUSPENDED",
      "ACTIVE,                RESUME,          not_suspended",
      "ACTIVE,                TERMINATE,       TERMINATED",
      "CHANGED,               CHANGE_OFFERING, ACTIVE",
      "CHANGED,               SAME_OFFERING,   same_offering",
      "CHANGED,               SUSPEND,         SUSPENDED",
      "CHANGED,               RESUME,          not_suspended",
      "CHANGED,               TERMINATE,       TERMINATED",
      "SUSPENDED,             CHANGE_OFFERING, SUSPENDED",
      "SUSPENDED,             SAME_OFFERING,   same_offering",
      "SUSPENDED,             SUSPEND,         already_suspended",
      "SUSPENDED,             RESUME,          ACTIVE",
      "SUSPENDED,             TERMINATE,       TERMINATED",
      "RESUMED,               CHANGE_OFFERING, ACTIVE",
      "RESUMED,               SAME_OFFERING,   same_offering",
      "RESUMED,               SUSPEND,         SUSPENDED",
      "RESUMED,               RESUME,          not_suspended",
      "RESUMED,               TERMINATE,       TERMINATED",
      "TERMINATED,            CHANGE_OFFERING, subscription_terminated",
      "TERMINATED,            SAME_OFFERING,   subscription_terminated",
      "TERMINATED,            SUSPEND,         subscription_terminated",
      "TERMINATED,            RESUME,          subscription_terminated",
      "TERMINATED,            TERMINATE,       subscription_terminated",
      "TERMINATION_SCHEDULED, CHANGE_OFFERING, subscription_terminated",
      "TERMINATION_SCHEDULED, SAME_OFFERING,   subscription_terminated",
      "TERMINATION_SCHEDULED, SUSPEND,         subscription_terminated",
      "TERMINATION_SCHEDULED, RESUME,          subscription_terminated",
      "TERMINATION_SCHEDULED, TERMINATE,       subscription_terminated",
    })
    void everyTransitionFromEveryStatus(String from, String kind, String expected) {
      Subscription before = inState(from);
      SubscriptionChange change = change(kind, before, CHANGE_DATE);
      Decision<Subscription> decision = SubscriptionLifecycle.apply(before, change);
      if (expected.equals(expected.toLowerCase())) {
        assertRefused(expected, decision);
        return;
      }
      Subscription after = appliedState(decision);
      SubscriptionStatus status = SubscriptionStatus.valueOf(expected);
      assertEquals(status, after.statusOn(CHANGE_DATE));
      assertEquals(
          before.statusOn(CHANGE_DATE.minusDays(1)), after.statusOn(CHANGE_DATE.minusDays(1)));
      // the history is kept and exactly one entry, with the exact date, is added
      assertEquals(before.history(), after.history().subList(0, before.history().size()));
      assertEquals(
          new StatusChange(
              CHANGE_DATE,
              change.kind(),
              status,
              change instanceof SubscriptionChange.ChangeOffering o
                  ? o.offeringId()
                  : before.latestOfferingId()),
          after.latest());
      assertEquals(before.history().size() + 1, after.history().size());
    }

    @ParameterizedTest(name = "a change on the same date as the latest one ({0}) is accepted")
    @ValueSource(strings = {"CHANGE_OFFERING", "SUSPEND", "TERMINATE"})
    void aChangeOnTheDateOfTheLatestChangeIsAccepted(String kind) {
      Subscription changed = inState("CHANGED");
      LocalDate sameDay = changed.latest().effectiveDate();
      appliedState(SubscriptionLifecycle.apply(changed, change(kind, changed, sameDay)));
    }

    @Test
    void changesOnOneDateComposeInTheirOrder() {
      Subscription s =
          applied(
              active(),
              new SubscriptionChange.Suspend(CHANGE_DATE),
              new SubscriptionChange.ChangeOffering("premium", CHANGE_DATE));
      assertEquals(SubscriptionStatus.SUSPENDED, s.statusOn(CHANGE_DATE));
      assertEquals(Optional.of("premium"), s.offeringOn(CHANGE_DATE));
      assertEquals(Optional.of("basic"), s.offeringOn(CHANGE_DATE.minusDays(1)));
    }
  }

  @Nested
  class Dates {

    @ParameterizedTest(name = "{0} dated the day before activation is refused")
    @ValueSource(strings = {"CHANGE_OFFERING", "SAME_OFFERING", "SUSPEND", "RESUME", "TERMINATE"})
    void nothingBeforeTheActivationDate(String kind) {
      Subscription s = active();
      assertRefused(
          "date_before_activation",
          SubscriptionLifecycle.apply(s, change(kind, s, ACTIVATION.minusDays(1))));
    }

    @ParameterizedTest(name = "{0} of a pending subscription dated before activation is refused")
    @ValueSource(strings = {"CHANGE_OFFERING", "SUSPEND", "RESUME", "TERMINATE"})
    void nothingBeforeAFutureActivationDate(String kind) {
      Subscription pending = Subscription.activated(activation("s9", "basic", date("2027-05-01")));
      assertRefused(
          "date_before_activation",
          SubscriptionLifecycle.apply(pending, change(kind, pending, date("2027-04-30"))));
    }

    @ParameterizedTest(name = "{0} on the activation date: {1}")
    @CsvSource({
      "CHANGE_OFFERING, ACTIVE",
      "SUSPEND,         SUSPENDED",
      "RESUME,          not_suspended",
      "TERMINATE,       TERMINATED"
    })
    void changesOnTheActivationDate(String kind, String expected) {
      Subscription s = active();
      Decision<Subscription> decision = SubscriptionLifecycle.apply(s, change(kind, s, ACTIVATION));
      if (expected.equals(expected.toLowerCase())) {
        assertRefused(expected, decision);
      } else {
        assertEquals(
            SubscriptionStatus.valueOf(expected), appliedState(decision).statusOn(ACTIVATION));
      }
    }

    @ParameterizedTest(name = "{0} dated before the latest change is refused")
    @ValueSource(strings = {"CHANGE_OFFERING", "SAME_OFFERING", "SUSPEND", "RESUME", "TERMINATE"})
    void changesArriveInDateOrder(String kind) {
      Subscription suspended = inState("SUSPENDED");
      assertRefused(
          "date_before_last_change",
          SubscriptionLifecycle.apply(suspended, change(kind, suspended, date("2026-01-31"))));
    }

    @Test
    void aFutureTerminationIsRecordedAndEndsTheSubscriptionOnItsDate() {
      Subscription s =
          appliedState(
              SubscriptionLifecycle.apply(
                  active(), new SubscriptionChange.Terminate(date("2026-06-30"))));
      assertEquals(SubscriptionStatus.ACTIVE, s.statusOn(date("2026-06-29")));
      assertEquals(SubscriptionStatus.TERMINATED, s.statusOn(date("2026-06-30")));
      assertEquals(Optional.of(date("2026-06-30")), s.terminationDate());
      // nothing after a scheduled termination, before or after its date
      assertRefused(
          "subscription_terminated",
          SubscriptionLifecycle.apply(s, new SubscriptionChange.Suspend(date("2026-05-01"))));
      assertRefused(
          "subscription_terminated",
          SubscriptionLifecycle.apply(
              s, new SubscriptionChange.ChangeOffering("premium", date("2026-07-01"))));
      assertRefused(
          "subscription_terminated",
          SubscriptionLifecycle.apply(s, new SubscriptionChange.Terminate(date("2026-05-31"))));
      assertAlreadyApplied(
          s, SubscriptionLifecycle.apply(s, new SubscriptionChange.Terminate(date("2026-06-30"))));
    }

    @Test
    void aPendingSubscriptionCanBeTerminatedOnItsActivationDate() {
      Subscription pending = Subscription.activated(activation("s9", "basic", date("2027-05-01")));
      Subscription cancelled =
          appliedState(
              SubscriptionLifecycle.apply(
                  pending, new SubscriptionChange.Terminate(date("2027-05-01"))));
      assertEquals(SubscriptionStatus.PENDING, cancelled.statusOn(date("2027-04-30")));
      assertEquals(SubscriptionStatus.TERMINATED, cancelled.statusOn(date("2027-05-01")));
      assertTrue(cancelled.lifetime().hasNoDates());
      assertEquals(List.of(), cancelled.activeIntervals());
      assertEquals(List.of(), cancelled.offeringPeriods());
    }
  }

  @Nested
  class Idempotency {

    @ParameterizedTest(name = "{0} + {1} repeated is already applied")
    @CsvSource({
      "ACTIVE,    CHANGE_OFFERING",
      "ACTIVE,    SUSPEND",
      "ACTIVE,    TERMINATE",
      "SUSPENDED, CHANGE_OFFERING",
      "SUSPENDED, RESUME",
      "SUSPENDED, TERMINATE",
    })
    void theSameChangeAgainIsAlreadyApplied(String from, String kind) {
      Subscription before = inState(from);
      SubscriptionChange change = change(kind, before, CHANGE_DATE);
      Subscription after = appliedState(SubscriptionLifecycle.apply(before, change));
      assertAlreadyApplied(after, SubscriptionLifecycle.apply(after, change));
    }

    @Test
    void aRepeatOfAnEarlierChangeAfterLaterOnesIsStillAlreadyApplied() {
      SubscriptionChange suspend = new SubscriptionChange.Suspend(date("2026-02-01"));
      SubscriptionChange change = new SubscriptionChange.ChangeOffering("plus", date("2026-02-05"));
      SubscriptionChange resume = new SubscriptionChange.Resume(date("2026-02-10"));
      SubscriptionChange terminate = new SubscriptionChange.Terminate(date("2026-03-01"));
      Subscription s = applied(active(), suspend, change, resume, terminate);
      for (SubscriptionChange repeat : List.of(suspend, change, resume, terminate)) {
        assertAlreadyApplied(s, SubscriptionLifecycle.apply(s, repeat));
      }
    }

    @Test
    void aDifferentChangeAtTheSamePointIsNotARepeat() {
      Subscription changed =
          applied(active(), new SubscriptionChange.ChangeOffering("plus", CHANGE_DATE));
      // same kind and date, other offering: a new change, accepted in date order
      Subscription again =
          appliedState(
              SubscriptionLifecycle.apply(
                  changed, new SubscriptionChange.ChangeOffering("premium", CHANGE_DATE)));
      assertEquals(Optional.of("premium"), again.offeringOn(CHANGE_DATE));
      Subscription suspended = inState("SUSPENDED");
      assertRefused(
          "already_suspended",
          SubscriptionLifecycle.apply(
              suspended, new SubscriptionChange.Suspend(date("2026-02-02"))));
      Subscription terminated = inState("TERMINATED");
      assertRefused(
          "subscription_terminated",
          SubscriptionLifecycle.apply(
              terminated, new SubscriptionChange.Terminate(date("2026-02-02"))));
    }
  }

  @Nested
  class Activation {

    @Test
    void activatesWithTheReportedDateAndOffering() {
      Subscription s =
          appliedState(
              SubscriptionLifecycle.activate(List.of(), activation("s1", "basic", ACTIVATION)));
      assertEquals("s1", s.subscriptionId());
      assertEquals(List.of(MSISDN, IMSI), s.serviceIds());
      assertEquals(ACTIVATION, s.activationDate());
      assertEquals(
          List.of(
              new StatusChange(
                  ACTIVATION, ChangeKind.ACTIVATED, SubscriptionStatus.ACTIVE, "basic")),
          s.history());
    }

    @Test
    void aFutureActivationIsPendingUntilItsDate() {
      LocalDate future = date("2027-02-01");
      Subscription s =
          appliedState(
              SubscriptionLifecycle.activate(List.of(), activation("s1", "basic", future)));
      assertEquals(SubscriptionStatus.PENDING, s.statusOn(date("2027-01-31")));
      assertEquals(Optional.empty(), s.offeringOn(date("2027-01-31")));
      assertEquals(SubscriptionStatus.ACTIVE, s.statusOn(future));
      assertEquals(Optional.of("basic"), s.offeringOn(future));
      assertEquals(List.of(DateRange.startingOn(future)), s.activeIntervals());
    }

    @Test
    void theSameActivationAgainIsAlreadyAppliedWhateverHappenedSince() {
      Subscription s = active();
      ActivateSubscription sameInOtherOrder =
          new ActivateSubscription("s1", "basic", List.of(IMSI, MSISDN), ACTIVATION);
      assertAlreadyApplied(s, SubscriptionLifecycle.activate(List.of(s), sameInOtherOrder));
      Subscription terminated = inState("TERMINATED");
      assertAlreadyApplied(
          terminated,
          SubscriptionLifecycle.activate(
              List.of(terminated), activation("s1", "basic", ACTIVATION)));
    }

    @ParameterizedTest(name = "activating s1 again with other {0} is refused")
    @ValueSource(strings = {"date", "offering", "serviceIds"})
    void noActivationTwice(String difference) {
      ActivateSubscription other =
          switch (difference) {
            case "date" -> activation("s1", "basic", ACTIVATION.plusDays(1));
            case "offering" -> activation("s1", "premium", ACTIVATION);
            default -> new ActivateSubscription("s1", "basic", List.of(MSISDN), ACTIVATION);
          };
      Decision<Subscription> decision = SubscriptionLifecycle.activate(List.of(active()), other);
      assertRefused("subscription_already_activated", decision);
      assertEquals("subscriptionId", ((Decision.Refused<Subscription>) decision).field());
    }

    @Test
    void anIdentifierHeldByAnotherSubscriptionOfTheAccountIsRefused() {
      Subscription s1 = active();
      Decision<Subscription> decision =
          SubscriptionLifecycle.activate(
              List.of(s1), activation("s2", date("2026-06-01"), MSISDN_2, IMSI));
      assertRefused("service_in_use", decision);
      Decision.Refused<Subscription> refused = (Decision.Refused<Subscription>) decision;
      assertEquals("serviceIds[1]", refused.field());
      assertTrue(refused.message().contains("s1"), refused.message());
    }

    @ParameterizedTest(name = "s1 holds the number over {0}..{1}; s2 from {2}: {3}")
    @CsvSource({
      // terminated s1: the number is free from the termination date on
      "2026-01-10, 2026-03-01, 2026-03-01, applied",
      "2026-01-10, 2026-03-01, 2026-04-15, applied",
      "2026-01-10, 2026-03-01, 2026-02-28, service_in_use",
      "2026-01-10, 2026-03-01, 2025-12-01, service_in_use",
      // s1 with a future activation: s2 from any earlier date would still hold it then
      "2026-05-01, ,           2026-03-01, service_in_use",
      // s1 terminated on its activation date never held it
      "2026-01-10, 2026-01-10, 2026-01-10, applied",
      "2026-01-10, 2026-01-10, 2025-12-01, applied",
      // a termination scheduled in the future already frees the number from its date
      "2026-01-10, 2026-12-31, 2027-01-01, applied",
      "2026-01-10, 2026-12-31, 2026-12-30, service_in_use",
    })
    void numbersAreRecycledWithinTheAccountAfterTermination(
        LocalDate s1From, LocalDate s1Until, LocalDate s2From, String expected) {
      Subscription s1 = Subscription.activated(activation("s1", s1From, MSISDN));
      if (s1Until != null) {
        s1 = applied(s1, new SubscriptionChange.Terminate(s1Until));
      }
      Decision<Subscription> decision =
          SubscriptionLifecycle.activate(List.of(s1), activation("s2", s2From, MSISDN));
      if (expected.equals("applied")) {
        assertInstanceOf(Decision.Applied.class, decision, decision::toString);
      } else {
        assertRefused(expected, decision);
      }
    }

    @Test
    void otherIdentifiersOfTheAccountDoNotConflict() {
      appliedState(
          SubscriptionLifecycle.activate(
              List.of(active()), activation("s2", ACTIVATION, MSISDN_2)));
    }
  }

  @Nested
  class AccountLevel {

    @Test
    void changesAnExistingSubscriptionByIdOrRefusesAnUnknownOne() {
      Subscription s1 = active();
      Subscription s2 = Subscription.activated(activation("s2", ACTIVATION, MSISDN_2));
      Subscription changed =
          appliedState(
              SubscriptionLifecycle.change(
                  List.of(s1, s2), "s2", new SubscriptionChange.Suspend(CHANGE_DATE)));
      assertEquals("s2", changed.subscriptionId());
      assertEquals(SubscriptionStatus.SUSPENDED, changed.statusOn(CHANGE_DATE));
      Decision<Subscription> unknown =
          SubscriptionLifecycle.change(
              List.of(s1, s2), "s3", new SubscriptionChange.Suspend(CHANGE_DATE));
      assertRefused("subscription_not_found", unknown);
      assertEquals(Optional.of(s2), SubscriptionLifecycle.lookup(List.of(s1, s2), "s2"));
    }

    @Test
    void replayingAcceptedChangesWithWithChangeGivesTheDecidedState() {
      // the event handler side: Subscription.activated + withChange, without the rules
      List<SubscriptionChange> events =
          List.of(
              new SubscriptionChange.ChangeOffering("plus", date("2026-02-01")),
              new SubscriptionChange.Suspend(date("2026-02-15")),
              new SubscriptionChange.Resume(date("2026-03-01")),
              new SubscriptionChange.Terminate(date("2026-04-30")));
      Subscription decided = active();
      Subscription replayed = Subscription.activated(activation("s1", "basic", ACTIVATION));
      for (SubscriptionChange event : events) {
        decided = appliedState(SubscriptionLifecycle.apply(decided, event));
        replayed = replayed.withChange(event);
        assertEquals(decided, replayed);
      }
    }
  }
}
