package com.telco.billing.core.rating;

import com.telco.billing.core.dedupe.DatedKey;
import com.telco.billing.core.dedupe.DedupeVerdict;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.core.validation.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rates one account's batch of usage records in arrival order: what the account entity does with a
 * {@code RateUsage} command, without the entity.
 *
 * <p>docs/billing-rules.md, "Records that are refused or held": a record whose id (scoped by its
 * source) was accepted before, in an earlier batch or earlier in this one, is a {@link Duplicate}
 * and never charged again; a record whose day the dedupe window already forgot is {@link Rejected}
 * as too old ({@link RatingReasons#TOO_OLD}, docs/dedupe.md, "How the entity uses it"); a record
 * invalid against the catalog is {@link Rejected} and one that cannot be guided or priced is {@link
 * Suspended}, while the other records of the batch are still rated. "Rating a usage record": every
 * other record goes through the {@link Rater} (guiding, rounding, allowance, tiers), each against
 * the counters the records before it left (docs/rating.md, "Counters").
 *
 * <p>Pure: the account's state is read, never changed. The caller persists {@link Result#rated()}
 * with the dedupe cutoff, and its event handler advances the dedupe window ({@link
 * DedupeWindow#withAccepted}) and the usage book ({@link UsageBook#with}) from them.
 */
public final class UsageRating {
  private UsageRating() {}

  /** What became of one record of the batch. */
  public sealed interface Outcome
      permits UsageRating.Accepted,
          UsageRating.Duplicate,
          UsageRating.Rejected,
          UsageRating.Suspended {}

  /**
   * Rated: to persist.
   *
   * @param usage the rated usage
   */
  public record Accepted(RatedUsage usage) implements Outcome {
    public Accepted {
      Objects.requireNonNull(usage, "usage");
    }
  }

  /**
   * Accepted before: acknowledged, not charged.
   *
   * @param id the record id
   * @param source the source scoping the id
   */
  public record Duplicate(String id, String source) implements Outcome {}

  /**
   * Refused; nothing is kept.
   *
   * @param id the record id
   * @param source the source scoping the id
   * @param reason the reason code of {@link RatingReasons}, the field and a message
   */
  public record Rejected(String id, String source, FieldError reason) implements Outcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Held in suspense until its cause is fixed.
   *
   * @param id the record id
   * @param source the source scoping the id
   * @param reason the reason code of {@link RatingReasons}, the field (or {@code null}) and a
   *     message naming the missing fact
   */
  public record Suspended(String id, String source, FieldError reason) implements Outcome {
    public Suspended {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The batch's outcomes and what to persist.
   *
   * @param outcomes one per record, in batch order
   * @param rated the rated records, in batch order: the usage to persist (empty: nothing to
   *     persist)
   */
  public record Result(List<Outcome> outcomes, List<RatedUsage> rated) {
    public Result {
      outcomes = List.copyOf(outcomes);
      rated = List.copyOf(rated);
    }
  }

  /**
   * Rates {@code records} for one account.
   *
   * @param rater the compiled catalog
   * @param context the account, its subscriptions and which periods are invoiced
   * @param dedupe the account's dedupe window
   * @param usage the account's usage book: the counters before the batch
   * @param records the batch, in arrival order
   * @param dedupeCutoff {@code now - maxUsageAge}: the window forgets record ids of days before it
   */
  public static Result rate(
      Rater rater,
      RatingContext context,
      DedupeWindow dedupe,
      UsageBook usage,
      List<UsageRecord> records,
      Instant dedupeCutoff) {
    List<DatedKey> keys = new ArrayList<>(records.size());
    for (UsageRecord record : records) {
      keys.add(DatedKey.of(record.source(), record.id(), record.usageDate()));
    }
    List<DedupeVerdict> verdicts = dedupe.evictBefore(dedupeCutoff).classify(keys);
    Map<CounterKey, UsageCounters> batchCounters = new HashMap<>();
    List<Outcome> outcomes = new ArrayList<>(records.size());
    List<RatedUsage> rated = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      UsageRecord record = records.get(i);
      DedupeVerdict verdict = verdicts.get(i);
      if (verdict == DedupeVerdict.DUPLICATE) {
        outcomes.add(new Duplicate(record.id(), record.source()));
        continue;
      }
      if (verdict == DedupeVerdict.TOO_OLD) {
        outcomes.add(
            new Rejected(
                record.id(),
                record.source(),
                new FieldError(
                    RatingReasons.TOO_OLD, "usageDate", "usage is older than the dedupe window")));
        continue;
      }
      RatingOutcome outcome =
          rater.rate(
              key ->
                  batchCounters.containsKey(key) ? batchCounters.get(key) : usage.countersOf(key),
              record,
              context);
      if (outcome instanceof RatingOutcome.Rated ratedOutcome) {
        batchCounters.put(ratedOutcome.key(), ratedOutcome.counters());
        rated.add(ratedOutcome.usage());
        outcomes.add(new Accepted(ratedOutcome.usage()));
      } else if (outcome instanceof RatingOutcome.Rejected rejected) {
        outcomes.add(new Rejected(record.id(), record.source(), rejected.toFieldError()));
      } else if (outcome instanceof RatingOutcome.Unratable unratable) {
        outcomes.add(new Suspended(record.id(), record.source(), unratable.toFieldError()));
      }
    }
    return new Result(outcomes, rated);
  }
}
