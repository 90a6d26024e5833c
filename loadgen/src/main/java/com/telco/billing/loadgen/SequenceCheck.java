package com.telco.billing.loadgen;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Checks that the sequence numbers a series handed out are exactly {@code 1..expected}: none
 * repeated, none missing, none outside. Add the numbers one by one (any order), then ask {@link
 * #problems()}.
 */
final class SequenceCheck {
  private static final int MAX_LISTED = 10;

  private final long expected;
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
    if (expected < 0 || expected > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "expected out of 0.." + Integer.MAX_VALUE + ": " + expected);
    }
    this.expected = expected;
  }

  synchronized void add(long sequence) {
    added++;
    if (sequence < 1 || sequence > expected) {
      outsideCount++;
      if (outside.size() < MAX_LISTED) {
        outside.add(sequence);
      }
      return;
    }
    int bit = (int) (sequence - 1);
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

  /** Empty when the numbers are exactly {@code 1..expected}; else what is wrong. */
  synchronized List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (duplicateCount > 0) {
      problems.add(duplicateCount + " numbers handed out more than once, e.g. " + duplicates);
    }
    if (outsideCount > 0) {
      problems.add(outsideCount + " numbers outside 1.." + expected + ", e.g. " + outside);
    }
    long missing = expected - seen.cardinality();
    if (missing > 0) {
      List<Long> gaps = new ArrayList<>();
      for (int bit = seen.nextClearBit(0);
          bit < expected && gaps.size() < MAX_LISTED;
          bit = seen.nextClearBit(bit + 1)) {
        gaps.add(bit + 1L);
      }
      problems.add(missing + " numbers of 1.." + expected + " missing (gaps), e.g. " + gaps);
    }
    return problems;
  }
}
