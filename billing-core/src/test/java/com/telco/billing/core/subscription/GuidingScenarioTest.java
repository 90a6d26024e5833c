package com.telco.billing.core.subscription;

import static com.telco.billing.core.subscription.Fixtures.MSISDN;
import static com.telco.billing.core.subscription.Fixtures.activation;
import static com.telco.billing.core.subscription.Fixtures.appliedState;
import static com.telco.billing.core.subscription.Fixtures.assertRefused;
import static com.telco.billing.core.subscription.Fixtures.date;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions of accounts in their zones, and the guiding index fed from them: "who held
 * +4915100000001 at instant t" with numbers recycled and moved between accounts.
 */
class GuidingScenarioTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId UTC = ZoneId.of("UTC");

  static ServiceHoldings claimAll(ServiceHoldings holdings, List<ServiceClaim> claims) {
    ServiceHoldings current = holdings;
    for (ServiceClaim claim : claims) {
      current = appliedState(current.claim(claim));
    }
    return current;
  }

  static ServiceHoldings releaseAll(ServiceHoldings holdings, List<ServiceRelease> releases) {
    ServiceHoldings current = holdings;
    for (ServiceRelease release : releases) {
      current = appliedState(current.release(release));
    }
    return current;
  }

  static Optional<String> holderAt(ServiceHoldings holdings, String instant) {
    return holdings
        .holderAt(Instant.parse(instant))
        .map(h -> h.accountId() + "/" + h.subscriptionId());
  }

  @Test
  void aRecycledNumberIsGuidedToEachHolderAtItsOwnInstants() {
    // account A (Berlin): s1 activated 2026-01-10, terminated 2026-03-01
    Subscription s1 =
        appliedState(
            SubscriptionLifecycle.activate(
                List.of(), activation("s1", date("2026-01-10"), MSISDN)));
    ServiceHoldings index =
        claimAll(ServiceHoldings.none(MSISDN), ServiceClaim.forActivation("A", s1, BERLIN));
    Subscription s1Ended =
        appliedState(
            SubscriptionLifecycle.apply(s1, new SubscriptionChange.Terminate(date("2026-03-01"))));
    index = releaseAll(index, ServiceRelease.forTermination("A", s1Ended, BERLIN));
    // account B (Berlin): s7 activated with the same number on 2026-03-01
    Subscription s7 = Subscription.activated(activation("s7", date("2026-03-01"), MSISDN));
    index = claimAll(index, ServiceClaim.forActivation("B", s7, BERLIN));

    assertEquals(Optional.empty(), holderAt(index, "2026-01-09T22:59:59Z"));
    assertEquals(Optional.of("A/s1"), holderAt(index, "2026-01-09T23:00:00Z"));
    assertEquals(Optional.of("A/s1"), holderAt(index, "2026-02-28T22:59:59.999Z"));
    assertEquals(Optional.of("B/s7"), holderAt(index, "2026-02-28T23:00:00Z"));
    assertEquals(Optional.of("B/s7"), holderAt(index, "2026-03-01T12:00:00Z"));
  }

  @Test
  void aSecondActivationOfAnInUseNumberIsRefusedOnAnyAccount() {
    Subscription s1 = Subscription.activated(activation("s1", date("2026-01-10"), MSISDN));
    ServiceHoldings index =
        claimAll(ServiceHoldings.none(MSISDN), ServiceClaim.forActivation("A", s1, BERLIN));
    Subscription s7 = Subscription.activated(activation("s7", date("2026-05-01"), MSISDN));
    ServiceClaim claim = ServiceClaim.forActivation("B", s7, BERLIN).get(0);
    assertRefused("service_in_use", index.claim(claim));
    // on the same account the account's own rule refuses it before guiding is asked
    assertRefused(
        "service_in_use",
        SubscriptionLifecycle.activate(List.of(s1), activation("s2", date("2026-05-01"), MSISDN)));
  }

  @Test
  void aScheduledTerminationFreesTheNumberForALaterActivationElsewhere() {
    Subscription s1 = Subscription.activated(activation("s1", date("2026-01-10"), MSISDN));
    ServiceHoldings index =
        claimAll(ServiceHoldings.none(MSISDN), ServiceClaim.forActivation("A", s1, BERLIN));
    Subscription ending = s1.withChange(new SubscriptionChange.Terminate(date("2026-09-01")));
    index = releaseAll(index, ServiceRelease.forTermination("A", ending, BERLIN));
    Subscription s7 = Subscription.activated(activation("s7", date("2026-09-01"), MSISDN));
    index = claimAll(index, ServiceClaim.forActivation("B", s7, BERLIN));
    assertEquals(Optional.of("A/s1"), holderAt(index, "2026-08-31T21:59:59Z"));
    assertEquals(Optional.of("B/s7"), holderAt(index, "2026-08-31T22:00:00Z"));
  }

  @Test
  void movesBetweenAccountsInDifferentZonesCompareInstants() {
    // A in UTC terminates on 2026-03-01: released at 2026-03-01T00:00Z
    Subscription s1 = Subscription.activated(activation("s1", date("2026-01-10"), MSISDN));
    ServiceHoldings index =
        claimAll(ServiceHoldings.none(MSISDN), ServiceClaim.forActivation("A", s1, UTC));
    Subscription ended = s1.withChange(new SubscriptionChange.Terminate(date("2026-03-01")));
    index = releaseAll(index, ServiceRelease.forTermination("A", ended, UTC));
    // B in Berlin activating on 2026-03-01 would start at 2026-02-28T23:00Z: one hour too early
    Subscription sameDay = Subscription.activated(activation("s7", date("2026-03-01"), MSISDN));
    assertRefused(
        "service_in_use", index.claim(ServiceClaim.forActivation("B", sameDay, BERLIN).get(0)));
    Subscription nextDay = Subscription.activated(activation("s7", date("2026-03-02"), MSISDN));
    index = claimAll(index, ServiceClaim.forActivation("B", nextDay, BERLIN));
    assertEquals(Optional.of("A/s1"), holderAt(index, "2026-02-28T23:30:00Z"));
    assertEquals(Optional.empty(), holderAt(index, "2026-03-01T12:00:00Z"));
    assertEquals(Optional.of("B/s7"), holderAt(index, "2026-03-01T23:00:00Z"));
  }

  @Test
  void claimsAndReleasesCoverEveryIdentifierOfTheSubscription() {
    Subscription s =
        Subscription.activated(activation("s1", "basic", date("2026-02-28")))
            .withChange(new SubscriptionChange.Terminate(date("2026-03-31")));
    Instant from = Instant.parse("2026-02-27T23:00:00Z");
    Instant at = Instant.parse("2026-03-30T22:00:00Z");
    assertEquals(
        List.of(
            new ServiceClaim(Fixtures.MSISDN, "A", "s1", from),
            new ServiceClaim(Fixtures.IMSI, "A", "s1", from)),
        ServiceClaim.forActivation("A", s, BERLIN));
    assertEquals(
        List.of(
            new ServiceRelease(Fixtures.MSISDN, "A", "s1", at),
            new ServiceRelease(Fixtures.IMSI, "A", "s1", at)),
        ServiceRelease.forTermination("A", s, BERLIN));
    assertEquals(
        List.of(),
        ServiceRelease.forTermination(
            "A", Subscription.activated(activation("s2", "basic", date("2026-02-28"))), BERLIN));
  }
}
