package com.telco.billing.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The dated views of a subscription agree with each other whatever changes were accepted. */
class SubscriptionPropertyTest {

  private static final LocalDate ACTIVATION = LocalDate.parse("2026-01-10");
  private static final int DAYS = 60;

  @Provide
  Arbitrary<List<SubscriptionChange>> changes() {
    Arbitrary<SubscriptionChange> change =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-2, DAYS),
                Arbitraries.of("basic", "plus", "premium"))
            .as(
                (kind, day, offering) -> {
                  LocalDate date = ACTIVATION.plusDays(day);
                  return switch (kind) {
                    case 0 -> new SubscriptionChange.ChangeOffering(offering, date);
                    case 1 -> new SubscriptionChange.Suspend(date);
                    case 2 -> new SubscriptionChange.Resume(date);
                    default -> new SubscriptionChange.Terminate(date);
                  };
                });
    return change.list().ofMaxSize(12);
  }

  @Property
  void statusAndOfferingOnEveryDateMatchThePeriods(
      @ForAll("changes") List<SubscriptionChange> changes) {
    Subscription s = Subscription.activated(Fixtures.activation("s1", "basic", ACTIVATION));
    for (SubscriptionChange change : changes) {
      Decision<Subscription> decision = SubscriptionLifecycle.apply(s, change);
      if (decision instanceof Decision.Applied<Subscription> applied) {
        s = applied.state();
        Decision<Subscription> repeat = SubscriptionLifecycle.apply(s, change);
        assertInstanceOf(Decision.AlreadyApplied.class, repeat, repeat::toString);
      }
    }
    List<StatusPeriod> statusPeriods = s.statusPeriods();
    List<OfferingPeriod> offeringPeriods = s.offeringPeriods();
    for (int day = -3; day <= DAYS + 3; day++) {
      LocalDate date = ACTIVATION.plusDays(day);
      List<SubscriptionStatus> statuses =
          statusPeriods.stream()
              .filter(p -> p.dates().contains(date))
              .map(StatusPeriod::status)
              .toList();
      assertEquals(
          date.isBefore(ACTIVATION) ? List.of() : List.of(s.statusOn(date)), statuses, "" + date);
      Optional<String> offering =
          offeringPeriods.stream()
              .filter(p -> p.dates().contains(date))
              .map(OfferingPeriod::offeringId)
              .findFirst();
      assertEquals(s.offeringOn(date), offering, "" + date);
      assertEquals(
          s.statusOn(date) == SubscriptionStatus.ACTIVE,
          s.activeIntervals().stream().anyMatch(r -> r.contains(date)),
          "" + date);
      assertEquals(
          s.statusOn(date) == SubscriptionStatus.ACTIVE
              || s.statusOn(date) == SubscriptionStatus.SUSPENDED,
          s.lifetime().contains(date),
          "" + date);
    }
  }
}
