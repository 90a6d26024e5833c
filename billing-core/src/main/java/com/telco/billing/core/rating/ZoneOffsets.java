package com.telco.billing.core.rating;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UTC offset of a zone at an epoch second, from a precomputed table of the zone's transitions
 * between 1970 and 2100 (binary search, no allocation). {@link ZoneRules#getOffset(Instant)}
 * recomputes the transitions of the year from the zone's rules for every instant after the last
 * historical change (which is every recent instant in most zones); rating asks once per record.
 * Outside the table's range, and for zones whose rules cannot be tabulated, it defers to {@link
 * ZoneRules}. Tables are immutable and shared per zone.
 */
final class ZoneOffsets {
  private static final long FROM = LocalDateTime.of(1970, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long UNTIL =
      LocalDateTime.of(2101, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final ConcurrentHashMap<ZoneId, ZoneOffsets> CACHE = new ConcurrentHashMap<>();

  private final ZoneRules rules;
  private final long[] transitions;
  private final int[] offsets;

  private ZoneOffsets(ZoneRules rules) {
    this.rules = rules;
    List<ZoneOffsetTransition> all = new ArrayList<>();
    for (ZoneOffsetTransition t : rules.getTransitions()) {
      if (t.toEpochSecond() > FROM && t.toEpochSecond() < UNTIL) {
        all.add(t);
      }
    }
    List<ZoneOffsetTransitionRule> lastRules = rules.getTransitionRules();
    if (!lastRules.isEmpty()) {
      long lastHistoric = all.isEmpty() ? FROM : all.get(all.size() - 1).toEpochSecond();
      for (int year = 1970; year <= 2100; year++) {
        for (ZoneOffsetTransitionRule rule : lastRules) {
          ZoneOffsetTransition t = rule.createTransition(year);
          if (t.toEpochSecond() > lastHistoric && t.toEpochSecond() < UNTIL) {
            all.add(t);
          }
        }
      }
    }
    all.sort((a, b) -> Long.compare(a.toEpochSecond(), b.toEpochSecond()));
    this.transitions = new long[all.size() + 1];
    this.offsets = new int[all.size() + 1];
    transitions[0] = FROM;
    offsets[0] = rules.getOffset(Instant.ofEpochSecond(FROM)).getTotalSeconds();
    for (int i = 0; i < all.size(); i++) {
      transitions[i + 1] = all.get(i).toEpochSecond();
      offsets[i + 1] = all.get(i).getOffsetAfter().getTotalSeconds();
    }
  }

  /** The table of {@code zone}. */
  static ZoneOffsets of(ZoneId zone) {
    return CACHE.computeIfAbsent(zone, z -> new ZoneOffsets(z.getRules()));
  }

  /** The offset in seconds at {@code instant}; equal to {@code rules.getOffset(instant)}. */
  int offsetSecondsAt(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < FROM || second >= UNTIL) {
      return rules.getOffset(instant).getTotalSeconds();
    }
    int i = Arrays.binarySearch(transitions, second);
    return offsets[i >= 0 ? i : -i - 2];
  }
}
