package com.telco.billing.core.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trie's sort, build and lookup on random, skewed and presorted entries. */
class DedupeTrieTest {

  /** Entries of the given shape: uniform hi, hi from a few values, or already in order. */
  private static long[] entries(String shape, int n, SplittableRandom random) {
    long[] a = new long[2 * n];
    for (int i = 0; i < n; i++) {
      a[2 * i] =
          switch (shape) {
            case "uniform" -> random.nextLong();
            case "skewed" -> 0x5000_0000_0000_0000L + random.nextInt(7);
            default -> 0x1000_0000_0000_0000L + 31L * i;
          };
      a[2 * i + 1] = (random.nextLong() & Fingerprint.LO_MASK) | random.nextInt(3);
    }
    return a;
  }

  private static long[] referenceSort(long[] a, int n) {
    long[][] pairs = new long[n][];
    for (int i = 0; i < n; i++) {
      pairs[i] = new long[] {a[2 * i], a[2 * i + 1]};
    }
    Arrays.sort(
        pairs,
        Comparator.<long[]>comparingLong(p -> p[0] ^ Long.MIN_VALUE)
            .thenComparingLong(p -> p[1] ^ Long.MIN_VALUE));
    long[] out = new long[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = pairs[i][0];
      out[2 * i + 1] = pairs[i][1];
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({
    "uniform, 0",
    "uniform, 1",
    "uniform, 1000",
    "uniform, 1025",
    "uniform, 70000",
    "skewed, 5000",
    "sorted, 5000",
    "sorted, 1000"
  })
  void sortsLikeAReferenceSortAndBuildsAFindableTrie(String shape, int n) {
    SplittableRandom random = new SplittableRandom(n);
    long[] a = entries(shape, n, random);
    long[] expected = referenceSort(a, n);

    long[] sorted = TaggedEntries.sorted(a.clone(), n);

    assertArrayEquals(expected, Arrays.copyOf(sorted, 2 * n));
    Object trie = FingerprintTrie.build(sorted, 0, n, 0);
    long bytes = FingerprintTrie.approximateBytes(trie);
    assertTrue(bytes >= 16L * n, () -> bytes + " bytes");
    for (int i = 0; i < n; i++) {
      assertTrue(FingerprintTrie.contains(trie, a[2 * i], a[2 * i + 1] & Fingerprint.LO_MASK));
      assertFalse(
          FingerprintTrie.contains(trie, a[2 * i] ^ 1L << 40, a[2 * i + 1] & Fingerprint.LO_MASK));
    }
    int[] count = {0};
    FingerprintTrie.forEachLeaf(trie, leaf -> count[0] += leaf.length / 2);
    assertEquals(n, count[0]);
  }
}
