package com.telco.billing.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Subscriptions and assertions shared by the subscription tests. */
final class Fixtures {
  static final ServiceId MSISDN = ServiceId.msisdn("+4915100000001");
  static final ServiceId MSISDN_2 = ServiceId.msisdn("+4915100000002");
  static final ServiceId IMSI = ServiceId.imsi("262011234567890");
  static final LocalDate ACTIVATION = LocalDate.parse("2026-01-10");

  private Fixtures() {}

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  static ActivateSubscription activation(String id, String offering, LocalDate date) {
    return new ActivateSubscription(id, offering, List.of(MSISDN, IMSI), date);
  }

  static ActivateSubscription activation(
      String id, LocalDate date, ServiceId first, ServiceId... more) {
    List<ServiceId> ids = new ArrayList<>(List.of(first));
    ids.addAll(List.of(more));
    return new ActivateSubscription(id, "basic", ids, date);
  }

  /** Subscription s1 with offering basic, activated on {@link #ACTIVATION}. */
  static Subscription active() {
    return Subscription.activated(activation("s1", "basic", ACTIVATION));
  }

  static Subscription applied(Subscription s, SubscriptionChange... changes) {
    Subscription current = s;
    for (SubscriptionChange change : changes) {
      current = appliedState(SubscriptionLifecycle.apply(current, change));
    }
    return current;
  }

  static <T> T appliedState(Decision<T> decision) {
    if (decision instanceof Decision.Applied<T> applied) {
      return applied.state();
    }
    return fail("expected Applied, got " + decision);
  }

  static <T> void assertRefused(String code, Decision<T> decision) {
    Decision.Refused<?> refused =
        assertInstanceOf(Decision.Refused.class, decision, decision::toString);
    assertEquals(code, refused.code(), refused::message);
  }

  static <T> void assertAlreadyApplied(T expectedState, Decision<T> decision) {
    Decision.AlreadyApplied<?> repeat =
        assertInstanceOf(Decision.AlreadyApplied.class, decision, decision::toString);
    assertEquals(expectedState, repeat.state());
  }
}
