package com.telco.billing.node.dunning.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.dunning.DunningStep;
import com.telco.billing.node.testing.TestConfigs;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.dunning.DunningPolicyCommand;
import com.telco.billing.protocol.dunning.DunningPolicyEvent;
import com.telco.billing.protocol.dunning.PublishPolicyResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DunningPolicyEntityTest {
  /** In-memory journal, our serialization bindings; the testkit verifies serialization. */
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config().withFallback(TestConfigs.serialization()));

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Origin ORIGIN = new Origin("finance-desk", "req-42");

  private final EventSourcedBehaviorTestKit<
          DunningPolicyCommand, DunningPolicyEvent, DunningPolicyState>
      kit =
          EventSourcedBehaviorTestKit.create(
              testKit.system(),
              DunningPolicyEntity.create(
                  DunningPolicyEntity.ENTITY_ID, Clock.fixed(NOW, ZoneOffset.UTC)));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  private CommandResultWithReply<
          DunningPolicyCommand,
          DunningPolicyEvent,
          DunningPolicyState,
          StatusReply<PublishPolicyResult>>
      publish(DunningPolicy draft) {
    return kit.runCommand(
        replyTo -> new DunningPolicyCommand.PublishPolicy(draft, ORIGIN, replyTo));
  }

  private static DunningPolicy with(
      DunningPolicy p,
      String policyId,
      String legalEntity,
      String segment,
      List<DunningStep> steps) {
    return new DunningPolicy(
        policyId,
        p.version(),
        legalEntity,
        segment,
        p.minimumOverdue(),
        steps,
        p.lateFee(),
        p.publishedAt());
  }

  private static Refusal refusal(StatusReply<PublishPolicyResult> reply) {
    assertTrue(reply.isError(), reply.toString());
    return ((RefusedException) reply.getError()).refusal();
  }

  @Test
  void theFirstPublicationIsVersionOne() {
    var result = publish(SampleDunningPolicy.draft());
    DunningPolicy expected = SampleDunningPolicy.published(1, NOW);
    assertEquals(DunningPolicyJournal.policyPublished(expected, ORIGIN), result.event());
    assertTrue(result.reply().getValue().created());
    assertEquals(expected, result.reply().getValue().policy());
    assertEquals(new DunningPolicyState(List.of(expected)), result.state());
  }

  @Test
  void everyChangeIsTheNextVersionAndOldVersionsStay() {
    DunningPolicy draft = SampleDunningPolicy.draft();
    publish(draft);
    List<DunningStep> fewer = draft.steps().subList(0, 1);
    var second = publish(with(draft, "standard", "DEFAULT", null, fewer));
    assertEquals(2, second.reply().getValue().policy().version());
    assertTrue(second.reply().getValue().created());
    // back to the first terms: a change again, so version 3
    var third = publish(draft);
    assertEquals(3, third.reply().getValue().policy().version());
    assertEquals(3, third.state().published().size());
    assertEquals(fewer, third.state().version("standard", 2).orElseThrow().steps());
    assertEquals(draft.steps(), third.state().latest("standard").orElseThrow().steps());
    // another policy counts its own versions
    var business =
        publish(
            with(
                draft,
                "business",
                "DEFAULT",
                "business",
                List.of(new DunningStep("remind", 7, List.of(DunningAction.REMINDER)))));
    assertEquals(1, business.reply().getValue().policy().version());
  }

  @Test
  void republishingTheSameTermsAnswersTheLatestVersionWithoutAnEvent() {
    DunningPolicy draft = SampleDunningPolicy.draft();
    publish(draft);
    var again = publish(draft);
    assertTrue(again.hasNoEvents());
    assertFalse(again.reply().getValue().created());
    assertEquals(SampleDunningPolicy.published(1, NOW), again.reply().getValue().policy());

    // the same amounts written with another scale are the same terms
    Currency eur = Currency.getInstance("EUR");
    Map<Currency, BigDecimal> rescaled = new java.util.HashMap<>(draft.minimumOverdue());
    rescaled.put(eur, new BigDecimal("5.0000"));
    DunningPolicy rewritten =
        new DunningPolicy(
            draft.policyId(),
            0,
            draft.legalEntity(),
            null,
            rescaled,
            draft.steps(),
            draft.lateFee(),
            null);
    var rewrittenAgain = publish(rewritten);
    assertTrue(rewrittenAgain.hasNoEvents());
    assertEquals(1, rewrittenAgain.reply().getValue().policy().version());
  }

  @Test
  void aScopeHasOnePolicyAndAPolicyKeepsItsScope() {
    DunningPolicy draft = SampleDunningPolicy.draft();
    publish(draft);
    var sameScope = publish(with(draft, "other", "DEFAULT", null, draft.steps()));
    assertTrue(sameScope.hasNoEvents());
    assertEquals(RefusalCode.POLICY_SCOPE_CONFLICT, refusal(sameScope.reply()).code());

    var moved = publish(with(draft, "standard", "ENT-2", null, draft.steps()));
    assertTrue(moved.hasNoEvents());
    assertEquals(RefusalCode.POLICY_SCOPE_CONFLICT, refusal(moved.reply()).code());
    assertEquals("$.legalEntity", refusal(moved.reply()).field());

    var segment = publish(with(draft, "vip", "DEFAULT", "vip", draft.steps()));
    assertTrue(segment.reply().getValue().created());
  }

  @Test
  void theStateAnswersThePolicyOfASegmentElseOfTheLegalEntity() {
    DunningPolicy draft = SampleDunningPolicy.draft();
    publish(draft);
    List<DunningStep> vipSteps =
        List.of(new DunningStep("remind", 14, List.of(DunningAction.REMINDER)));
    var result = publish(with(draft, "vip", "DEFAULT", "vip", vipSteps));
    DunningPolicyState state = result.state();
    assertEquals("vip", state.policyFor("DEFAULT", "vip").orElseThrow().policyId());
    assertEquals("standard", state.policyFor("DEFAULT", "retail").orElseThrow().policyId());
    assertEquals("standard", state.policyFor("DEFAULT", null).orElseThrow().policyId());
    assertTrue(state.policyFor("ENT-2", null).isEmpty());
    assertTrue(state.policyFor("ENT-2", "vip").isEmpty());
    assertEquals(
        List.of("standard", "vip"),
        state.latestVersions().stream().map(DunningPolicy::policyId).toList());

    publish(with(draft, "vip", "DEFAULT", "vip", draft.steps()));
    assertEquals(2, kit.getState().policyFor("DEFAULT", "vip").orElseThrow().version());
    assertEquals(vipSteps, kit.getState().version("vip", 1).orElseThrow().steps());
  }

  @Test
  void theEventsRestoreTheState() {
    DunningPolicy draft = SampleDunningPolicy.draft();
    publish(draft);
    publish(with(draft, "standard", "DEFAULT", null, draft.steps().subList(0, 2)));
    DunningPolicyState before = kit.getState();
    kit.restart();
    assertEquals(before, kit.getState());
  }
}
