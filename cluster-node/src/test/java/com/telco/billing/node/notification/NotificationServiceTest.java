package com.telco.billing.node.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.http.NotificationSubscriptionRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a subscription request must be, and what a subscription shows. */
class NotificationServiceTest {
  private static final String SECRET = "whsec_0123456789abcdef";

  private static List<FieldError> problems(NotificationSubscriptionRequest request) {
    return assertThrows(RefusedException.class, () -> NotificationService.validTypes(request))
        .refusal()
        .problems();
  }

  @Test
  void aValidRequestNamesItsTypes() {
    assertEquals(
        Set.of("invoice.issued", "payment.failed"),
        NotificationService.validTypes(
            new NotificationSubscriptionRequest(
                "https://erp.example/hooks",
                List.of("payment.failed", "invoice.issued", "invoice.issued"),
                SECRET)));
    assertEquals(
        Set.of("*"),
        NotificationService.validTypes(
            new NotificationSubscriptionRequest("http://127.0.0.1:9000/x", List.of("*"), SECRET)));
  }

  @Test
  void everyProblemIsListedWithoutTheSubmittedValues() {
    String badSecret = "short secret";
    List<FieldError> all =
        problems(
            new NotificationSubscriptionRequest(
                "ftp://files.example/in", List.of("invoice.paid"), badSecret));

    assertEquals(
        List.of("url", "eventTypes", "secret"), all.stream().map(FieldError::field).toList());
    assertEquals(
        List.of("invalid_format", "invalid_value", "invalid_format"),
        all.stream().map(FieldError::code).toList());
    for (FieldError e : all) {
      assertFalse(e.message().contains(badSecret));
      assertFalse(e.message().contains("ftp://"));
      assertFalse(e.message().contains("invoice.paid"));
    }
  }

  @Test
  void missingFieldsAreRequired() {
    assertEquals(
        List.of("required", "required", "required"),
        problems(new NotificationSubscriptionRequest(null, List.of(), null)).stream()
            .map(FieldError::code)
            .toList());
  }

  @Test
  void urlsMustBeAbsoluteHttpWithAHostAndNoCredentials() {
    assertEquals(true, NotificationService.isHttpUrl("https://h.example:8443/a?b=c"));
    assertEquals(false, NotificationService.isHttpUrl("/relative"));
    assertEquals(false, NotificationService.isHttpUrl("https://user:pw@h.example/"));
    assertEquals(false, NotificationService.isHttpUrl("https:///nohost"));
    assertEquals(false, NotificationService.isHttpUrl("https://h.example/" + "a".repeat(2100)));
  }

  @Test
  void theViewOfASubscriptionHasNoSecret() {
    var view =
        NotificationService.view(
            new Subscription(
                "nsub_1",
                "https://erp.example/hooks",
                Set.of("payment.failed", "invoice.issued"),
                SECRET,
                Instant.parse("2026-12-07T08:00:00Z"),
                "admin"));

    assertEquals(List.of("invoice.issued", "payment.failed"), view.eventTypes());
    assertFalse(view.toString().contains(SECRET));
    assertFalse(
        new Subscription("nsub_1", "u", Set.of(), SECRET, null, null).toString().contains(SECRET));
  }
}
