package com.telco.billing.node.guiding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.guiding.ServiceCommand;
import com.telco.billing.protocol.guiding.ServiceCommand.HoldingResult;
import com.telco.billing.protocol.guiding.ServiceEvent;
import java.time.Instant;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceGuideEntityTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final ServiceId NUMBER = ServiceId.msisdn("+4915100000001");
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");

  private final EventSourcedBehaviorTestKit<ServiceCommand, ServiceEvent, ServiceGuideState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(),
          ServiceGuideEntity.create(NUMBER.toKey()),
          // the state is persisted as its ServiceGuideSnapshot (GoldenJournalTest reads those)
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  @Test
  void aNumberIsRecycledAfterReleaseAndMovesToAnotherAccount() {
    assertTrue(claim("acc-a", "sub-a", JAN).reply().getValue().changed());
    assertFalse(claim("acc-a", "sub-a", JAN).reply().getValue().changed(), "idempotent");

    var taken = claim("acc-b", "sub-b", JUN);
    assertTrue(taken.hasNoEvents());
    assertEquals(
        RefusalCode.SERVICE_IN_USE, ((RefusedException) taken.reply().getError()).refusal().code());

    assertTrue(release("acc-a", "sub-a", JUN).reply().getValue().changed());
    assertTrue(claim("acc-b", "sub-b", JUN).reply().getValue().changed());

    kit.restart();
    var holdings = kit.getState().holdings();
    assertEquals("acc-a", holdings.holderAt(JUN.minusNanos(1)).orElseThrow().accountId());
    assertEquals("acc-b", holdings.holderAt(JUN).orElseThrow().accountId());
    assertTrue(holdings.holderAt(JAN.minusNanos(1)).isEmpty());
  }

  private CommandResultWithReply<
          ServiceCommand, ServiceEvent, ServiceGuideState, StatusReply<HoldingResult>>
      claim(String account, String subscription, Instant from) {
    return kit.runCommand(
        replyTo ->
            new ServiceCommand.Claim(
                new ServiceClaim(NUMBER, account, subscription, from), replyTo));
  }

  private CommandResultWithReply<
          ServiceCommand, ServiceEvent, ServiceGuideState, StatusReply<HoldingResult>>
      release(String account, String subscription, Instant at) {
    return kit.runCommand(
        replyTo ->
            new ServiceCommand.Release(
                new ServiceRelease(NUMBER, account, subscription, at), replyTo));
  }
}
