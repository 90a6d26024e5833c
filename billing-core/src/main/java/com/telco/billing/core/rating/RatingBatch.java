package com.telco.billing.core.rating;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link Rater#rateAll}: one outcome per record, in record order, and the counters
 * after the last one.
 *
 * @param outcomes the outcome of each record, in order
 * @param counters every counter after the batch: the input counters updated by the rated records
 */
public record RatingBatch(List<RatingOutcome> outcomes, Map<CounterKey, UsageCounters> counters) {
  public RatingBatch {
    outcomes = List.copyOf(outcomes);
    counters = Map.copyOf(counters);
  }
}
