package com.telco.billing.protocol.account.journal;

import java.util.Arrays;
import java.util.List;

/**
 * The record ids the account remembers to refuse duplicates, in its snapshot: per day, the
 * fingerprints of the ids accepted that day.
 *
 * @param horizonDay the epoch day before which nothing is remembered
 */
public record DedupeRecord(long horizonDay, List<DayIds> days) {

  public DedupeRecord {
    days = List.copyOf(days);
  }

  /**
   * The fingerprints of one day, 16 bytes each.
   *
   * @param epochDay the day
   */
  public record DayIds(long epochDay, byte[] fingerprints) {

    @Override
    public boolean equals(Object o) {
      return o instanceof DayIds other
          && epochDay == other.epochDay
          && Arrays.equals(fingerprints, other.fingerprints);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(epochDay) + Arrays.hashCode(fingerprints);
    }

    @Override
    public String toString() {
      return "DayIds[epochDay=" + epochDay + ", bytes=" + fingerprints.length + "]";
    }
  }
}
