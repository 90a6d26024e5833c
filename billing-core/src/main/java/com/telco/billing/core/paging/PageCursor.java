package com.telco.billing.core.paging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The opaque {@code cursor} of the paged list endpoints: a list kind and a few string fields (the
 * query it continues and the position reached), length-prefixed, followed by a check value, in
 * URL-safe Base64 without padding.
 *
 * <p>The check value (the first 8 bytes of SHA-256 over a version label and the payload) makes an
 * edited or truncated cursor fail to decode, so that it is refused ({@code invalid_cursor}) instead
 * of being read as some other position. It is not a secret: whoever decodes the format could forge
 * one. That is acceptable because the endpoints apply every rule of a fresh query (range, dates,
 * limit) to what a cursor holds; a forged cursor can ask for nothing a plain query could not.
 */
public final class PageCursor {
  /** Longer tokens are refused before any decoding work (ours are well under 1 KiB). */
  public static final int MAX_TOKEN_LENGTH = 2048;

  private static final byte[] LABEL = "telco-billing-cursor-v1".getBytes(StandardCharsets.UTF_8);
  private static final int CHECK_BYTES = 8;

  private PageCursor() {}

  /** The cursor of {@code kind} holding {@code fields} (none may be null). */
  public static String encode(String kind, List<String> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeString(out, kind);
    for (String field : fields) {
      writeString(out, field);
    }
    byte[] payload = out.toByteArray();
    byte[] token = Arrays.copyOf(payload, payload.length + CHECK_BYTES);
    System.arraycopy(check(payload), 0, token, payload.length, CHECK_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /**
   * The fields of a cursor of {@code kind} with exactly {@code fieldCount} fields; empty when the
   * token is malformed, fails its check, is of another kind or has another shape.
   */
  public static Optional<List<String>> decode(String token, String kind, int fieldCount) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length < CHECK_BYTES) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECK_BYTES);
    byte[] given = Arrays.copyOfRange(bytes, payload.length, bytes.length);
    if (!MessageDigest.isEqual(given, Arrays.copyOf(check(payload), CHECK_BYTES))) {
      return Optional.empty();
    }
    ByteBuffer in = ByteBuffer.wrap(payload);
    List<String> strings = new ArrayList<>(fieldCount + 1);
    while (in.hasRemaining()) {
      if (strings.size() > fieldCount || in.remaining() < Integer.BYTES) {
        return Optional.empty();
      }
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        return Optional.empty();
      }
      byte[] text = new byte[length];
      in.get(text);
      strings.add(new String(text, StandardCharsets.UTF_8));
    }
    if (strings.size() != fieldCount + 1 || !strings.get(0).equals(kind)) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(strings.subList(1, strings.size())));
  }

  private static void writeString(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static byte[] check(byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(LABEL);
      return sha.digest(payload);
    } catch (NoSuchAlgorithmException e) {
      // every Java platform is required to provide SHA-256
      throw new IllegalStateException(e);
    }
  }
}
