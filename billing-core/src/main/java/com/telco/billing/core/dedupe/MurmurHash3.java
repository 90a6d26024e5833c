package com.telco.billing.core.dedupe;

/**
 * MurmurHash3, the x64 128-bit variant (Austin Appleby's public-domain {@code
 * MurmurHash3_x64_128}), over a byte array. A fast, well-mixed, non-cryptographic hash: it is used
 * to fingerprint usage record ids, not to resist an adversary (record ids come from our own
 * mediation feeds).
 *
 * <p>The two returned longs are {@code h1} and {@code h2} of the reference implementation (the
 * reference writes them little-endian into its 16-byte output, {@code h1} first).
 */
final class MurmurHash3 {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private MurmurHash3() {}

  /**
   * The 128-bit hash of {@code data[offset, offset + length)}.
   *
   * @param seed the reference's 32-bit seed (zero-extended, as the reference does)
   * @return {@code {h1, h2}}
   */
  static long[] hash128(byte[] data, int offset, int length, int seed) {
    long h1 = seed & 0xFFFFFFFFL;
    long h2 = seed & 0xFFFFFFFFL;
    int blocks = length >>> 4;
    int p = offset;
    for (int i = 0; i < blocks; i++, p += 16) {
      long k1 = readLongLittleEndian(data, p);
      long k2 = readLongLittleEndian(data, p + 8);

      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;

      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }

    long k1 = 0;
    long k2 = 0;
    int tail = length & 15;
    // The reference's switch falls through from the highest remaining byte down.
    if (tail > 8) {
      for (int i = tail - 1; i >= 8; i--) {
        k2 ^= (data[p + i] & 0xFFL) << ((i - 8) * 8);
      }
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
    }
    if (tail > 0) {
      for (int i = Math.min(tail, 8) - 1; i >= 0; i--) {
        k1 ^= (data[p + i] & 0xFFL) << (i * 8);
      }
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
    }

    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long readLongLittleEndian(byte[] b, int i) {
    return (b[i] & 0xFFL)
        | (b[i + 1] & 0xFFL) << 8
        | (b[i + 2] & 0xFFL) << 16
        | (b[i + 3] & 0xFFL) << 24
        | (b[i + 4] & 0xFFL) << 32
        | (b[i + 5] & 0xFFL) << 40
        | (b[i + 6] & 0xFFL) << 48
        | (b[i + 7] & 0xFFL) << 56;
  }
}
