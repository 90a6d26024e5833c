package com.telco.billing.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Guiding invariants over arbitrary sequences of claims and releases. */
class ServiceHoldingsPropertyTest {

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final int HOURS = 24;

  /** One command: holder {@code holder} (account a0..a2 x subscription s0..s1) at an hour. */
  record Op(boolean claim, int account, int subscription, int hour) {
    Instant at() {
      return EPOCH.plusSeconds(3600L * hour);
    }

    Decision<ServiceHoldings> applyTo(ServiceHoldings holdings) {
      String a = "a" + account;
      String s = "s" + subscription;
      return claim ? holdings.claim(a, s, at()) : holdings.release(a, s, at());
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, HOURS))
            .as(Op::new);
    return op.list().ofMaxSize(30);
  }

  @Property
  void neverTwoHoldersAtOneInstant(@ForAll("operations") List<Op> ops) {
    ServiceHoldings holdings = ServiceHoldings.none(Fixtures.MSISDN);
    for (Op op : ops) {
      if (op.applyTo(holdings) instanceof Decision.Applied<ServiceHoldings> applied) {
        holdings = applied.state();
      }
    }
    for (int half = -1; half <= 2 * HOURS + 2; half++) {
      Instant t = EPOCH.plusSeconds(1800L * half);
      ServiceHoldings h = holdings;
      List<Holding> covering = h.holdings().stream().filter(x -> x.covers(t)).toList();
      assertTrue(covering.size() <= 1, () -> "two holders at " + t + ": " + covering);
      assertEquals(covering.stream().findFirst(), h.holderAt(t));
    }
  }

  @Property
  void everyAcceptedCommandRepeatedIsAlreadyApplied(@ForAll("operations") List<Op> ops) {
    ServiceHoldings holdings = ServiceHoldings.none(Fixtures.MSISDN);
    for (Op op : ops) {
      if (op.applyTo(holdings) instanceof Decision.Applied<ServiceHoldings> applied) {
        holdings = applied.state();
        Decision<ServiceHoldings> repeat = op.applyTo(holdings);
        assertInstanceOf(Decision.AlreadyApplied.class, repeat, repeat::toString);
      }
    }
  }

  @Property
  void aClaimIsRefusedOnlyWhenSomeoneElseHoldsAtOrAfterItsStart(
      @ForAll("operations") List<Op> ops) {
    ServiceHoldings holdings = ServiceHoldings.none(Fixtures.MSISDN);
    for (Op op : ops) {
      Decision<ServiceHoldings> decision = op.applyTo(holdings);
      if (op.claim()
          && decision instanceof Decision.Refused<ServiceHoldings> refused
          && refused.code().equals(SubscriptionRefusals.SERVICE_IN_USE)) {
        Instant from = op.at();
        boolean someoneLater =
            holdings.holdings().stream()
                .anyMatch(
                    h ->
                        (h.until() == null || h.until().isAfter(from))
                            && !h.from().equals(h.until()));
        assertTrue(someoneLater, () -> "refused without a holder: " + op);
      }
      if (decision instanceof Decision.Applied<ServiceHoldings> applied) {
        holdings = applied.state();
      }
    }
    Optional<Holding> open = holdings.openHolding();
    assertTrue(holdings.holdings().stream().filter(Holding::openEnded).count() <= 1);
    open.ifPresent(h -> assertTrue(h.openEnded()));
  }
}
