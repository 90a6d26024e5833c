package com.telco.billing.protocol.catalog.http;

import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.time.Instant;
import java.util.List;

/**
 * A catalog version in short: the body of a successful {@code POST /catalog/versions} and an entry
 * of {@code GET /catalog/versions}.
 *
 * @param version the version id
 * @param effectiveFrom when it takes effect
 * @param description its description, absent when it has none
 * @param publishedAt when it was published
 * @param productOfferingIds the ids of its offerings, in document order
 */
public record CatalogVersionSummary(
    String version,
    Instant effectiveFrom,
    String description,
    Instant publishedAt,
    List<String> productOfferingIds) {

  public static CatalogVersionSummary from(PublishedVersion published) {
    var version = published.version();
    return new CatalogVersionSummary(
        version.version(),
        version.effectiveFrom(),
        version.description(),
        published.publishedAt(),
        version.productOfferings().stream().map(ProductOffering::id).toList());
  }
}
