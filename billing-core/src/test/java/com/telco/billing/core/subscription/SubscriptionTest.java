package com.telco.billing.core.subscription;

import static com.telco.billing.core.subscription.Fixtures.IMSI;
import static com.telco.billing.core.subscription.Fixtures.MSISDN;
import static com.telco.billing.core.subscription.Fixtures.MSISDN_2;
import static com.telco.billing.core.subscription.Fixtures.activation;
import static com.telco.billing.core.subscription.Fixtures.active;
import static com.telco.billing.core.subscription.Fixtures.applied;
import static com.telco.billing.core.subscription.Fixtures.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.validation.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dated views proration reads: every lifecycle date is kept exactly as reported. */
class SubscriptionTest {

  /**
   * Activated 2026-02-28 on basic; premium from 2026-03-15; suspended 2026-04-01; resumed
   * 2026-04-10; terminated 2026-05-31 (last day of service 2026-05-30).
   */
  static Subscription lifeOfASubscription() {
    return applied(
        Subscription.activated(activation("s1", "basic", date("2026-02-28"))),
        new SubscriptionChange.ChangeOffering("premium", date("2026-03-15")),
        new SubscriptionChange.Suspend(date("2026-04-01")),
        new SubscriptionChange.Resume(date("2026-04-10")),
        new SubscriptionChange.Terminate(date("2026-05-31")));
  }

  @ParameterizedTest(name = "on {0}: {1}, offering {2}")
  @CsvSource({
    "2026-02-27, PENDING,    ",
    "2026-02-28, ACTIVE,     basic",
    "2026-03-14, ACTIVE,     basic",
    "2026-03-15, ACTIVE,     premium",
    "2026-03-31, ACTIVE,     premium",
    "2026-04-01, SUSPENDED,  premium",
    "2026-04-09, SUSPENDED,  premium",
    "2026-04-10, ACTIVE,     premium",
    "2026-05-30, ACTIVE,     premium",
    "2026-05-31, TERMINATED, ",
    "2030-01-01, TERMINATED, ",
  })
  void statusAndOfferingOnEveryBoundary(LocalDate day, SubscriptionStatus status, String offering) {
    Subscription s = lifeOfASubscription();
    assertEquals(status, s.statusOn(day));
    assertEquals(Optional.ofNullable(offering), s.offeringOn(day));
  }

  @Test
  void offeringPeriodsEndAndStartOnTheChangeDate() {
    assertEquals(
        List.of(
            new OfferingPeriod("basic", DateRange.of(date("2026-02-28"), date("2026-03-15"))),
            new OfferingPeriod("premium", DateRange.of(date("2026-03-15"), date("2026-05-31")))),
        lifeOfASubscription().offeringPeriods());
  }

  @Test
  void statusPeriodsCoverEveryDateFromActivation() {
    assertEquals(
        List.of(
            new StatusPeriod(
                SubscriptionStatus.ACTIVE, DateRange.of(date("2026-02-28"), date("2026-04-01"))),
            new StatusPeriod(
                SubscriptionStatus.SUSPENDED, DateRange.of(date("2026-04-01"), date("2026-04-10"))),
            new StatusPeriod(
                SubscriptionStatus.ACTIVE, DateRange.of(date("2026-04-10"), date("2026-05-31"))),
            new StatusPeriod(
                SubscriptionStatus.TERMINATED, DateRange.startingOn(date("2026-05-31")))),
        lifeOfASubscription().statusPeriods());
  }

  @Test
  void activeSuspendedIntervalsAndLifetime() {
    Subscription s = lifeOfASubscription();
    assertEquals(
        List.of(
            DateRange.of(date("2026-02-28"), date("2026-04-01")),
            DateRange.of(date("2026-04-10"), date("2026-05-31"))),
        s.activeIntervals());
    assertEquals(
        List.of(DateRange.of(date("2026-04-01"), date("2026-04-10"))), s.suspendedIntervals());
    assertEquals(DateRange.of(date("2026-02-28"), date("2026-05-31")), s.lifetime());
    assertEquals(Optional.of(date("2026-05-31")), s.terminationDate());
    assertEquals("basic", s.initialOfferingId());
    assertEquals("premium", s.latestOfferingId());
  }

  @Test
  void datesAreKeptExactlyAsReported() {
    Subscription s = lifeOfASubscription();
    assertEquals(
        List.of(
            new StatusChange(
                date("2026-02-28"), ChangeKind.ACTIVATED, SubscriptionStatus.ACTIVE, "basic"),
            new StatusChange(
                date("2026-03-15"),
                ChangeKind.OFFERING_CHANGED,
                SubscriptionStatus.ACTIVE,
                "premium"),
            new StatusChange(
                date("2026-04-01"), ChangeKind.SUSPENDED, SubscriptionStatus.SUSPENDED, "premium"),
            new StatusChange(
                date("2026-04-10"), ChangeKind.RESUMED, SubscriptionStatus.ACTIVE, "premium"),
            new StatusChange(
                date("2026-05-31"),
                ChangeKind.TERMINATED,
                SubscriptionStatus.TERMINATED,
                "premium")),
        s.history());
  }

  @Test
  void leapDayAndYearEndDatesAreKept() {
    Subscription s =
        applied(
            Subscription.activated(activation("s1", "basic", date("2028-02-29"))),
            new SubscriptionChange.ChangeOffering("premium", date("2028-12-31")),
            new SubscriptionChange.Terminate(date("2029-01-01")));
    assertEquals(
        List.of(
            new OfferingPeriod("basic", DateRange.of(date("2028-02-29"), date("2028-12-31"))),
            new OfferingPeriod("premium", DateRange.of(date("2028-12-31"), date("2029-01-01")))),
        s.offeringPeriods());
  }

  @Test
  void withoutTerminationThePeriodsAreOpen() {
    Subscription s = applied(active(), new SubscriptionChange.Suspend(date("2026-02-01")));
    assertEquals(Optional.empty(), s.terminationDate());
    assertTrue(s.lifetime().openEnded());
    assertEquals(
        List.of(new OfferingPeriod("basic", DateRange.startingOn(Fixtures.ACTIVATION))),
        s.offeringPeriods());
    assertEquals(List.of(DateRange.startingOn(date("2026-02-01"))), s.suspendedIntervals());
  }

  @Test
  void aSuspensionResumedOnItsOwnDateLeavesNoSuspendedDay() {
    Subscription s =
        applied(
            active(),
            new SubscriptionChange.Suspend(date("2026-02-01")),
            new SubscriptionChange.Resume(date("2026-02-01")));
    assertEquals(SubscriptionStatus.ACTIVE, s.statusOn(date("2026-02-01")));
    assertEquals(List.of(), s.suspendedIntervals());
    assertEquals(List.of(DateRange.startingOn(Fixtures.ACTIVATION)), s.activeIntervals());
  }

  @Test
  void holdsItsServiceIdentifiers() {
    Subscription s = active();
    assertTrue(s.holds(MSISDN));
    assertTrue(s.holds(IMSI));
    assertFalse(s.holds(MSISDN_2));
  }

  @Test
  void theInvariantsOfTheHistoryAreEnforced() {
    LocalDate a = Fixtures.ACTIVATION;
    StatusChange activated =
        new StatusChange(a, ChangeKind.ACTIVATED, SubscriptionStatus.ACTIVE, "basic");
    StatusChange terminated =
        new StatusChange(a.plusDays(5), ChangeKind.TERMINATED, SubscriptionStatus.TERMINATED, "b");
    List<ServiceId> ids = List.of(MSISDN);
    assertThrows(IllegalArgumentException.class, () -> new Subscription("s", ids, a, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Subscription("s", ids, a.plusDays(1), List.of(activated)));
    assertThrows(
        IllegalArgumentException.class, () -> new Subscription("s", ids, a, List.of(terminated)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Subscription("s", ids, a, List.of(activated, activated)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Subscription("s", List.of(), a, List.of(activated)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Subscription("s", List.of(MSISDN, MSISDN), a, List.of(activated)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StatusChange(a, ChangeKind.SUSPENDED, SubscriptionStatus.ACTIVE, "basic"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StatusChange(a, ChangeKind.ACTIVATED, SubscriptionStatus.PENDING, "basic"));
    Subscription ended = new Subscription("s", ids, a, List.of(activated, terminated));
    assertThrows(
        IllegalArgumentException.class,
        () -> ended.withChange(new SubscriptionChange.Resume(a.plusDays(6))));
    assertThrows(
        IllegalArgumentException.class,
        () -> active().withChange(new SubscriptionChange.Suspend(a.minusDays(1))));
  }

  @Test
  void dateRangesAreHalfOpen() {
    DateRange march = DateRange.of(date("2026-03-01"), date("2026-04-01"));
    assertTrue(march.contains(date("2026-03-01")));
    assertTrue(march.contains(date("2026-03-31")));
    assertFalse(march.contains(date("2026-04-01")));
    assertFalse(march.contains(date("2026-02-28")));
    assertTrue(march.overlaps(DateRange.startingOn(date("2026-03-31"))));
    assertFalse(march.overlaps(DateRange.startingOn(date("2026-04-01"))));
    assertFalse(march.overlaps(DateRange.of(date("2026-02-01"), date("2026-03-01"))));
    assertFalse(march.overlaps(DateRange.of(date("2026-03-10"), date("2026-03-10"))));
    assertTrue(
        DateRange.startingOn(date("2030-01-01"))
            .overlaps(DateRange.startingOn(date("2020-01-01"))));
    assertThrows(
        IllegalArgumentException.class, () -> DateRange.of(date("2026-03-02"), date("2026-03-01")));
  }

  @Test
  void refusalsConvertToFieldErrors() {
    Decision.Refused<Subscription> refused =
        new Decision.Refused<>("same_offering", "offeringId", "offering basic is in force");
    assertEquals(
        new FieldError("same_offering", "offeringId", "offering basic is in force"),
        refused.toFieldError());
  }
}
