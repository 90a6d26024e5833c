package com.telco.billing.core.catalog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A named time band (e.g. {@code PEAK}, {@code OFF_PEAK}): the weekly windows it covers.
 *
 * <p>docs/billing-rules.md, "Rating a usage record", step 3: the price is selected by time band,
 * read in the account's zone.
 *
 * @param id the band id, unique within its schedule
 * @param windows the weekly windows of the band, at least one
 */
public record TimeBand(String id, List<TimeWindow> windows) {
  public TimeBand {
    Objects.requireNonNull(id, "id");
    windows = List.copyOf(windows);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("time band " + id + " has no window");
    }
  }

  /** Whether the local date-time falls in one of the band's windows. */
  public boolean covers(LocalDateTime local) {
    return windows.stream().anyMatch(w -> w.covers(local));
  }
}
