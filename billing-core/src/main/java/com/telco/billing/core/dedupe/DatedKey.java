package com.telco.billing.core.dedupe;

import java.time.Instant;
import java.util.Objects;

/**
 * A record offered to the {@link DedupeWindow}: its identity and its {@code usageDate}. The date
 * only decides how long the window remembers the id (until its UTC day is older than {@code
 * maxUsageAge}); whether a record is a duplicate depends on the key alone, so a record sent again
 * with a different usage date is still a duplicate.
 *
 * @param key the record's {@code (source, id)}
 * @param usageDate the start of the event
 */
public record DatedKey(RecordKey key, Instant usageDate) {
  public DatedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(usageDate, "usageDate");
  }

  /** Shorthand for {@code new DatedKey(new RecordKey(source, id), usageDate)}. */
  public static DatedKey of(String source, String id, Instant usageDate) {
    return new DatedKey(new RecordKey(source, id), usageDate);
  }
}
