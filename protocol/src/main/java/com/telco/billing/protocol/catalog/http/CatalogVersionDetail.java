package com.telco.billing.protocol.catalog.http;

import com.telco.billing.core.catalog.CatalogCorrection;
import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.time.Instant;

/**
 * Body of {@code GET /catalog/versions/{id}}: the version with the document exactly as it was
 * published.
 *
 * @param version the version id
 * @param effectiveFrom when it takes effect (a correction: the start of the corrected interval)
 * @param correction a correction version's {@code effectiveUntil} and {@code reason}; absent for an
 *     ordinary version
 * @param publishedAt when it was published
 * @param publishedBy the subject that published it; absent for versions published before it was
 *     recorded
 * @param document the published document
 */
public record CatalogVersionDetail(
    String version,
    Instant effectiveFrom,
    CatalogCorrection correction,
    Instant publishedAt,
    String publishedBy,
    CatalogDocument document) {

  public static CatalogVersionDetail from(PublishedVersion published) {
    return new CatalogVersionDetail(
        published.version().version(),
        published.version().effectiveFrom(),
        published.version().correction(),
        published.publishedAt(),
        published.publishedBy(),
        published.document());
  }
}
