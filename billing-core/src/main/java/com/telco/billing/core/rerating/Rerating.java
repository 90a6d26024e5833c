package com.telco.billing.core.rerating;

import com.telco.billing.core.rating.CounterKey;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.Rater;
import com.telco.billing.core.rating.RatingContext;
import com.telco.billing.core.rating.RatingOutcome;
import com.telco.billing.core.rating.UsageCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates an account's records again with the catalog in effect (docs/billing-rules.md, "Rating a
 * usage record"; docs/rerating.md).
 *
 * <p>Allowances and tiers count per (subscription, usage type, bill period), so a record's price
 * depends on the records of its key before it. The account's records are therefore walked in
 * journal order from zero counters: a selected record is rated again against the counters the
 * records before it left (as rated again, or as they stand when not selected); a record not
 * selected keeps its rating and advances the counters by its own quantities. A selected record the
 * catalog no longer rates keeps its rating (and counts as it stands). Pure: the same inputs give
 * the same outcome, so rating again what was just rated again changes nothing.
 */
public final class Rerating {
  private Rerating() {}

  /**
   * Rates the selected records of {@code records} again.
   *
   * @param rater the rater of the catalog in effect
   * @param context the account as it is known now (its subscriptions' lifecycles included)
   * @param selection the records to rate again
   * @param records every record the account rated, each as last rated, in journal order
   */
  public static RerateOutcome rerate(
      Rater rater, RatingContext context, RerateSelection selection, List<RatedUsage> records) {
    Map<CounterKey, UsageCounters> counters = new HashMap<>();
    List<ReratedRecord> changed = new ArrayList<>();
    List<RerateOutcome.Unratable> unratable = new ArrayList<>();
    long selected = 0;
    for (RatedUsage record : records) {
      RatedUsage counted = record;
      if (selection.selects(record)) {
        selected++;
        RatingOutcome outcome = rater.rerate(counters::get, record, context);
        if (outcome instanceof RatingOutcome.Rated rated) {
          counted = rated.usage();
          if (ReratedRecord.differ(record, counted)) {
            changed.add(new ReratedRecord(record, counted));
          }
        } else if (outcome instanceof RatingOutcome.Unratable failed) {
          unratable.add(new RerateOutcome.Unratable(record.recordId(), failed.reason()));
        } else if (outcome instanceof RatingOutcome.Rejected rejected) {
          unratable.add(new RerateOutcome.Unratable(record.recordId(), rejected.reason()));
        }
      }
      counters.put(
          counted.counterKey(),
          counters.getOrDefault(counted.counterKey(), UsageCounters.ZERO).plus(counted));
    }
    return new RerateOutcome(selected, changed, unratable);
  }
}
