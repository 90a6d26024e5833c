package com.telco.billing.protocol.account.journal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rated usage record in the journal (docs/billing-rules.md, "Rating a usage record", step 6).
 *
 * @param zone the zone the price was selected by, or {@code null}
 * @param band the time band the price was selected by, or {@code null}
 * @param late true when its period was already invoiced when it was rated
 */
public record RatedUsageRecord(
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
    MoneyRecord amount,
    boolean late) {}
