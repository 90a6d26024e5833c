package com.telco.billing.core.dedupe;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The persisted form of a {@link DedupeWindow}, for the entity's snapshots: plain records with a
 * {@code byte[]} per day, which Jackson's CBOR writes as one byte string: 16 bytes per remembered
 * id plus a few bytes per day (a {@code long[]} would cost 18: CBOR writes a large integer as 9
 * bytes). Made by {@link DedupeWindow#toSnapshot()}, read back by {@link
 * DedupeWindow#fromSnapshot(DedupeSnapshot)}.
 *
 * <p>{@link DedupeWindow#toSnapshot()} writes the days in ascending order and each day's
 * fingerprints in ascending unsigned order, so equal windows give equal snapshots.
 *
 * @param horizonDay the first UTC epoch day the window still answers for (records of earlier days
 *     are {@link DedupeVerdict#TOO_OLD}); {@link Long#MIN_VALUE} when nothing was evicted yet
 * @param days the remembered ids, one entry per UTC day that has any
 */
public record DedupeSnapshot(long horizonDay, List<DayIds> days) {

  public DedupeSnapshot {
    days = List.copyOf(Objects.requireNonNull(days, "days"));
  }

  /**
   * The ids remembered for one UTC day of usage.
   *
   * <p>A transfer form: the array is not copied, and a {@link DedupeWindow} never keeps it.
   *
   * @param epochDay the UTC day of the records' {@code usageDate}, as {@code
   *     LocalDate.toEpochDay()}
   * @param fingerprints the {@link Fingerprint}s, 16 bytes each: {@code hi} then {@code lo}, both
   *     big-endian
   */
  public record DayIds(long epochDay, byte[] fingerprints) {

    /** Bytes per fingerprint in {@link #fingerprints()}. */
    public static final int BYTES_PER_ID = 16;

    public DayIds {
      Objects.requireNonNull(fingerprints, "fingerprints");
      if (fingerprints.length % BYTES_PER_ID != 0) {
        throw new IllegalArgumentException(
            "day "
                + epochDay
                + ": "
                + fingerprints.length
                + " bytes of fingerprints, not a multiple of "
                + BYTES_PER_ID);
      }
    }

    /** The number of ids of the day. */
    public int count() {
      return fingerprints.length / BYTES_PER_ID;
    }

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
      return "DayIds[epochDay=" + epochDay + ", count=" + count() + "]";
    }
  }
}
