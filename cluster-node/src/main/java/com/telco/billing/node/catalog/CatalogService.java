package com.telco.billing.node.catalog;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogValidator;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.core.paging.Slice;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.catalog.PublishVersionResult;
import com.telco.billing.protocol.catalog.PublishedVersion;
import com.telco.billing.protocol.catalog.http.CatalogOfferingsAt;
import com.telco.billing.protocol.catalog.http.CatalogVersionDetail;
import com.telco.billing.protocol.catalog.http.CatalogVersionList;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The catalog operations behind the HTTP API. Publishing validates the document with {@code
 * billing-core} and asks the Catalog entity; a refusal fails the answer with a {@code
 * RefusedException}. Reads come from this node's {@link CatalogReplica}, without a remote call:
 * they may lag a publication made through another node by up to the journal's refresh interval
 * (about a second), while a publication answered by this node is already visible here.
 */
public final class CatalogService {
  private final ClusterSharding sharding;
  private final CatalogReplica replica;
  private final Clock clock;
  private final Duration askTimeout;

  /**
   * @param askTimeout how long a request waits for the Catalog entity and for this node's replica
   */
  public CatalogService(
      ActorSystem<?> system, CatalogReplica replica, Clock clock, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.replica = replica;
    this.clock = clock;
    this.askTimeout = askTimeout;
  }

  /**
   * Publishes a version: 400 with every problem of the document, 409 when the publication rules
   * refuse it; otherwise the published version, once this node's replica has it (or the ask timeout
   * passed).
   *
   * @param origin the request that publishes it, stored on the event
   */
  public CompletionStage<PublishVersionResult> publish(CatalogDocument document, Origin origin) {
    Validated<CatalogVersion> version = CatalogValidator.validate(document);
    if (!version.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(version.errors()).toException());
    }
    CompletionStage<PublishVersionResult> published =
        sharding
            .entityRefFor(EntityKeys.CATALOG, CatalogEntity.ENTITY_ID)
            .askWithStatus(
                replyTo ->
                    new CatalogCommand.PublishVersion(version.value(), document, origin, replyTo),
                askTimeout);
    return published.thenCompose(
        result ->
            replica
                .awaitVersion(result.published().version().version(), askTimeout)
                .thenApply(arrived -> result));
  }

  /**
   * One page of the published versions, oldest first: at most {@code limit}, after the version the
   * {@code cursor} names (null: from the first); 400 {@code invalid_cursor}.
   */
  public CatalogVersionList versions(int limit, String cursor) {
    VersionKey after = cursor == null ? null : VersionKey.decode(cursor);
    List<PublishedVersion> ordered =
        replica.state().published().stream().sorted(VersionKey.ORDER).toList();
    Slice<PublishedVersion> page =
        Slice.of(ordered, published -> after == null || after.isBefore(published), limit);
    return CatalogVersionList.from(
        page.items(), page.more() ? VersionKey.of(page.last()).encode() : null);
  }

  /** Where a page of versions ended: the effective date and id of its last version. */
  private record VersionKey(Instant effectiveFrom, String version) {
    static final String KIND = "catalog-versions";
    static final Comparator<PublishedVersion> ORDER =
        Comparator.comparing((PublishedVersion p) -> p.version().effectiveFrom())
            .thenComparing(p -> p.version().version());

    static VersionKey of(PublishedVersion published) {
      return new VersionKey(published.version().effectiveFrom(), published.version().version());
    }

    boolean isBefore(PublishedVersion published) {
      int byDate = published.version().effectiveFrom().compareTo(effectiveFrom);
      return byDate > 0 || (byDate == 0 && published.version().version().compareTo(version) > 0);
    }

    String encode() {
      return PageCursor.encode(KIND, List.of(effectiveFrom.toString(), version));
    }

    static VersionKey decode(String cursor) {
      List<String> fields = Cursors.fields(cursor, KIND, 2);
      try {
        return new VersionKey(Instant.parse(fields.get(0)), fields.get(1));
      } catch (DateTimeException e) {
        throw Cursors.invalid();
      }
    }
  }

  /** One published version with its document; 404 {@code catalog_version_not_found}. */
  public CatalogVersionDetail version(String versionId) {
    return replica
        .state()
        .lookupVersion(versionId)
        .map(CatalogVersionDetail::from)
        .orElseThrow(
            () ->
                Refusal.of(
                        RefusalCode.CATALOG_VERSION_NOT_FOUND,
                        null,
                        "no catalog version with this id is published")
                    .toException());
  }

  /**
   * The offerings in effect at {@code at} (an ISO-8601 instant, default now): 400 {@code
   * invalid_instant} for another value, 404 {@code no_catalog_in_effect} before the first version.
   */
  public CatalogOfferingsAt offeringsAt(Optional<String> at) {
    Instant instant = at.map(CatalogService::parseInstant).orElseGet(clock::instant);
    Optional<String> versionId = replica.current().versionAt(instant).map(CatalogVersion::version);
    PublishedVersion inEffect =
        versionId
            .flatMap(id -> replica.state().lookupVersion(id))
            .orElseThrow(
                () ->
                    Refusal.of(
                            RefusalCode.NO_CATALOG_IN_EFFECT,
                            "at",
                            "no catalog version is in effect at " + instant)
                        .toException());
    return CatalogOfferingsAt.from(instant, inEffect);
  }

  /** As {@code effectiveFrom} is read: an instant, or a date-time with an offset. */
  private static Instant parseInstant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        throw Refusal.of(
                RefusalCode.INVALID_INSTANT,
                "at",
                "at must be an ISO-8601 instant such as 2026-01-01T00:00:00Z")
            .toException();
      }
    }
  }
}
