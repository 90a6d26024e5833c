package com.telco.billing.protocol.catalog;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A published catalog version: the validated version, the document it was published as, when and by
 * whom.
 *
 * @param version the validated version
 * @param document the document as posted
 * @param publishedAt when it was published
 * @param publishedBy the subject of the request that published it ({@link
 *     com.telco.billing.protocol.Origin#subject}); {@code null} when the event recorded no origin
 */
public record PublishedVersion(
    CatalogVersion version, CatalogDocument document, Instant publishedAt, String publishedBy)
    implements CborSerializable {
  public PublishedVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
