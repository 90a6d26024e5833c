package com.telco.billing.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCursorTest {

  @Test
  void roundTripsItsFieldsIncludingEmptyAndNonAsciiOnes() {
    List<String> fields = List.of("1764547200000", "", "msc-1", "séquence\u001f/+=");
    String token = PageCursor.encode("suspense", fields);
    assertEquals(Optional.of(fields), PageCursor.decode(token, "suspense", 4));
    assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + token);
  }

  @Test
  void refusesEveryChangedCharacter() {
    String token = PageCursor.encode("suspense", List.of("1", "2", "a", "b"));
    for (int i = 0; i < token.length(); i++) {
      char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
      String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
      Optional<List<String>> decoded = PageCursor.decode(tampered, "suspense", 4);
      // the last character may only carry padding bits that Base64 ignores: then it is the same
      // bytes, and so the same cursor
      assertTrue(
          decoded.isEmpty() || decoded.get().equals(List.of("1", "2", "a", "b")), "position " + i);
    }
  }

  @Test
  void refusesAnotherKindAnotherShapeAndGarbage() {
    String token = PageCursor.encode("bill-runs", List.of("x", "y"));
    assertEquals(Optional.empty(), PageCursor.decode(token, "suspense", 2));
    assertEquals(Optional.empty(), PageCursor.decode(token, "bill-runs", 3));
    assertEquals(Optional.empty(), PageCursor.decode(token, "bill-runs", 1));
    assertEquals(
        Optional.empty(),
        PageCursor.decode(token.substring(0, token.length() - 2), "bill-runs", 2));
    for (String garbage : new String[] {"", "%%%", "abc", "a".repeat(5000), "٣٣٣", "===="}) {
      assertEquals(Optional.empty(), PageCursor.decode(garbage, "bill-runs", 2), garbage);
    }
    assertEquals(Optional.empty(), PageCursor.decode(null, "bill-runs", 2));
  }

  @Test
  void refusesALengthPrefixPointingPastTheEndEvenWithAValidCheck() {
    // a hand-made payload whose check is right but whose length field lies: read as malformed
    byte[] payload = {0, 0, 0, 8, 's', 'u', 's', 'p', 0x7f, 0, 0, 0};
    String token =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                java.nio.ByteBuffer.allocate(payload.length + 8)
                    .put(payload)
                    .put(checkOf(payload))
                    .array());
    assertEquals(Optional.empty(), PageCursor.decode(token, "susp", 0));
  }

  private static byte[] checkOf(byte[] payload) {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update("telco-billing-cursor-v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(sha.digest(payload), 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
