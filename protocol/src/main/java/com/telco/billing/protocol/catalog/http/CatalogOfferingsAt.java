package com.telco.billing.protocol.catalog.http;

import com.telco.billing.core.catalog.CatalogDocument.ProductOfferingJson;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /catalog/offerings?at=}: the offerings in effect at {@code at}, as published
 * in the version in effect then (the one with the greatest {@code effectiveFrom <= at}).
 *
 * @param at the instant asked for
 * @param version the id of the version in effect at {@code at}
 * @param effectiveFrom when that version took effect
 * @param productOfferings its offerings, in the document's format
 */
public record CatalogOfferingsAt(
    Instant at, String version, Instant effectiveFrom, List<ProductOfferingJson> productOfferings) {

  public static CatalogOfferingsAt from(Instant at, PublishedVersion inEffect) {
    List<ProductOfferingJson> offerings = inEffect.document().productOfferings();
    return new CatalogOfferingsAt(
        at,
        inEffect.version().version(),
        inEffect.version().effectiveFrom(),
        offerings == null ? List.of() : offerings);
  }
}
