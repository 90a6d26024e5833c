package com.telco.billing.node.payment.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks and reads the gateway's webhooks: {@code Stripe-Signature: t=<unix>,v1=<hex
 * HMAC-SHA256(secret, t + "." + body)>} over the raw body, the timestamp within a tolerance (5
 * minutes by default) of the given clock, then the body parsed into a {@link GatewayEvent}.
 *
 * <p>The signature is compared by Stripe's own library (constant time, every {@code v1} of the
 * header tried); the timestamp check is done here so that a stale but genuine signature is told
 * apart ({@code signature_expired}) from a forged one ({@code signature_invalid}).
 */
public final class GatewayWebhooks {
  /** Stripe's default tolerance. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String secret;
  private final Duration tolerance;
  private final Clock clock;

  public GatewayWebhooks(String secret, Duration tolerance, Clock clock) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a webhook secret is required");
    }
    this.secret = secret;
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** With the webhook secret and tolerance of the settings. */
  public static GatewayWebhooks from(GatewaySettings settings, Clock clock) {
    return new GatewayWebhooks(settings.webhookSecret(), settings.webhookTolerance(), clock);
  }

  /**
   * Verifies and reads one delivery.
   *
   * @param payload the request body exactly as received (UTF-8)
   * @param signatureHeader the {@code Stripe-Signature} header; null when absent
   */
  public WebhookVerification verify(String payload, String signatureHeader) {
    if (payload == null || signatureHeader == null || signatureHeader.isBlank()) {
      return refused(WebhookVerification.Refusal.SIGNATURE_INVALID, "no Stripe-Signature header");
    }
    Long timestamp = timestamp(signatureHeader);
    if (timestamp == null) {
      return refused(WebhookVerification.Refusal.SIGNATURE_INVALID, "no timestamp in the header");
    }
    try {
      // tolerance 0: the library checks the signature only; the time is checked below
      Webhook.Signature.verifyHeader(payload, signatureHeader, secret, 0, clock);
    } catch (SignatureVerificationException e) {
      return refused(WebhookVerification.Refusal.SIGNATURE_INVALID, "no matching v1 signature");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
      return refused(
          WebhookVerification.Refusal.SIGNATURE_EXPIRED,
          "signed " + (now - timestamp) + " s from now, tolerance " + tolerance.toSeconds() + " s");
    }
    try {
      return new WebhookVerification.Accepted(parse(payload));
    } catch (IllegalArgumentException e) {
      return refused(WebhookVerification.Refusal.PAYLOAD_INVALID, e.getMessage());
    }
  }

  private static WebhookVerification refused(WebhookVerification.Refusal refusal, String detail) {
    return new WebhookVerification.Refused(refusal, detail);
  }

  private static Long timestamp(String header) {
    for (String part : header.split(",")) {
      String item = part.trim();
      if (item.startsWith("t=")) {
        try {
          return Long.parseLong(item.substring(2));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * Reads a Stripe {@code Event} body.
   *
   * @throws IllegalArgumentException when it is not an event this class can read
   */
  static GatewayEvent parse(String payload) {
    JsonNode event;
    try {
      event = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON");
    }
    if (event == null || !event.isObject() || !"event".equals(event.path("object").asText())) {
      throw new IllegalArgumentException("not an event object");
    }
    String id = text(event, "id");
    String type = text(event, "type");
    Instant created = Instant.ofEpochSecond(number(event, "created"));
    JsonNode object = event.path("data").path("object");
    if (!object.isObject()) {
      throw new IllegalArgumentException("no data.object");
    }
    switch (type) {
      case "payment_intent.succeeded":
        return new GatewayEvent.PaymentSucceeded(
            id,
            type,
            created,
            text(object, "id"),
            GatewayEvent.PaymentRef.of(metadata(object)),
            received(object),
            currency(object));
      case "payment_intent.processing":
        return new GatewayEvent.PaymentProcessing(
            id,
            type,
            created,
            text(object, "id"),
            GatewayEvent.PaymentRef.of(metadata(object)),
            number(object, "amount"),
            currency(object));
      case "payment_intent.payment_failed":
        {
          JsonNode error = object.path("last_payment_error");
          String code = optionalText(error, "code");
          String declineCode = optionalText(error, "decline_code");
          String c = code == null ? "card_declined" : code;
          return new GatewayEvent.PaymentFailed(
              id,
              type,
              created,
              text(object, "id"),
              GatewayEvent.PaymentRef.of(metadata(object)),
              number(object, "amount"),
              currency(object),
              c,
              declineCode,
              DeclineCodes.isHard(c, declineCode));
        }
      case "refund.created":
      case "refund.updated":
      case "refund.failed":
        requireObject(object, "refund");
        return new GatewayEvent.RefundUpdated(
            id,
            type,
            created,
            text(object, "id"),
            text(object, "payment_intent"),
            number(object, "amount"),
            currency(object),
            text(object, "status"),
            metadata(object));
      case "charge.dispute.created":
        requireObject(object, "dispute");
        return new GatewayEvent.DisputeCreated(
            id,
            type,
            created,
            text(object, "id"),
            text(object, "payment_intent"),
            number(object, "amount"),
            currency(object));
      case "charge.dispute.closed":
        requireObject(object, "dispute");
        return new GatewayEvent.DisputeClosed(
            id,
            type,
            created,
            text(object, "id"),
            text(object, "payment_intent"),
            number(object, "amount"),
            currency(object),
            "won".equals(text(object, "status")));
      default:
        return new GatewayEvent.Other(id, type, created);
    }
  }

  private static void requireObject(JsonNode object, String kind) {
    if (!kind.equals(object.path("object").asText())) {
      throw new IllegalArgumentException("data.object is not a " + kind);
    }
  }

  private static long received(JsonNode intent) {
    long received = intent.path("amount_received").asLong(0);
    return received > 0 ? received : number(intent, "amount");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("no " + field);
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw new IllegalArgumentException("no whole number " + field);
    }
    return value.asLong();
  }

  private static Currency currency(JsonNode node) {
    String code = text(node, "currency");
    try {
      return Currency.getInstance(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency");
    }
  }

  private static Map<String, String> metadata(JsonNode node) {
    JsonNode metadata = node.path("metadata");
    Map<String, String> values = new LinkedHashMap<>();
    if (metadata.isObject()) {
      metadata
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isTextual()) {
                  values.put(e.getKey(), e.getValue().asText());
                }
              });
    }
    return values;
  }
}
