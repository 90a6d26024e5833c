package com.telco.billing.core.dedupe;

import java.util.Arrays;

/**
 * Arrays of the entries a {@link FingerprintTrie} holds, two longs each: {@code hi} and {@code lo |
 * tag} (the fingerprint and the low 16 bits of its record's UTC epoch day). Orders them by {@code
 * (hi, lo)} unsigned, collects the entries a batch adds ({@link Batch}) and sorts them before they
 * are added to the trie or a snapshot is rebuilt into one.
 */
final class TaggedEntries {

  /** Entries per bucket {@link #sorted} aims at. */
  private static final int RADIX_BUCKET = 256;

  private TaggedEntries() {}

  /** Compares entry {@code i} of {@code a} with entry {@code j} of {@code b}, unsigned. */
  static int compare(long[] a, int i, long[] b, int j) {
    int c = Long.compareUnsigned(a[2 * i], b[2 * j]);
    return c != 0 ? c : Long.compareUnsigned(a[2 * i + 1], b[2 * j + 1]);
  }

  /** Whether entries {@code i} and {@code j} of {@code a} have the same fingerprint. */
  static boolean sameFingerprint(long[] a, int i, int j) {
    return a[2 * i] == a[2 * j]
        && (a[2 * i + 1] & Fingerprint.LO_MASK) == (a[2 * j + 1] & Fingerprint.LO_MASK);
  }

  /**
   * The first {@code n} entries of {@code a} in ascending order, in {@code a} or in a new array.
   * Large inputs are first distributed by the top bits of {@code hi} into buckets of about 256
   * entries (uniform for hashes), each then sorted in cache; any input stays correct, skewed input
   * just sorts larger buckets.
   */
  static long[] sorted(long[] a, int n) {
    if (n <= 4 * RADIX_BUCKET) {
      mergeSort(a, 0, n, new long[2 * n]);
      return a;
    }
    int bits = Math.min(16, 64 - Long.numberOfLeadingZeros(n / RADIX_BUCKET));
    int[] start = new int[(1 << bits) + 1];
    for (int i = 0; i < n; i++) {
      start[(int) (a[2 * i] >>> (64 - bits)) + 1]++;
    }
    for (int b = 1; b < start.length; b++) {
      start[b] += start[b - 1];
    }
    long[] out = new long[2 * n];
    int[] next = Arrays.copyOf(start, start.length - 1);
    for (int i = 0; i < n; i++) {
      int k = next[(int) (a[2 * i] >>> (64 - bits))]++;
      out[2 * k] = a[2 * i];
      out[2 * k + 1] = a[2 * i + 1];
    }
    long[] tmp = a;
    for (int b = 0; b + 1 < start.length; b++) {
      mergeSort(out, start[b], start[b + 1], tmp);
    }
    return out;
  }

  /**
   * Sorts entries {@code [from, to)} of {@code a} in place, using the same range of {@code tmp}: a
   * natural merge sort, so a range made of a few sorted runs costs {@code O(n log runs)}.
   */
  private static void mergeSort(long[] a, int from, int to, long[] tmp) {
    int[] starts = new int[16];
    int runs = 0;
    starts[runs++] = from;
    for (int i = from + 1; i < to; i++) {
      if (compare(a, i - 1, a, i) > 0) {
        if (runs + 1 >= starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[runs++] = i;
      }
    }
    if (runs <= 1) {
      return;
    }
    starts[runs] = to;
    long[] src = a;
    long[] dst = tmp;
    while (runs > 1) {
      int out = 0;
      for (int r = 0; r < runs; r += 2) {
        int lo = starts[r];
        int mid = starts[Math.min(r + 1, runs)];
        int hi = starts[Math.min(r + 2, runs)];
        mergeRuns(src, lo, mid, hi, dst);
        starts[out++] = lo;
      }
      starts[out] = to;
      runs = out;
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 2 * from, a, 2 * from, 2 * (to - from));
    }
  }

  private static void mergeRuns(long[] src, int lo, int mid, int hi, long[] dst) {
    int i = lo;
    int j = mid;
    int k = 2 * lo;
    while (i < mid && j < hi) {
      if (compare(src, i, src, j) <= 0) {
        dst[k++] = src[2 * i];
        dst[k++] = src[2 * i + 1];
        i++;
      } else {
        dst[k++] = src[2 * j];
        dst[k++] = src[2 * j + 1];
        j++;
      }
    }
    System.arraycopy(src, 2 * i, dst, k, 2 * (mid - i));
    k += 2 * (mid - i);
    System.arraycopy(src, 2 * j, dst, k, 2 * (hi - j));
  }

  /** The entries a batch adds, unsorted, and the day of each. */
  static final class Batch {
    final long[] entries;
    final long[] days;
    int count;

    Batch(int capacity) {
      entries = new long[2 * capacity];
      days = new long[capacity];
    }

    /** Adds the entry of {@code fp}, tagged with {@code day} (a UTC epoch day). */
    void add(Fingerprint fp, long day) {
      entries[2 * count] = fp.hi();
      entries[2 * count + 1] = fp.lo() | (day & FingerprintTrie.TAG_MASK);
      days[count++] = day;
    }
  }
}
