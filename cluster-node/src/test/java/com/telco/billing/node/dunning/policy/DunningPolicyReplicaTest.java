package com.telco.billing.node.dunning.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.dunning.DunningStep;
import com.telco.billing.node.testing.TestConfigs;
import com.telco.billing.protocol.dunning.DunningPolicyCommand;
import com.telco.billing.protocol.dunning.PublishPolicyResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.stream.RestartSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The replica folds the policy store's events from a read journal (here the in-memory one of the
 * persistence testkit) and answers as the {@code DunningPolicySource} of its node; a replica
 * started later has every version.
 */
class DunningPolicyReplicaTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          PersistenceTestKitPlugin.getInstance()
              .config()
              .withFallback(TestConfigs.serialization()));

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(5);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static DunningPolicyReplica startReplica() {
    PersistenceTestKitReadJournal journal =
        PersistenceQuery.get(testKit.system())
            .getReadJournalFor(
                PersistenceTestKitReadJournal.class, PersistenceTestKitReadJournal.Identifier());
    return new DunningPolicyReplica(
        testKit.system(),
        journal,
        RestartSettings.create(Duration.ofMillis(100), Duration.ofSeconds(1), 0.2));
  }

  @Test
  void followsPublicationsAndALateReplicaHasThemAll() throws Exception {
    ActorRef<DunningPolicyCommand> entity =
        testKit.spawn(
            DunningPolicyEntity.create(
                DunningPolicyEntity.ENTITY_ID, Clock.fixed(NOW, ZoneOffset.UTC)));

    DunningPolicyReplica early = startReplica();
    early.caughtUp().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertTrue(early.policyFor("DEFAULT", null).isEmpty());
    assertFalse(
        early.awaitVersion("standard", 1, Duration.ofMillis(200)).toCompletableFuture().get());

    DunningPolicy draft = SampleDunningPolicy.draft();
    publish(entity, draft);
    assertTrue(early.awaitVersion("standard", 1, WAIT).toCompletableFuture().get());
    assertEquals(SampleDunningPolicy.published(1, NOW), early.policyFor("DEFAULT", "any").get());

    List<DunningStep> steps =
        List.of(new DunningStep("remind", 5, List.of(DunningAction.REMINDER)));
    publish(
        entity,
        new DunningPolicy(
            "standard", 0, "DEFAULT", null, draft.minimumOverdue(), steps, null, null));
    assertTrue(early.awaitVersion("standard", 2, WAIT).toCompletableFuture().get());
    assertEquals(steps, early.policyFor("DEFAULT", null).orElseThrow().steps());
    assertEquals(draft.steps(), early.version("standard", 1).orElseThrow().steps());
    assertTrue(early.version("standard", 3).isEmpty());

    DunningPolicyReplica late = startReplica();
    late.caughtUp().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertTrue(late.hasCaughtUp());
    assertEquals(early.state(), late.state());
  }

  private static void publish(ActorRef<DunningPolicyCommand> entity, DunningPolicy draft)
      throws Exception {
    StatusReply<PublishPolicyResult> reply =
        AskPattern.<DunningPolicyCommand, StatusReply<PublishPolicyResult>>ask(
                entity,
                replyTo -> new DunningPolicyCommand.PublishPolicy(draft, null, replyTo),
                WAIT,
                testKit.scheduler())
            .toCompletableFuture()
            .get();
    assertTrue(reply.isSuccess(), reply.toString());
  }
}
