package com.telco.billing.core.subscription;

import static com.telco.billing.core.subscription.Fixtures.MSISDN;
import static com.telco.billing.core.subscription.Fixtures.MSISDN_2;
import static com.telco.billing.core.subscription.Fixtures.appliedState;
import static com.telco.billing.core.subscription.Fixtures.assertAlreadyApplied;
import static com.telco.billing.core.subscription.Fixtures.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceHoldingsTest {

  static final Instant T0 = Instant.parse("2026-01-09T23:00:00Z");
  static final Instant RELEASE = Instant.parse("2026-02-28T23:00:00Z");
  static final Instant LATER = Instant.parse("2026-06-30T22:00:00Z");

  static Optional<String> holderAt(ServiceHoldings holdings, Instant t) {
    return holdings.holderAt(t).map(h -> h.accountId() + "/" + h.subscriptionId());
  }

  /** A (account A, subscription s1) from T0, released at RELEASE. */
  static ServiceHoldings heldByAUntilRelease() {
    ServiceHoldings held = appliedState(ServiceHoldings.none(MSISDN).claim("A", "s1", T0));
    return appliedState(held.release("A", "s1", RELEASE));
  }

  @Test
  void aClaimHoldsTheIdentifierFromItsInstantOn() {
    ServiceHoldings held = appliedState(ServiceHoldings.none(MSISDN).claim("A", "s1", T0));
    assertEquals(List.of(new Holding("A", "s1", T0, null)), held.holdings());
    assertEquals(Optional.empty(), holderAt(held, T0.minusNanos(1)));
    assertEquals(Optional.of("A/s1"), holderAt(held, T0));
    assertEquals(Optional.of("A/s1"), holderAt(held, LATER));
    assertEquals(Optional.of(new Holding("A", "s1", T0, null)), held.openHolding());
  }

  @Test
  void theSameClaimAgainIsAlreadyAppliedAndAnotherStartIsAConflict() {
    ServiceHoldings held = appliedState(ServiceHoldings.none(MSISDN).claim("A", "s1", T0));
    assertAlreadyApplied(held, held.claim("A", "s1", T0));
    assertRefused("claim_conflict", held.claim("A", "s1", T0.plusSeconds(60)));
    ServiceHoldings released = heldByAUntilRelease();
    assertAlreadyApplied(released, released.claim("A", "s1", T0));
    assertRefused("claim_conflict", released.claim("A", "s1", LATER));
  }

  @Test
  void aSecondHolderIsRefusedWhileTheFirstHoldsNamingTheHolder() {
    ServiceHoldings held = appliedState(ServiceHoldings.none(MSISDN).claim("A", "s1", T0));
    for (Instant from : List.of(T0.minusSeconds(3600), T0, LATER)) {
      Decision<ServiceHoldings> decision = held.claim("B", "s7", from);
      assertRefused("service_in_use", decision);
      String message = ((Decision.Refused<ServiceHoldings>) decision).message();
      assertTrue(message.contains("s1") && message.contains("account A"), message);
    }
    // another subscription of the same account too
    assertRefused("service_in_use", held.claim("A", "s2", LATER));
  }

  @ParameterizedTest(name = "claim by B from {0}: {1}")
  @CsvSource({
    "2026-02-28T23:00:00Z, applied",
    "2026-03-15T10:00:00Z, applied",
    "2026-02-28T22:59:59.999999999Z, service_in_use",
    "2026-01-01T00:00:00Z, service_in_use",
  })
  void afterReleaseTheIdentifierIsRecycledFromTheReleaseInstant(Instant from, String expected) {
    Decision<ServiceHoldings> decision = heldByAUntilRelease().claim("B", "s7", from);
    if (expected.equals("applied")) {
      appliedState(decision);
    } else {
      assertRefused(expected, decision);
    }
  }

  @ParameterizedTest(name = "at {0} the holder is {1}")
  @CsvSource({
    "2026-01-09T22:59:59.999999999Z, ",
    "2026-01-09T23:00:00Z,           A/s1",
    "2026-02-28T22:59:59.999999999Z, A/s1",
    "2026-02-28T23:00:00Z,           B/s7",
    "2026-12-31T23:59:59Z,           B/s7",
  })
  void whoHeldTheNumberAtAnInstantAfterRecycling(Instant at, String holder) {
    ServiceHoldings recycled = appliedState(heldByAUntilRelease().claim("B", "s7", RELEASE));
    assertEquals(Optional.ofNullable(holder), holderAt(recycled, at));
    assertEquals(2, recycled.holdings().size());
  }

  @Test
  void releaseIsIdempotentAtItsInstantAndRefusedOtherwise() {
    ServiceHoldings released = heldByAUntilRelease();
    assertEquals(List.of(new Holding("A", "s1", T0, RELEASE)), released.holdings());
    assertEquals(Optional.empty(), released.openHolding());
    assertAlreadyApplied(released, released.release("A", "s1", RELEASE));
    assertRefused("already_released", released.release("A", "s1", LATER));
    assertRefused("service_not_held", released.release("B", "s1", RELEASE));
    assertRefused("service_not_held", released.release("A", "s2", RELEASE));
    ServiceHoldings held = appliedState(ServiceHoldings.none(MSISDN).claim("A", "s1", T0));
    assertRefused("release_before_claim", held.release("A", "s1", T0.minusNanos(1)));
  }

  @Test
  void aHoldingReleasedAtItsStartHoldsNoInstantAndBlocksNobody() {
    ServiceHoldings never =
        appliedState(
            appliedState(ServiceHoldings.none(MSISDN).claim("A", "s1", T0)).release("A", "s1", T0));
    assertEquals(Optional.empty(), holderAt(never, T0));
    ServiceHoldings next = appliedState(never.claim("B", "s7", T0.minusSeconds(86_400)));
    assertEquals(Optional.of("B/s7"), holderAt(next, T0));
  }

  @Test
  void aMoveBetweenAccountsIsAReleaseAndAClaim() {
    // the same subscription id moves from account A to account B at RELEASE
    ServiceHoldings moved = appliedState(heldByAUntilRelease().claim("B", "s1", RELEASE));
    assertEquals(Optional.of("A/s1"), holderAt(moved, RELEASE.minusNanos(1)));
    assertEquals(Optional.of("B/s1"), holderAt(moved, RELEASE));
    // and on to account C later
    ServiceHoldings again =
        appliedState(appliedState(moved.release("B", "s1", LATER)).claim("C", "s3", LATER));
    assertEquals(
        List.of(
            new Holding("A", "s1", T0, RELEASE),
            new Holding("B", "s1", RELEASE, LATER),
            new Holding("C", "s3", LATER, null)),
        again.holdings());
    assertEquals(Optional.of("B/s1"), holderAt(again, LATER.minusSeconds(1)));
    assertEquals(Optional.of("C/s3"), holderAt(again, LATER));
  }

  @Test
  void aFutureReleaseLetsAFutureClaimInButNotAnEarlierOne() {
    ServiceHoldings held = appliedState(ServiceHoldings.none(MSISDN).claim("A", "s1", T0));
    ServiceHoldings scheduled = appliedState(held.release("A", "s1", LATER));
    assertRefused("service_in_use", scheduled.claim("B", "s7", RELEASE));
    ServiceHoldings next = appliedState(scheduled.claim("B", "s7", LATER));
    assertEquals(Optional.of("A/s1"), holderAt(next, RELEASE));
    assertEquals(Optional.of("B/s7"), holderAt(next, LATER));
  }

  @Test
  void claimsAndReleasesOfAnotherIdentifierAreProgrammingErrors() {
    ServiceHoldings none = ServiceHoldings.none(MSISDN);
    assertThrows(
        IllegalArgumentException.class,
        () -> none.claim(new ServiceClaim(MSISDN_2, "A", "s1", T0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> none.release(new ServiceRelease(MSISDN_2, "A", "s1", T0)));
  }

  @Test
  void theConstructorRefusesTwoHoldersAtOnceAndSortsByStart() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ServiceHoldings(
                MSISDN,
                List.of(new Holding("A", "s1", T0, null), new Holding("B", "s2", LATER, null))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ServiceHoldings(
                MSISDN,
                List.of(new Holding("A", "s1", T0, RELEASE), new Holding("A", "s1", LATER, null))));
    ServiceHoldings sorted =
        new ServiceHoldings(
            MSISDN,
            List.of(new Holding("B", "s2", RELEASE, null), new Holding("A", "s1", T0, RELEASE)));
    assertEquals("A", sorted.holdings().get(0).accountId());
    assertThrows(IllegalArgumentException.class, () -> new Holding("A", "s1", RELEASE, T0));
  }
}
