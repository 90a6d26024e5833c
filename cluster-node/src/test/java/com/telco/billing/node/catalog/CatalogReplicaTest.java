package com.telco.billing.node.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.node.testing.TestConfigs;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.catalog.PublishVersionResult;
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
 * The replica folds the catalog's events from a read journal (here the in-memory one of the
 * persistence testkit): it catches up with what is stored, then follows new publications; a replica
 * started later has everything.
 */
class CatalogReplicaTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          PersistenceTestKitPlugin.getInstance()
              .config()
              .withFallback(TestConfigs.serialization()));

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(5);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static CatalogReplica startReplica() {
    PersistenceTestKitReadJournal journal =
        PersistenceQuery.get(testKit.system())
            .getReadJournalFor(
                PersistenceTestKitReadJournal.class, PersistenceTestKitReadJournal.Identifier());
    return new CatalogReplica(
        testKit.system(),
        journal,
        RestartSettings.create(Duration.ofMillis(100), Duration.ofSeconds(1), 0.2));
  }

  @Test
  void followsPublicationsAndALateReplicaHasThemAll() throws Exception {
    ActorRef<CatalogCommand> entity =
        testKit.spawn(
            CatalogEntity.create(CatalogEntity.ENTITY_ID, Clock.fixed(NOW, ZoneOffset.UTC)));

    CatalogReplica early = startReplica();
    early.caughtUp().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertTrue(early.current().versions().isEmpty());
    assertFalse(early.awaitVersion("2026-01", Duration.ofMillis(200)).toCompletableFuture().get());

    publish(entity, SampleCatalog.document());
    assertTrue(early.awaitVersion("2026-01", WAIT).toCompletableFuture().get());
    assertEquals(
        List.of("MOBILE_S", "MOBILE_M", "PRESS_PLUS"),
        early.current().offeringsAt(NOW).stream().map(ProductOffering::id).toList());

    publish(entity, SampleCatalog.document("2027-01", "2027-01-01T00:00:00Z"));
    assertTrue(early.awaitVersion("2027-01", WAIT).toCompletableFuture().get());
    assertEquals(
        "2027-01",
        early.current().versionAt(Instant.parse("2027-01-01T00:00:00Z")).orElseThrow().version());
    assertEquals("2026-01", early.current().versionAt(NOW).orElseThrow().version());

    // a correction of March 2026, published after 2027-01: kept apart, used for rating in March
    publish(
        entity,
        SampleCatalog.correction(
            "2026-03-fix", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "wrong SMS rate"));
    assertTrue(early.awaitVersion("2026-03-fix", WAIT).toCompletableFuture().get());
    Instant inMarch = Instant.parse("2026-03-10T00:00:00Z");
    assertEquals(
        List.of("2026-03-fix"),
        early.current().corrections().stream().map(v -> v.version()).toList());
    assertEquals("2026-03-fix", early.current().ratingVersionAt(inMarch).orElseThrow().version());
    assertEquals("2026-01", early.current().versionAt(inMarch).orElseThrow().version());

    CatalogReplica late = startReplica();
    late.caughtUp().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertTrue(late.hasCaughtUp());
    assertEquals(early.state(), late.state());
    assertEquals(early.current(), late.current());
  }

  private static void publish(ActorRef<CatalogCommand> entity, CatalogDocument document)
      throws Exception {
    StatusReply<PublishVersionResult> reply =
        AskPattern.<CatalogCommand, StatusReply<PublishVersionResult>>ask(
                entity,
                replyTo ->
                    new CatalogCommand.PublishVersion(
                        SampleCatalog.validated(document), document, null, replyTo),
                WAIT,
                testKit.scheduler())
            .toCompletableFuture()
            .get();
    assertTrue(reply.isSuccess(), reply.toString());
  }
}
