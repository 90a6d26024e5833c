package com.telco.billing.protocol.catalog.http;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.time.Instant;

/**
 * Body of {@code GET /catalog/versions/{id}}: the version with the document exactly as it was
 * published.
 *
 * @param version the version id
 * @param effectiveFrom when it takes effect
 * @param publishedAt when it was published
 * @param document the published document
 */
public record CatalogVersionDetail(
    String version, Instant effectiveFrom, Instant publishedAt, CatalogDocument document) {

  public static CatalogVersionDetail from(PublishedVersion published) {
    return new CatalogVersionDetail(
        published.version().version(),
        published.version().effectiveFrom(),
        published.publishedAt(),
        published.document());
  }
}
