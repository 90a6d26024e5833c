package com.telco.billing.protocol.catalog.http;

import com.telco.billing.protocol.catalog.PublishedVersion;
import java.util.List;

/**
 * Body of {@code GET /catalog/versions}: every published version, ordered by {@code effectiveFrom}
 * (which is also the order of publication).
 *
 * @param versions the versions
 */
public record CatalogVersionList(List<CatalogVersionSummary> versions) {

  public static CatalogVersionList from(List<PublishedVersion> published) {
    return new CatalogVersionList(published.stream().map(CatalogVersionSummary::from).toList());
  }
}
