package com.telco.billing.core.dedupe;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The persistent (copy-on-write, never mutated once built) set of entries behind a {@link
 * DedupeWindow}: a radix trie on the top bits of the fingerprint's {@code hi}, with fat sorted
 * leaves.
 *
 * <p>An entry is two longs: {@code hi} and {@code lo | tag}, where {@code lo} is the fingerprint's
 * (low 16 bits zero) and {@code tag} the low 16 bits of the record's UTC epoch day. Entries are
 * ordered by {@code (hi, lo)} unsigned; the window never holds two entries of one fingerprint, so
 * the tag never decides the order.
 *
 * <p>A node is either a leaf, a {@code long[]} of interleaved entries in ascending order, or a
 * branch, an {@code Object[FANOUT]} of nodes indexed by the next {@link #BITS} bits of {@code hi}
 * (empty slots hold the shared {@link #EMPTY} leaf). A leaf splits into a branch when it grows past
 * {@link #LEAF_MAX} entries; a branch collapses into a leaf when eviction leaves it with at most
 * {@link #COLLAPSE_AT}. Adding a sorted batch copies only the leaves it touches and their paths:
 * {@code O(batch * (LEAF_MAX + depth * FANOUT))} words, whatever the size of the set. Arrays of
 * entries are ordered and sorted by {@link TaggedEntries}.
 */
final class FingerprintTrie {

  static final int BITS = 4;
  static final int FANOUT = 1 << BITS;
  static final int LEAF_MAX = 1024;
  static final int COLLAPSE_AT = LEAF_MAX / 2;

  /** Levels that can branch: every level consumes {@link #BITS} bits of the 64 of {@code hi}. */
  static final int MAX_DEPTH = 64 / BITS;

  static final long TAG_MASK = 0xFFFFL;

  /** The shared empty leaf (also the empty set). */
  static final long[] EMPTY = new long[0];

  /** Bytes of an array header on a 64-bit HotSpot JVM with compressed class pointers. */
  static final long ARRAY_HEADER_BYTES = 16;

  /** Bytes of a reference with compressed oops (the default below a 32 GB heap). */
  static final long REFERENCE_BYTES = 4;

  /** Bytes of one branch node: an {@code Object[FANOUT]}. */
  static final long BRANCH_BYTES = align8(ARRAY_HEADER_BYTES + FANOUT * REFERENCE_BYTES);

  private FingerprintTrie() {}

  static int slot(long hi, int depth) {
    return (int) (hi >>> (64 - BITS - BITS * depth)) & (FANOUT - 1);
  }

  /**
   * Whether the trie holds an entry with fingerprint {@code (hi, lo)} ({@code lo} untagged).
   *
   * <p>In the leaf, an interpolation guess first: the leaf's entries share the {@code BITS * depth}
   * bits of {@code hi} that led to it and the bits below are uniform, so the entry sits near {@code
   * n * (remaining bits of hi) / 2^64}. A gallop from the guess brackets it (the expected error is
   * about {@code sqrt(n)}, a few cache lines) and a binary search finishes.
   */
  static boolean contains(Object root, long hi, long lo) {
    Object node = root;
    int depth = 0;
    while (node instanceof Object[] branch) {
      node = branch[slot(hi, depth++)];
    }
    long[] leaf = (long[]) node;
    int n = leaf.length >>> 1;
    if (n == 0) {
      return false;
    }
    long rest = depth >= MAX_DEPTH ? 0 : hi << (BITS * depth);
    int guess = (int) (((rest >>> 32) * n) >>> 32);
    int c = compareAt(leaf, guess, hi, lo);
    if (c == 0) {
      return true;
    }
    int low;
    int high;
    if (c < 0) {
      low = guess + 1;
      high = guess + 1;
      for (int step = 1; high < n && compareAt(leaf, high, hi, lo) < 0; step <<= 1) {
        low = high + 1;
        high = guess + 2 * step;
      }
      high = Math.min(high, n - 1);
    } else {
      high = guess - 1;
      low = guess - 1;
      for (int step = 1; low >= 0 && compareAt(leaf, low, hi, lo) > 0; step <<= 1) {
        high = low - 1;
        low = guess - 2 * step;
      }
      low = Math.max(low, 0);
    }
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int m = compareAt(leaf, mid, hi, lo);
      if (m == 0) {
        return true;
      }
      if (m < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return false;
  }

  /** Compares the fingerprint of entry {@code i} of {@code leaf} with {@code (hi, lo)}. */
  private static int compareAt(long[] leaf, int i, long hi, long lo) {
    int c = Long.compareUnsigned(leaf[2 * i], hi);
    return c != 0 ? c : Long.compareUnsigned(leaf[2 * i + 1] & Fingerprint.LO_MASK, lo);
  }

  /**
   * A trie holding the entries of {@code root} and the {@code count} entries of {@code sorted}
   * (ascending, none already in {@code root}); {@code root} is not changed.
   */
  static Object insertAll(Object root, long[] sorted, int count) {
    return count == 0 ? root : insert(root, sorted, 0, count, 0);
  }

  private static Object insert(Object node, long[] sorted, int from, int to, int depth) {
    if (node instanceof Object[] branch) {
      Object[] copy = branch.clone();
      int i = from;
      while (i < to) {
        int s = slot(sorted[2 * i], depth);
        int j = i + 1;
        while (j < to && slot(sorted[2 * j], depth) == s) {
          j++;
        }
        copy[s] = insert(branch[s], sorted, i, j, depth + 1);
        i = j;
      }
      return copy;
    }
    long[] merged = merge((long[]) node, sorted, from, to);
    return merged.length / 2 > LEAF_MAX ? build(merged, 0, merged.length / 2, depth) : merged;
  }

  /** The leaf {@code leaf} merged with entries {@code [from, to)} of {@code sorted}. */
  private static long[] merge(long[] leaf, long[] sorted, int from, int to) {
    int n = leaf.length / 2;
    long[] out = new long[leaf.length + 2 * (to - from)];
    int i = 0;
    int j = from;
    int k = 0;
    while (i < n && j < to) {
      if (TaggedEntries.compare(leaf, i, sorted, j) < 0) {
        out[k++] = leaf[2 * i];
        out[k++] = leaf[2 * i + 1];
        i++;
      } else {
        out[k++] = sorted[2 * j];
        out[k++] = sorted[2 * j + 1];
        j++;
      }
    }
    System.arraycopy(leaf, 2 * i, out, k, 2 * (n - i));
    k += 2 * (n - i);
    System.arraycopy(sorted, 2 * j, out, k, 2 * (to - j));
    return out;
  }

  /** A trie of entries {@code [from, to)} of {@code sorted} (ascending), at {@code depth}. */
  static Object build(long[] sorted, int from, int to, int depth) {
    if (to - from <= LEAF_MAX || depth >= MAX_DEPTH) {
      return to == from ? EMPTY : Arrays.copyOfRange(sorted, 2 * from, 2 * to);
    }
    Object[] branch = new Object[FANOUT];
    Arrays.fill(branch, EMPTY);
    int i = from;
    while (i < to) {
      int s = slot(sorted[2 * i], depth);
      int j = i + 1;
      while (j < to && slot(sorted[2 * j], depth) == s) {
        j++;
      }
      branch[s] = build(sorted, i, j, depth + 1);
      i = j;
    }
    return branch;
  }

  /**
   * A trie without the entries whose tag is set in {@code dropTags} (a 65,536-bit set); shares
   * every untouched node with {@code root}. {@code sizeOut[0]} receives the size of the result.
   */
  static Object remove(Object root, long[] dropTags, int[] sizeOut) {
    if (root instanceof Object[] branch) {
      Object[] copy = null;
      int total = 0;
      for (int s = 0; s < FANOUT; s++) {
        Object child = remove(branch[s], dropTags, sizeOut);
        total += sizeOut[0];
        if (child != branch[s]) {
          if (copy == null) {
            copy = branch.clone();
          }
          copy[s] = child;
        }
      }
      sizeOut[0] = total;
      if (copy == null) {
        return branch;
      }
      return total <= COLLAPSE_AT ? flatten(copy, total) : copy;
    }
    long[] leaf = (long[]) root;
    int kept = 0;
    for (int i = 1; i < leaf.length; i += 2) {
      if (!dropped(dropTags, leaf[i])) {
        kept++;
      }
    }
    sizeOut[0] = kept;
    if (kept == leaf.length / 2) {
      return leaf;
    }
    if (kept == 0) {
      return EMPTY;
    }
    long[] out = new long[2 * kept];
    int k = 0;
    for (int i = 0; i < leaf.length; i += 2) {
      if (!dropped(dropTags, leaf[i + 1])) {
        out[k++] = leaf[i];
        out[k++] = leaf[i + 1];
      }
    }
    return out;
  }

  private static boolean dropped(long[] dropTags, long taggedLo) {
    int tag = (int) (taggedLo & TAG_MASK);
    return (dropTags[tag >>> 6] & (1L << tag)) != 0;
  }

  /** All entries of {@code node} ({@code size} of them) as one leaf, in order. */
  private static long[] flatten(Object node, int size) {
    if (size == 0) {
      return EMPTY;
    }
    long[] out = new long[2 * size];
    int[] pos = {0};
    forEachLeaf(
        node,
        leaf -> {
          System.arraycopy(leaf, 0, out, pos[0], leaf.length);
          pos[0] += leaf.length;
        });
    return out;
  }

  /** Calls {@code action} with every non-empty leaf, in ascending order of entries. */
  static void forEachLeaf(Object node, Consumer<long[]> action) {
    if (node instanceof Object[] branch) {
      for (Object child : branch) {
        forEachLeaf(child, action);
      }
    } else {
      long[] leaf = (long[]) node;
      if (leaf.length > 0) {
        action.accept(leaf);
      }
    }
  }

  /** The heap bytes of the nodes of {@code node} (the shared {@link #EMPTY} leaf counts 0). */
  static long approximateBytes(Object node) {
    if (node instanceof Object[] branch) {
      long bytes = BRANCH_BYTES;
      for (Object child : branch) {
        bytes += approximateBytes(child);
      }
      return bytes;
    }
    long[] leaf = (long[]) node;
    return leaf.length == 0 ? 0 : ARRAY_HEADER_BYTES + 8L * leaf.length;
  }

  /**
   * The heap bytes of the nodes of {@code newer} that are not shared with {@code older}: what
   * deriving {@code newer} from {@code older} allocated.
   */
  static long unsharedBytes(Object newer, Object older) {
    if (newer == older) {
      return 0;
    }
    if (newer instanceof Object[] nb && older instanceof Object[] ob) {
      long bytes = BRANCH_BYTES;
      for (int s = 0; s < FANOUT; s++) {
        bytes += unsharedBytes(nb[s], ob[s]);
      }
      return bytes;
    }
    return approximateBytes(newer);
  }

  /** The depth of the deepest leaf (0 for a single leaf). */
  static int depth(Object node) {
    if (node instanceof Object[] branch) {
      int max = 0;
      for (Object child : branch) {
        max = Math.max(max, depth(child));
      }
      return max + 1;
    }
    return 0;
  }

  private static long align8(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
