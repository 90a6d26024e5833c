package com.telco.billing.protocol.catalog;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;

/**
 * Events of the Catalog entity, persisted in the journal under {@code Catalog|catalog} and followed
 * by the catalog replica of every node. Named in the past tense.
 */
public sealed interface CatalogEvent extends CborSerializable
    permits CatalogEvent.CatalogVersionPublished {

  /**
   * A catalog version was published at {@code publishedAt}; it never changes afterwards
   * (docs/billing-rules.md, "Catalog").
   *
   * @param version the validated version rating and invoicing use
   * @param document the document as it was posted, for reading it back
   * @param publishedAt when the entity recorded it
   */
  record CatalogVersionPublished(
      CatalogVersion version, CatalogDocument document, Instant publishedAt)
      implements CatalogEvent {

    /** The version as the catalog keeps it. */
    public PublishedVersion toPublished() {
      return new PublishedVersion(version, document, publishedAt);
    }
  }
}
