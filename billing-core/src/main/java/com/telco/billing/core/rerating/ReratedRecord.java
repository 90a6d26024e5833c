package com.telco.billing.core.rerating;

import com.telco.billing.core.rating.RatedUsage;
import java.util.Objects;

/**
 * A record rated again whose rating changed: the rating before and after (docs/rerating.md).
 *
 * @param before the record as rated before (by the journal's last rating of it)
 * @param after the record as rated again
 */
public record ReratedRecord(RatedUsage before, RatedUsage after) {

  public ReratedRecord {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!before.recordId().equals(after.recordId()) || !before.source().equals(after.source())) {
      throw new IllegalArgumentException("before and after are not the same record");
    }
  }

  /** Whether two ratings of one record differ in anything a rating decides. */
  static boolean differ(RatedUsage a, RatedUsage b) {
    return a.amount().amount().compareTo(b.amount().amount()) != 0
        || !a.amount().currency().equals(b.amount().currency())
        || !a.catalogVersion().equals(b.catalogVersion())
        || !a.offeringId().equals(b.offeringId())
        || !a.chargeId().equals(b.chargeId())
        || !Objects.equals(a.zone(), b.zone())
        || !Objects.equals(a.band(), b.band())
        || !a.periodStart().equals(b.periodStart())
        || a.roundedQuantity() != b.roundedQuantity()
        || a.allowanceUsed() != b.allowanceUsed()
        || a.chargeableQuantity() != b.chargeableQuantity();
  }
}
