package com.telco.billing.core.dedupe;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The identity of a usage record for duplicate detection: 112 bits of MurmurHash3 x64 128 of its
 * {@code (source, id)}, held in two longs ({@code lo}'s low 16 bits are always zero; the {@link
 * DedupeWindow} stores the record's day there, so that one remembered id costs exactly 16 bytes).
 *
 * <p>docs/billing-rules.md, "Records that are refused or held": a record's id is scoped by its
 * {@code source}. The hashed bytes are the UTF-8 bytes of {@code source} preceded by their length
 * (4 bytes, big-endian), then the UTF-8 bytes of {@code id}: the length prefix keeps {@code ("ab",
 * "c")} and {@code ("a", "bc")} apart, whatever characters either part contains.
 *
 * <p>Two different records share a fingerprint with probability about {@code n^2 / 2^113} among
 * {@code n} remembered ids (birthday bound): about {@code 1e-20} for {@code 10^7} ids. A collision
 * would make the second record a false duplicate (refused, never charged twice); see {@code
 * docs/dedupe.md}.
 *
 * @param hi the first 64 bits
 * @param lo the next 48 bits, shifted left by 16 (its low 16 bits are zero)
 */
public record Fingerprint(long hi, long lo) {

  /** The bits of {@link #lo()} that are part of the fingerprint. */
  static final long LO_MASK = ~0xFFFFL;

  public Fingerprint {
    if ((lo & ~LO_MASK) != 0) {
      throw new IllegalArgumentException(
          "fingerprint lo has its low 16 bits set: " + Long.toHexString(lo));
    }
  }

  /**
   * The fingerprint of the record {@code id} of {@code source}.
   *
   * @param source the feed that sent the record
   * @param id the record's id within {@code source}
   */
  public static Fingerprint of(String source, String id) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    byte[] bytes = encode(source, id);
    long[] h = MurmurHash3.hash128(bytes, 0, bytes.length, 0);
    return new Fingerprint(h[0], h[1] & LO_MASK);
  }

  /** The hashed bytes: the length of {@code source} in UTF-8, {@code source}, {@code id}. */
  static byte[] encode(String source, String id) {
    int s = source.length();
    int n = s + id.length();
    byte[] bytes = new byte[4 + n];
    for (int i = 0; i < n; i++) {
      char c = i < s ? source.charAt(i) : id.charAt(i - s);
      if (c >= 0x80) {
        return encodeUtf8(source, id);
      }
      bytes[4 + i] = (byte) c;
    }
    writeLength(bytes, s);
    return bytes;
  }

  private static byte[] encodeUtf8(String source, String id) {
    byte[] s = source.getBytes(StandardCharsets.UTF_8);
    byte[] i = id.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[4 + s.length + i.length];
    writeLength(bytes, s.length);
    System.arraycopy(s, 0, bytes, 4, s.length);
    System.arraycopy(i, 0, bytes, 4 + s.length, i.length);
    return bytes;
  }

  private static void writeLength(byte[] bytes, int length) {
    bytes[0] = (byte) (length >>> 24);
    bytes[1] = (byte) (length >>> 16);
    bytes[2] = (byte) (length >>> 8);
    bytes[3] = (byte) length;
  }

  @Override
  public String toString() {
    return String.format("Fingerprint[%016x%012x]", hi, lo >>> 16);
  }
}
