package com.telco.billing.core.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The window against a plain model (a map from key to day and a horizon), over arbitrary sequences
 * of batches with repeats, evictions and snapshot round trips.
 */
class DedupeWindowPropertiesTest {

  private static final Instant DAY_0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int DAYS = 8;

  /**
   * 16,200 ids (about 1,012 per first-level leaf) on days 0..7 from other sources: enough for a
   * trie with branches, so that the sequences below split leaves and eviction collapses branches.
   * Shared by every try: windows are immutable.
   */
  private static final List<DatedKey> BASE_KEYS = baseKeys();

  private static final DedupeWindow BASE = DedupeWindow.empty().withAccepted(BASE_KEYS);

  private static final Map<RecordKey, Long> BASE_MODEL = new HashMap<>();

  static {
    for (DatedKey k : BASE_KEYS) {
      BASE_MODEL.put(k.key(), DedupeWindow.epochDay(k.usageDate()));
    }
  }

  private static List<DatedKey> baseKeys() {
    SplittableRandom random = new SplittableRandom(17);
    List<DatedKey> keys = new ArrayList<>();
    for (int i = 0; i < 16_200; i++) {
      keys.add(DatedKey.of("base", "b" + i, DAY_0.plusSeconds(random.nextLong(DAYS * 86_400L))));
    }
    return keys;
  }

  @Provide
  Arbitrary<DatedKey> keys() {
    return Combinators.combine(
            Arbitraries.of("MSC-1", "MSC-2", "GGSN"),
            Arbitraries.integers().between(0, 40),
            Arbitraries.longs().between(0, DAYS * 86_400L - 1))
        .as((source, id, second) -> DatedKey.of(source, "r" + id, DAY_0.plusSeconds(second)));
  }

  @Provide
  Arbitrary<List<List<DatedKey>>> batches() {
    return keys().list().ofMaxSize(12).list().ofMaxSize(15);
  }

  @Property
  void everyDistinctKeyIsAcceptedExactlyOnce(@ForAll("batches") List<List<DatedKey>> batches) {
    DedupeWindow window = DedupeWindow.empty();
    List<RecordKey> accepted = new ArrayList<>();
    Set<RecordKey> distinct = new LinkedHashSet<>();
    for (List<DatedKey> batch : batches) {
      DedupeWindow.Admission admission = window.admit(batch);
      for (int i = 0; i < batch.size(); i++) {
        if (admission.verdicts().get(i) == DedupeVerdict.ACCEPTED) {
          accepted.add(batch.get(i).key());
        }
        distinct.add(batch.get(i).key());
      }
      window = admission.window();
    }
    assertEquals(distinct.size(), accepted.size(), "each key accepted exactly once");
    assertEquals(distinct, new HashSet<>(accepted));
    assertEquals(distinct.size(), window.size());
    for (RecordKey key : distinct) {
      assertTrue(window.contains(key));
    }
  }

  /** One step: a batch, an eviction (cutoff in seconds from day 0), or a snapshot round trip. */
  record Step(List<DatedKey> batch, Long evictAtSecond, boolean roundTrip) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> batch = keys().list().ofMaxSize(12).map(b -> new Step(b, null, false));
    Arbitrary<Step> evict =
        Arbitraries.longs()
            .between(0, (DAYS + 1) * 86_400L)
            .map(second -> new Step(List.of(), second, false));
    Arbitrary<Step> roundTrip = Arbitraries.just(new Step(List.of(), null, true));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, batch),
            net.jqwik.api.Tuple.of(1, evict),
            net.jqwik.api.Tuple.of(1, roundTrip))
        .list()
        .ofMaxSize(25);
  }

  @Property(tries = 200)
  void behavesLikeAMapOfKeysToDays(@ForAll("steps") List<Step> steps) {
    DedupeWindow window = BASE;
    Map<RecordKey, Long> model = new HashMap<>(BASE_MODEL);
    TreeMap<LocalDate, Integer> counts = countsByDay(model);
    long horizon = Long.MIN_VALUE;
    for (Step step : steps) {
      if (step.roundTrip()) {
        DedupeSnapshot snapshot = window.toSnapshot();
        DedupeWindow restored = DedupeWindow.fromSnapshot(snapshot);
        assertEquals(snapshot, restored.toSnapshot());
        window = restored;
      } else if (step.evictAtSecond() != null) {
        Instant cutoff = DAY_0.plusSeconds(step.evictAtSecond());
        window = window.evictBefore(cutoff);
        horizon = Math.max(horizon, DedupeWindow.epochDay(cutoff));
        long h = horizon;
        model.values().removeIf(day -> day < h);
        counts.headMap(LocalDate.ofEpochDay(h)).clear();
      } else {
        List<DedupeVerdict> expected = new ArrayList<>();
        for (DatedKey k : step.batch()) {
          long day = DedupeWindow.epochDay(k.usageDate());
          if (day < horizon) {
            expected.add(DedupeVerdict.TOO_OLD);
          } else if (model.containsKey(k.key())) {
            expected.add(DedupeVerdict.DUPLICATE);
          } else {
            expected.add(DedupeVerdict.ACCEPTED);
            model.put(k.key(), day);
            counts.merge(LocalDate.ofEpochDay(day), 1, Integer::sum);
          }
        }
        DedupeWindow.Admission admission = window.admit(step.batch());
        assertEquals(expected, admission.verdicts());
        window = admission.window();
      }
      assertEquals(model.size(), window.size());
      assertEquals(counts, window.countsByDay());
    }
    for (RecordKey key : model.keySet()) {
      assertTrue(window.contains(key), key::toString);
    }
    assertEquals(countsByDay(model), window.countsByDay());
    if (horizon != Long.MIN_VALUE) {
      assertEquals(
          LocalDate.ofEpochDay(horizon).atStartOfDay(ZoneOffset.UTC).toInstant(), window.horizon());
    }
  }

  private static TreeMap<LocalDate, Integer> countsByDay(Map<RecordKey, Long> model) {
    TreeMap<LocalDate, Integer> counts = new TreeMap<>();
    for (long day : model.values()) {
      counts.merge(LocalDate.ofEpochDay(day), 1, Integer::sum);
    }
    return counts;
  }
}
