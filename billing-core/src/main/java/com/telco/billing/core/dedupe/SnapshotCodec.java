package com.telco.billing.core.dedupe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A {@link DedupeWindow}'s parts to its persisted form, a {@link DedupeSnapshot} (per UTC day the
 * fingerprints of the ids accepted on it, 16 bytes each, big-endian), and back; docs/dedupe.md,
 * "Persistence".
 */
final class SnapshotCodec {
  private static final int BYTES_PER_ID = DedupeSnapshot.DayIds.BYTES_PER_ID;

  /** Big-endian longs in a {@code byte[]}, for the snapshot form. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private SnapshotCodec() {}

  /**
   * The parts of a window as a snapshot describes them.
   *
   * @param root the trie of the remembered ids
   * @param days the remembered UTC epoch days, ascending
   * @param counts the number of ids of each day
   * @param size the number of ids
   * @param horizonDay the first day the window answers for
   */
  record Parts(Object root, long[] days, int[] counts, int size, long horizonDay) {}

  /** The snapshot of a window's parts. */
  static DedupeSnapshot encode(Object root, long[] days, int[] counts, long horizonDay) {
    byte[][] perDay = new byte[days.length][];
    for (int d = 0; d < days.length; d++) {
      perDay[d] = new byte[BYTES_PER_ID * counts[d]];
    }
    int[] dayOfTag = dayIndexByTagOffset(days);
    int[] filled = new int[days.length];
    long firstTag = days.length == 0 ? 0 : days[0];
    FingerprintTrie.forEachLeaf(
        root,
        leaf -> {
          for (int i = 0; i < leaf.length; i += 2) {
            int d = dayOfTag[(int) ((leaf[i + 1] - firstTag) & FingerprintTrie.TAG_MASK)];
            byte[] out = perDay[d];
            LONGS.set(out, filled[d], leaf[i]);
            LONGS.set(out, filled[d] + 8, leaf[i + 1] & Fingerprint.LO_MASK);
            filled[d] += BYTES_PER_ID;
          }
        });
    List<DedupeSnapshot.DayIds> out = new ArrayList<>(days.length);
    for (int d = 0; d < days.length; d++) {
      out.add(new DedupeSnapshot.DayIds(days[d], perDay[d]));
    }
    return new DedupeSnapshot(horizonDay, out);
  }

  /**
   * The parts of the window a snapshot was made of. Days may come in any order; days without ids
   * are skipped.
   *
   * @throws IllegalArgumentException if the snapshot holds a day twice, a day before its horizon, a
   *     fingerprint twice, a fingerprint with its low 16 bits set, or days 65,536 or more apart
   */
  static Parts decode(DedupeSnapshot snapshot) {
    long horizon = snapshot.horizonDay();
    TreeMap<Long, DedupeSnapshot.DayIds> byDay = new TreeMap<>();
    long total = 0;
    for (DedupeSnapshot.DayIds day : snapshot.days()) {
      if (day.count() == 0) {
        continue;
      }
      if (day.epochDay() < horizon) {
        throw new IllegalArgumentException(
            "day " + day.epochDay() + " is before the horizon " + horizon);
      }
      if (byDay.put(day.epochDay(), day) != null) {
        throw new IllegalArgumentException("day " + day.epochDay() + " appears twice");
      }
      total += day.count();
    }
    if (byDay.isEmpty()) {
      return new Parts(FingerprintTrie.EMPTY, new long[0], new int[0], 0, horizon);
    }
    if (byDay.lastKey() - byDay.firstKey() >= DedupeWindow.MAX_DAY_SPAN) {
      throw new IllegalArgumentException(
          "days " + byDay.firstKey() + " and " + byDay.lastKey() + " are too far apart");
    }
    if (total > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("too many ids: " + total);
    }
    int n = (int) total;
    long[] entries = new long[2 * n];
    long[] days = new long[byDay.size()];
    int[] counts = new int[byDay.size()];
    int k = 0;
    int d = 0;
    for (DedupeSnapshot.DayIds day : byDay.values()) {
      long tag = day.epochDay() & FingerprintTrie.TAG_MASK;
      byte[] fps = day.fingerprints();
      for (int i = 0; i < fps.length; i += BYTES_PER_ID) {
        long lo = (long) LONGS.get(fps, i + 8);
        if ((lo & ~Fingerprint.LO_MASK) != 0) {
          throw new IllegalArgumentException(
              "fingerprint of day " + day.epochDay() + " has its low 16 bits set");
        }
        entries[k++] = (long) LONGS.get(fps, i);
        entries[k++] = lo | tag;
      }
      days[d] = day.epochDay();
      counts[d++] = day.count();
    }
    entries = TaggedEntries.sorted(entries, n);
    for (int i = 1; i < n; i++) {
      if (TaggedEntries.sameFingerprint(entries, i - 1, i)) {
        throw new IllegalArgumentException(
            "fingerprint "
                + new Fingerprint(entries[2 * i], entries[2 * i + 1] & Fingerprint.LO_MASK)
                + " appears twice");
      }
    }
    return new Parts(FingerprintTrie.build(entries, 0, n, 0), days, counts, n, horizon);
  }

  /**
   * Index {@code (tag - days[0]) mod 2^16} gives the index in {@code days} of the day with that tag
   * (tags are unique among the remembered days, which span fewer than 65,536 days).
   */
  private static int[] dayIndexByTagOffset(long[] days) {
    if (days.length == 0) {
      return new int[0];
    }
    int[] index = new int[(int) (days[days.length - 1] - days[0]) + 1];
    for (int d = 0; d < days.length; d++) {
      index[(int) (days[d] - days[0])] = d;
    }
    return index;
  }
}
