package com.telco.billing.loadgen;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Checks that the sequence numbers a series handed out are exactly {@code first..last}: none
 * repeated, none missing, none outside. Add the numbers one by one (any order), then ask {@link
 * #problems()}.
 */
final class SequenceCheck {
  private static final int MAX_LISTED = 10;

  private final long first;
  private final long count;
  private final BitSet seen = new BitSet();
  private final List<Long> duplicates = new ArrayList<>();
  private final List<Long> outside = new ArrayList<>();
  private long duplicateCount;
  private long outsideCount;
  private long added;

  /**
   * @param expected how many numbers the series should have handed out ({@code 1..expected})
   */
  SequenceCheck(long expected) {
    this(1, expected);
  }

  /**
   * @param first the first number expected (the series handed out {@code 1..first-1} before)
   * @param count how many numbers from {@code first} on ({@code first..first+count-1})
   */
  SequenceCheck(long first, long count) {
    if (first < 1 || count < 0 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("first " + first + " or count " + count + " out of range");
    }
    this.first = first;
    this.count = count;
  }

  /** The range expected, as {@code first..last}. */
  String range() {
    return first + ".." + (first + count - 1);
  }

  synchronized void add(long sequence) {
    added++;
    if (sequence < first || sequence - first >= count) {
      outsideCount++;
      if (outside.size() < MAX_LISTED) {
        outside.add(sequence);
      }
      return;
    }
    int bit = (int) (sequence - first);
    if (seen.get(bit)) {
      duplicateCount++;
      if (duplicates.size() < MAX_LISTED) {
        duplicates.add(sequence);
      }
      return;
    }
    seen.set(bit);
  }

  synchronized long added() {
    return added;
  }

  /** Empty when the numbers are exactly {@link #range()}; else what is wrong. */
  synchronized List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (duplicateCount > 0) {
      problems.add(duplicateCount + " numbers handed out more than once, e.g. " + duplicates);
    }
    if (outsideCount > 0) {
      problems.add(outsideCount + " numbers outside " + range() + ", e.g. " + outside);
    }
    long missing = count - seen.cardinality();
    if (missing > 0) {
      List<Long> gaps = new ArrayList<>();
      for (int bit = seen.nextClearBit(0);
          bit < count && gaps.size() < MAX_LISTED;
          bit = seen.nextClearBit(bit + 1)) {
        gaps.add(first + bit);
      }
      problems.add(missing + " numbers of " + range() + " missing (gaps), e.g. " + gaps);
    }
    return problems;
  }
}
