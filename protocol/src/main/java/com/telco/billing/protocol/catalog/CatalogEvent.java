package com.telco.billing.protocol.catalog;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.catalog.journal.CatalogDocumentRecord;
import com.telco.billing.protocol.catalog.journal.CatalogVersionRecord;
import java.time.Instant;

/**
 * Events of the Catalog entity, persisted in the journal under {@code Catalog|catalog} and followed
 * by the catalog replica of every node. Named in the past tense. Made of the journal records of
 * {@link com.telco.billing.protocol.catalog.journal}; the entity maps them in {@code
 * CatalogJournal}.
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
   * @param origin the request that published it ({@code null} on events written before origins were
   *     recorded)
   */
  record CatalogVersionPublished(
      CatalogVersionRecord version,
      CatalogDocumentRecord document,
      Instant publishedAt,
      Origin origin)
      implements CatalogEvent {}
}
