package com.telco.billing.core.rating;

import com.telco.billing.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A rated usage record: what docs/billing-rules.md, "Rating a usage record", step 6 says it keeps
 * (record id, subscription, catalog version, charge id, rounded quantity, allowance used,
 * chargeable quantity, amount at scale 6) plus what invoicing aggregates usage lines by
 * (subscription, usage type, zone, band; "Invoices") and the period it belongs to.
 *
 * <p>"Records that are refused or held": a {@code late} record (its period already invoiced) was
 * rated against its own period's allowance and tiers and is billed on the next invoice as a
 * late-usage line naming {@code periodStart}.
 *
 * @param recordId the record's id within its source
 * @param source the mediation feed
 * @param subscriptionId the subscription guiding found
 * @param offeringId the subscription's offering on the usage date
 * @param catalogVersion the id of the catalog version in effect at {@code usageDate}
 * @param chargeId the usage charge that priced it
 * @param usageType the usage type
 * @param zone the zone the price was selected by, or {@code null} when the charge has no zones
 * @param band the time band the price was selected by, or {@code null} when the charge has none
 * @param usageDate the start of the event
 * @param periodStart the first date of the bill period containing {@code usageDate}
 * @param roundedQuantity {@code r = max(minimum, ceil(q / increment) * increment)}, base units
 * @param allowanceUsed the part of {@code r} taken from the allowance
 * @param chargeableQuantity {@code r - allowanceUsed}, priced through the tiers
 * @param amount the price of {@code chargeableQuantity}, unrounded at scale 6 (HALF_UP)
 * @param late true when the period was already invoiced when the record was rated
 */
public record RatedUsage(
    String recordId,
    String source,
    String subscriptionId,
    String offeringId,
    String catalogVersion,
    String chargeId,
    String usageType,
    String zone,
    String band,
    Instant usageDate,
    LocalDate periodStart,
    long roundedQuantity,
    long allowanceUsed,
    long chargeableQuantity,
    Money amount,
    boolean late) {

  public RatedUsage {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(offeringId, "offeringId");
    Objects.requireNonNull(catalogVersion, "catalogVersion");
    Objects.requireNonNull(chargeId, "chargeId");
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(usageDate, "usageDate");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(amount, "amount");
    if (roundedQuantity < 0
        || allowanceUsed < 0
        || chargeableQuantity < 0
        || allowanceUsed + chargeableQuantity != roundedQuantity) {
      throw new IllegalArgumentException(
          "inconsistent quantities: rounded "
              + roundedQuantity
              + ", allowance "
              + allowanceUsed
              + ", chargeable "
              + chargeableQuantity);
    }
  }

  /** The counters this record was rated against and adds to. */
  public CounterKey counterKey() {
    return new CounterKey(subscriptionId, usageType, periodStart);
  }
}
