package com.telco.billing.node.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The signature of a notification, by the algorithm and the example of docs/notifications.md. */
class NotificationSignatureTest {
  private static final String SECRET = "whsec_example_0123456789abcdef";
  private static final long T = 1765065600L;
  private static final String BODY =
      "{\"id\":\"evt_5f0d3c1a9b7e2d4f6a8c0b1e3d5f7a9c\",\"type\":\"payment.succeeded\","
          + "\"createdAt\":\"2025-12-07T00:00:00Z\",\"accountId\":\"ACC-1001\","
          + "\"data\":{\"paymentId\":\"PAY-1\",\"amount\":{\"unit\":\"EUR\",\"value\":12.50}}}";

  /** HMAC-SHA256 of "1765065600." + BODY keyed with SECRET, computed independently. */
  private static final String EXPECTED =
      "af21cc3c8d4b040ecdf5305b709752bd3c326183ec9bfdc6ddeb23ce37d9b1f1";

  @Test
  void aKnownVector() {
    assertEquals(EXPECTED, NotificationSignature.sign(SECRET, T, BODY));
    assertEquals("t=" + T + ",v1=" + EXPECTED, NotificationSignature.header(SECRET, T, BODY));
  }

  @Test
  void theDocumentedExampleIsTheVector() throws IOException {
    String doc = Files.readString(Path.of("../docs/notifications.md"));
    Matcher example =
        Pattern.compile(
                "secret: `([^`]+)`\\s*\\n.*?t: `(\\d+)`\\s*\\n.*?body: `([^`]+)`\\s*\\n"
                    + ".*?Billing-Signature: t=(\\d+),v1=([0-9a-f]{64})",
                Pattern.DOTALL)
            .matcher(doc);
    assertTrue(example.find(), "the worked example of docs/notifications.md");
    String secret = example.group(1);
    long t = Long.parseLong(example.group(2));
    String body = example.group(3);
    assertEquals(SECRET, secret);
    assertEquals(BODY, body);
    assertEquals(T, Long.parseLong(example.group(4)));
    assertEquals(NotificationSignature.sign(secret, t, body), example.group(5));
  }

  @Test
  void verifyTakesTheRightSignatureOnly() {
    String header = NotificationSignature.header(SECRET, T, BODY);

    assertTrue(NotificationSignature.verify(SECRET, header, BODY, T + 10, 300));
    assertFalse(NotificationSignature.verify("another-secret-0000", header, BODY, T, 300));
    assertFalse(
        NotificationSignature.verify(SECRET, header, BODY.replace("12.50", "1250"), T, 300));
    assertFalse(NotificationSignature.verify(SECRET, header, BODY, T + 301, 300), "too old");
    assertFalse(NotificationSignature.verify(SECRET, "v1=" + EXPECTED, BODY, T, 300), "no t");
    assertFalse(NotificationSignature.verify(SECRET, "t=x,v1=" + EXPECTED, BODY, T, 300));
    assertFalse(NotificationSignature.verify(SECRET, null, BODY, T, 300));
    // the signed time is part of what is signed
    assertFalse(
        NotificationSignature.verify(SECRET, "t=" + (T + 1) + ",v1=" + EXPECTED, BODY, T, 300));
  }

  @Test
  void anyOfSeveralSignaturesMayMatch() {
    String header = "t=" + T + ",v1=" + "0".repeat(64) + ",v1=" + EXPECTED;

    assertTrue(NotificationSignature.verify(SECRET, header, BODY, T, 300));
  }
}
