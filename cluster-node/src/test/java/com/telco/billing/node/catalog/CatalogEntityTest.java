package com.telco.billing.node.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.node.testing.TestConfigs;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.catalog.CatalogEvent;
import com.telco.billing.protocol.catalog.PublishVersionResult;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogEntityTest {
  /** In-memory journal, our serialization bindings; the testkit verifies serialization. */
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config().withFallback(TestConfigs.serialization()));

  /** After the sample's effectiveFrom (2026-01-01). */
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final EventSourcedBehaviorTestKit<CatalogCommand, CatalogEvent, CatalogState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(),
          CatalogEntity.create(CatalogEntity.ENTITY_ID, Clock.fixed(NOW, ZoneOffset.UTC)));

  /** The request that publishes the versions of these tests. */
  private static final Origin ORIGIN = new Origin("catalog-desk", "req-9");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  @Test
  void theFirstVersionMayTakeEffectInThePast() {
    CatalogDocument sample = SampleCatalog.document();
    var result = publish(sample);
    var expected =
        CatalogJournal.versionPublished(SampleCatalog.validated(sample), sample, NOW, ORIGIN);
    assertEquals(expected, result.event());
    assertEquals(ORIGIN, ((CatalogEvent.CatalogVersionPublished) result.event()).origin());
    assertTrue(result.reply().getValue().created());
    assertEquals(CatalogJournal.toPublished(expected), result.reply().getValue().published());
    assertEquals(new CatalogState(List.of(CatalogJournal.toPublished(expected))), result.state());
  }

  @Test
  void aLaterVersionInThePastIsRefused() {
    publish(SampleCatalog.document());
    var refused = publish(SampleCatalog.document("2026-06", "2026-06-01T00:00:00Z"));
    assertTrue(refused.hasNoEvents());
    Refusal refusal = refusal(refused.reply());
    assertEquals(RefusalCode.EFFECTIVE_IN_PAST, refusal.code());
    assertEquals("$.effectiveFrom", refusal.field());
  }

  @Test
  void everyPublicationProblemIsNamedInTheMessage() {
    publish(SampleCatalog.document());
    var refused = publish(SampleCatalog.document("2025-12", "2025-12-01T00:00:00Z"));
    Refusal refusal = refusal(refused.reply());
    assertEquals(RefusalCode.EFFECTIVE_IN_PAST, refusal.code());
    assertTrue(refusal.message().contains("effective_not_after_latest"), refusal.message());
  }

  @Test
  void futureVersionsFollowEachOther() {
    publish(SampleCatalog.document());
    var next = publish(SampleCatalog.document("2027-01", "2027-01-01T00:00:00Z"));
    assertTrue(next.reply().getValue().created());
    assertEquals(2, next.state().published().size());

    var earlier = publish(SampleCatalog.document("2026-12", "2026-12-01T00:00:00Z"));
    assertTrue(earlier.hasNoEvents());
    assertEquals(RefusalCode.EFFECTIVE_NOT_AFTER_LATEST, refusal(earlier.reply()).code());

    var sameInstant = publish(SampleCatalog.document("2027-01b", "2027-01-01T00:00:00Z"));
    assertEquals(RefusalCode.EFFECTIVE_NOT_AFTER_LATEST, refusal(sameInstant.reply()).code());
  }

  @Test
  void anotherVersionUnderATakenIdIsRefused() {
    CatalogDocument sample = SampleCatalog.document();
    publish(sample);
    CatalogDocument changed =
        new CatalogDocument(
            sample.version(),
            sample.effectiveFrom(),
            "another description",
            sample.currencies(),
            sample.usageTypes(),
            sample.taxRates(),
            sample.productOfferings());
    var refused = publish(changed);
    assertTrue(refused.hasNoEvents());
    Refusal refusal = refusal(refused.reply());
    assertEquals(RefusalCode.VERSION_EXISTS, refusal.code());
    assertEquals("$.version", refusal.field());
  }

  @Test
  void repeatingThePublicationIsIdempotent() {
    CatalogDocument sample = SampleCatalog.document();
    PublishedVersion first = publish(sample).reply().getValue().published();

    var again = publish(sample);
    assertTrue(again.hasNoEvents());
    assertFalse(again.reply().getValue().created());
    assertEquals(first, again.reply().getValue().published());

    // the same version written differently (another offset for the same instant) is the same
    var sameInstant = publish(SampleCatalog.document("2026-01", "2026-01-01T01:00:00+01:00"));
    assertTrue(sameInstant.hasNoEvents());
    assertFalse(sameInstant.reply().getValue().created());
    assertEquals(first, sameInstant.reply().getValue().published());
  }

  @Test
  void theCatalogSurvivesARestart() {
    CatalogDocument sample = SampleCatalog.document();
    PublishedVersion first = publish(sample).reply().getValue().published();
    publish(SampleCatalog.document("2027-01", "2027-01-01T00:00:00Z"));
    kit.restart();

    var again = publish(sample);
    assertTrue(again.hasNoEvents());
    assertEquals(first, again.reply().getValue().published());
    assertEquals(
        List.of("2026-01", "2027-01"),
        again.state().published().stream().map(p -> p.version().version()).toList());
  }

  @Test
  void aCorrectionOfThePastIsPublishedAfterLaterVersions() {
    publish(SampleCatalog.document());
    publish(SampleCatalog.document("2027-01", "2027-01-01T00:00:00Z"));
    CatalogDocument fix =
        SampleCatalog.correction(
            "2026-03-fix", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "wrong SMS rate");
    var result = publish(fix);
    assertEquals(
        CatalogJournal.versionPublished(SampleCatalog.validated(fix), fix, NOW, ORIGIN),
        result.event());
    PublishedVersion published = result.reply().getValue().published();
    assertTrue(result.reply().getValue().created());
    assertTrue(published.version().isCorrection());
    assertEquals("wrong SMS rate", published.version().correction().reason());
    assertEquals(ORIGIN.subject(), published.publishedBy());
    assertEquals(3, result.state().published().size());

    var again = publish(fix);
    assertTrue(again.hasNoEvents());
    assertFalse(again.reply().getValue().created());

    kit.restart();
    assertEquals(published, publish(fix).state().lookupVersion("2026-03-fix").orElseThrow());
  }

  @Test
  void aCorrectionReachingIntoTheFutureIsRefused() {
    publish(SampleCatalog.document());
    var refused =
        publish(
            SampleCatalog.correction(
                "2026-fix", "2026-03-01T00:00:00Z", "2027-01-01T00:00:00Z", "not yet"));
    assertTrue(refused.hasNoEvents());
    Refusal refusal = refusal(refused.reply());
    assertEquals(RefusalCode.CORRECTION_NOT_PAST, refusal.code());
    assertEquals("$.correction.effectiveUntil", refusal.field());
  }

  @Test
  void aCorrectionBeforeEveryVersionIsRefused() {
    publish(SampleCatalog.document());
    var refused =
        publish(
            SampleCatalog.correction(
                "2025-fix", "2025-12-01T00:00:00Z", "2026-02-01T00:00:00Z", "too early"));
    assertTrue(refused.hasNoEvents());
    Refusal refusal = refusal(refused.reply());
    assertEquals(RefusalCode.CORRECTION_WITHOUT_VERSION, refusal.code());
    assertEquals("$.effectiveFrom", refusal.field());
  }

  private CommandResultWithReply<
          CatalogCommand, CatalogEvent, CatalogState, StatusReply<PublishVersionResult>>
      publish(CatalogDocument document) {
    return kit.runCommand(
        replyTo ->
            new CatalogCommand.PublishVersion(
                SampleCatalog.validated(document), document, ORIGIN, replyTo));
  }

  private static Refusal refusal(StatusReply<?> reply) {
    assertTrue(reply.isError(), "expected a refusal, got " + reply);
    return ((RefusedException) reply.getError()).refusal();
  }
}
