package com.telco.billing.core.rating;

import com.telco.billing.core.validation.FieldError;
import java.util.Objects;

/**
 * What the {@link Rater} answers for one record (docs/billing-rules.md, "Rating a usage record" and
 * "Records that are refused or held"):
 *
 * <ul>
 *   <li>{@link Rated}: priced; persist it and store {@link Rated#counters()} under {@link
 *       Rated#key()}.
 *   <li>{@link Rejected}: invalid against the catalog (unknown usage type, unit of another kind);
 *       refused with a per-record reason, nothing is kept.
 *   <li>{@link Unratable}: unguided or unratable (no subscription, no price, ...); held in suspense
 *       with the reason, to be recycled once the cause is fixed. Counters are unchanged.
 * </ul>
 */
public sealed interface RatingOutcome
    permits RatingOutcome.Rated, RatingOutcome.Rejected, RatingOutcome.Unratable {

  /**
   * The record is rated.
   *
   * @param usage the rated usage
   * @param key the counters it was rated against, {@code usage.counterKey()}
   * @param counters the counters of {@code key} after this record
   */
  record Rated(RatedUsage usage, CounterKey key, UsageCounters counters) implements RatingOutcome {
    public Rated {
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(counters, "counters");
    }
  }

  /**
   * The record is invalid and refused.
   *
   * @param reason a code of {@link RatingReasons}
   * @param field the record field concerned
   * @param message for people
   */
  record Rejected(String reason, String field, String message) implements RatingOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    /** The same refusal as a {@link FieldError}. */
    public FieldError toFieldError() {
      return new FieldError(reason, field, message);
    }
  }

  /**
   * The record cannot be rated now and goes to suspense.
   *
   * @param reason a code of {@link RatingReasons}
   * @param field the record field concerned, or {@code null}
   * @param message for people, naming the missing fact
   */
  record Unratable(String reason, String field, String message) implements RatingOutcome {
    public Unratable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    /** The same reason as a {@link FieldError}. */
    public FieldError toFieldError() {
      return new FieldError(reason, field, message);
    }
  }
}
