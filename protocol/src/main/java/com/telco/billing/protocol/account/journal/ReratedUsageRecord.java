package com.telco.billing.protocol.account.journal;

import java.util.Objects;

/**
 * A usage record rated again (docs/rerating.md), in the journal: its rating before and after.
 *
 * @param before the rating it had (its last one in the journal)
 * @param after the rating it has now
 * @param invoicedPeriod whether its bill period was invoiced: its difference is billed by an
 *     adjustment line; else its usage line changed
 * @param adjustmentId the adjustment line that bills the difference of its group; {@code null} for
 *     an open period, or when the group's difference rounded to zero
 */
public record ReratedUsageRecord(
    RatedUsageRecord before, RatedUsageRecord after, boolean invoicedPeriod, String adjustmentId) {

  public ReratedUsageRecord {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
