package com.telco.billing.core.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MurmurHash3 x64 128 against published outputs, and the fingerprint built on it. */
class DedupeFingerprintTest {

  /**
   * Known outputs {@code h1, h2} of the reference {@code MurmurHash3_x64_128}, as published with
   * Guava's {@code Murmur3Hash128Test} (seeds 0..5) and other ports; they cover every tail length
   * class (0, 1..8, 9..15 bytes) and whole 16-byte blocks.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 629942693e10f867 | 92db0b82baeb5347 | hell",
        "1 | a78ddff5adae8d10 | 128900ef20900135 | hello",
        "2 | 8a486b23f422e826 | f962a2c58947765f | 'hello '",
        "3 | 2ea59f466f6bed8c | c610990acc428a17 | hello w",
        "4 | 79f6305a386c572c | 46305aed3483b94e | hello wo",
        "5 | c2219d213ec1f1b5 | a1d8e2e0a52785bd | hello wor",
        "0 | e34bbc7bbc071b6c | 7a433ca9c49a9347 | The quick brown fox jumps over the lazy dog",
        "0 | 658ca970ff85269a | 43fee3eaa68e5c3e | The quick brown fox jumps over the lazy cog",
        "0 | 0000000000000000 | 0000000000000000 | ''",
        "0 | cbd8a7b341bd9b02 | 5b1e906a48ae1d19 | hello",
        "0 | 887001aea2afcfd6 | 1ec326364f0801b3 | 123456789012345",
        "0 | 4fbe5dc5c0e32cf8 | c0c8e96b60c322c1 | 1234567890123456",
        "0 | 748617968026b77e | 291e6386473f7103 | 12345678901234567",
      })
  void knownOutputs(int seed, String h1, String h2, String input) {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    long[] hash = MurmurHash3.hash128(bytes, 0, bytes.length, seed);
    assertArrayEquals(
        new long[] {Long.parseUnsignedLong(h1, 16), Long.parseUnsignedLong(h2, 16)}, hash, input);
  }

  @Test
  void hashesTheGivenRangeOnly() {
    byte[] padded =
        "xxThe quick brown fox jumps over the lazy dogyy".getBytes(StandardCharsets.UTF_8);
    long[] hash = MurmurHash3.hash128(padded, 2, padded.length - 4, 0);
    assertArrayEquals(new long[] {0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L}, hash);
  }

  @Test
  void lengthPrefixKeepsSourceAndIdApart() {
    assertNotEquals(Fingerprint.of("ab", "c"), Fingerprint.of("a", "bc"));
    assertNotEquals(Fingerprint.of("", "abc"), Fingerprint.of("abc", ""));
    assertNotEquals(Fingerprint.of("MSC-1", "42"), Fingerprint.of("MSC-2", "42"));
    assertEquals(Fingerprint.of("MSC-1", "42"), new RecordKey("MSC-1", "42").fingerprint());
    assertEquals(Fingerprint.of("MSC-1", "42"), DedupeWindow.fingerprint("MSC-1", "42"));
  }

  @Test
  void fingerprintIsMurmurOfTheLengthPrefixedUtf8Bytes() {
    byte[] source = "größe".getBytes(StandardCharsets.UTF_8);
    byte[] id = "🚀-7".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[4 + source.length + id.length];
    bytes[3] = (byte) source.length;
    System.arraycopy(source, 0, bytes, 4, source.length);
    System.arraycopy(id, 0, bytes, 4 + source.length, id.length);
    long[] hash = MurmurHash3.hash128(bytes, 0, bytes.length, 0);

    Fingerprint fp = Fingerprint.of("größe", "🚀-7");

    assertEquals(hash[0], fp.hi());
    assertEquals(hash[1] & ~0xFFFFL, fp.lo());
  }

  @Test
  void hashedBytesAreTheLengthPrefixedUtf8OfAnyText() {
    SplittableRandom random = new SplittableRandom(21);
    char[] alphabet = {'a', 'Z', '0', '-', ' ', '\u007f', '\u0080', 'é', '€', '\ud83d', '\ude80'};
    for (int t = 0; t < 5_000; t++) {
      String source = randomText(random, alphabet);
      String id = randomText(random, alphabet);
      byte[] s = source.getBytes(StandardCharsets.UTF_8);
      byte[] i = id.getBytes(StandardCharsets.UTF_8);
      ByteBuffer expected = ByteBuffer.allocate(4 + s.length + i.length);
      expected.putInt(s.length).put(s).put(i);

      assertArrayEquals(expected.array(), Fingerprint.encode(source, id), source + "|" + id);
    }
  }

  private static String randomText(SplittableRandom random, char[] alphabet) {
    char[] text = new char[random.nextInt(6)];
    boolean ascii = random.nextBoolean();
    for (int k = 0; k < text.length; k++) {
      text[k] = alphabet[random.nextInt(ascii ? 6 : alphabet.length)];
    }
    return new String(text);
  }

  @Test
  void fingerprintsKeepTheirLow16BitsClear() {
    Set<Fingerprint> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      Fingerprint fp = Fingerprint.of("src", "id-" + i);
      assertEquals(0, fp.lo() & 0xFFFF);
      seen.add(fp);
    }
    assertEquals(10_000, seen.size());
    assertThrows(IllegalArgumentException.class, () -> new Fingerprint(1, 1));
  }
}
