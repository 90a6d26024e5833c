package com.telco.billing.node.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a notification sent to a subscriber (docs/notifications.md, "Signatures"): the
 * header {@code Billing-Signature: t=<unix seconds>,v1=<hex>} where {@code <hex>} is the lower-case
 * hex HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes), of {@code t + "." +
 * body} (the body's exact bytes as sent, UTF-8). Subscribers check it with {@link #verify}.
 */
public final class NotificationSignature {
  private NotificationSignature() {}

  /** The header's name. */
  public static final String HEADER = "Billing-Signature";

  /** The lower-case hex HMAC-SHA256 of {@code t + "." + body} keyed with {@code secret}. */
  public static String sign(String secret, long t, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is missing", e);
    }
  }

  /** The header's value for {@code body} signed at {@code t}: {@code t=<t>,v1=<hex>}. */
  public static String header(String secret, long t, String body) {
    return "t=" + t + ",v1=" + sign(secret, t, body);
  }

  /**
   * Whether {@code header} (a {@code Billing-Signature} value) signs {@code body} with {@code
   * secret}, made at most {@code toleranceSeconds} from {@code nowSeconds} (either way). Compares
   * in constant time; any {@code v1} of the header may match.
   */
  public static boolean verify(
      String secret, String header, String body, long nowSeconds, long toleranceSeconds) {
    if (header == null) {
      return false;
    }
    Long t = null;
    java.util.List<String> signatures = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      String item = part.strip();
      if (item.startsWith("t=")) {
        try {
          t = Long.parseLong(item.substring(2));
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (item.startsWith("v1=")) {
        signatures.add(item.substring(3));
      }
    }
    if (t == null || Math.abs(nowSeconds - t) > toleranceSeconds) {
      return false;
    }
    byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
    boolean match = false;
    for (String signature : signatures) {
      match |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
    return match;
  }
}
