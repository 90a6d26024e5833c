package com.telco.billing.protocol.catalog.http;

import com.telco.billing.protocol.catalog.PublishedVersion;
import java.util.List;

/**
 * Body of {@code GET /catalog/versions}: one page of the published versions, ordered by {@code
 * effectiveFrom} (which is also the order of publication).
 *
 * @param versions the versions
 * @param nextCursor the {@code cursor} of the next page; null (left out) on the last page
 */
public record CatalogVersionList(List<CatalogVersionSummary> versions, String nextCursor) {

  public static CatalogVersionList from(List<PublishedVersion> published, String nextCursor) {
    return new CatalogVersionList(
        published.stream().map(CatalogVersionSummary::from).toList(), nextCursor);
  }
}
