package com.telco.billing.protocol.usage;

import java.util.List;

/**
 * Body of a {@code POST /usage} answer: counts by outcome and one outcome per record, in the order
 * the records were sent.
 */
public record UsageResponse(
    int received,
    int accepted,
    int duplicate,
    int rejected,
    int suspended,
    List<UsageOutcome> records) {

  public static UsageResponse of(List<UsageOutcome> outcomes) {
    int[] counts = new int[UsageOutcome.Status.values().length];
    for (UsageOutcome outcome : outcomes) {
      counts[outcome.status().ordinal()]++;
    }
    return new UsageResponse(
        outcomes.size(),
        counts[UsageOutcome.Status.ACCEPTED.ordinal()],
        counts[UsageOutcome.Status.DUPLICATE.ordinal()],
        counts[UsageOutcome.Status.REJECTED.ordinal()],
        counts[UsageOutcome.Status.SUSPENDED.ordinal()],
        outcomes);
  }
}
