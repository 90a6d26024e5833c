package com.telco.billing.protocol.catalog.http;

import com.telco.billing.core.catalog.CatalogCorrection;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.time.Instant;
import java.util.List;

/**
 * A catalog version in short: the body of a successful {@code POST /catalog/versions} and an entry
 * of {@code GET /catalog/versions}.
 *
 * @param version the version id
 * @param effectiveFrom when it takes effect (a correction: the start of the corrected interval)
 * @param correction a correction version's {@code effectiveUntil} and {@code reason}; absent for an
 *     ordinary version
 * @param description its description, absent when it has none
 * @param publishedAt when it was published
 * @param publishedBy the subject that published it; absent for versions published before it was
 *     recorded
 * @param productOfferingIds the ids of its offerings, in document order
 */
public record CatalogVersionSummary(
    String version,
    Instant effectiveFrom,
    CatalogCorrection correction,
    String description,
    Instant publishedAt,
    String publishedBy,
    List<String> productOfferingIds) {

  public static CatalogVersionSummary from(PublishedVersion published) {
    var version = published.version();
    return new CatalogVersionSummary(
        version.version(),
        version.effectiveFrom(),
        version.correction(),
        version.description(),
        published.publishedAt(),
        published.publishedBy(),
        version.productOfferings().stream().map(ProductOffering::id).toList());
  }
}
