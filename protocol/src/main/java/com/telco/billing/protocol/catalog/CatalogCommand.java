package com.telco.billing.protocol.catalog;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Commands of the Catalog entity, the one writer of the product catalog (a single sharded entity,
 * persistence id {@code Catalog|catalog}). Nodes read the catalog from their local replica, not
 * from the entity.
 */
public sealed interface CatalogCommand extends CborSerializable
    permits CatalogCommand.PublishVersion {

  /**
   * Publishes a version that {@code CatalogValidator.validate} accepted; {@code document} is the
   * JSON document it was built from, kept so that the version can be shown exactly as published.
   *
   * <p>Refused with the first problem of {@code CatalogValidator.validateAgainstHistory} ({@code
   * version_exists}, {@code effective_in_past}, {@code effective_not_after_latest}; for a
   * correction version {@code correction_without_version}, {@code correction_not_past}). Publishing
   * the same version again (equal {@link CatalogVersion}) answers the published one with {@code
   * created = false} and records nothing. {@code origin}, the request that publishes it, is stored
   * on the event.
   */
  record PublishVersion(
      CatalogVersion version,
      CatalogDocument document,
      Origin origin,
      ActorRef<StatusReply<PublishVersionResult>> replyTo)
      implements CatalogCommand {}
}
