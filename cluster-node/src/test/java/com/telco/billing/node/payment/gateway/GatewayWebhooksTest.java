package com.telco.billing.node.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.SandboxSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhooks the real sandbox sent, checked and read; forged, stale and altered ones refused. */
class GatewayWebhooksTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Currency EUR = Currency.getInstance("EUR");

  private static PaymentSandbox sandbox;
  private static Deliveries deliveries;
  private static StripeGateway gateway;
  private static String secret;

  @BeforeAll
  static void start() {
    sandbox =
        PaymentSandbox.start(SandboxSettings.defaults().withAsyncDelay(Duration.ofMillis(100)));
    deliveries = new Deliveries();
    secret = PaymentSandbox.newWebhookSecret();
    sandbox.addWebhookEndpoint(deliveries.url(), secret);
    gateway =
        new StripeGateway(GatewayTestSettings.of(sandbox.baseUrl(), sandbox.secretKey(), secret));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    sandbox.close();
    deliveries.close();
  }

  private static GatewayWebhooks webhooks(Clock clock) {
    return new GatewayWebhooks(secret, GatewayWebhooks.DEFAULT_TOLERANCE, clock);
  }

  private static String pay(String token) throws Exception {
    String invoice = "INV-" + UUID.randomUUID();
    gateway
        .charge(
            new ChargeRequest(
                UUID.randomUUID().toString(), token, 2_500, EUR, "ACC-9", invoice, "PAY-9"))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return invoice;
  }

  private static GatewayEvent accepted(Deliveries.Delivery d) {
    WebhookVerification result = webhooks(Clock.systemUTC()).verify(d.payload(), d.signature());
    return assertInstanceOf(WebhookVerification.Accepted.class, result, result.toString()).event();
  }

  private static WebhookVerification.Refusal refusal(WebhookVerification result) {
    return assertInstanceOf(WebhookVerification.Refused.class, result).refusal();
  }

  @Test
  void readsASucceededPayment() throws Exception {
    String invoice = pay("tok_visa");
    Deliveries.Delivery d = deliveries.await(WAIT, invoice, "payment_intent.succeeded");
    var event = assertInstanceOf(GatewayEvent.PaymentSucceeded.class, accepted(d));
    assertTrue(event.eventId().startsWith("evt_"));
    assertEquals("payment_intent.succeeded", event.type());
    assertEquals(new GatewayEvent.PaymentRef("ACC-9", invoice, "PAY-9"), event.payment());
    assertEquals(2_500, event.amountMinor());
    assertEquals(EUR, event.currency());
    assertEquals(1, sandbox.captures(event.intentId()).size());
  }

  @Test
  void readsFailuresAsyncPaymentsRefundsAndDisputes() throws Exception {
    String declined = pay("tok_insufficientFunds");
    var failed =
        assertInstanceOf(
            GatewayEvent.PaymentFailed.class,
            accepted(deliveries.await(WAIT, declined, "payment_intent.payment_failed")));
    assertEquals("insufficient_funds", failed.declineCode());
    assertFalse(failed.hard());

    String async = pay("tok_async");
    var processing =
        assertInstanceOf(
            GatewayEvent.PaymentProcessing.class,
            accepted(deliveries.await(WAIT, async, "payment_intent.processing")));
    var later =
        assertInstanceOf(
            GatewayEvent.PaymentSucceeded.class,
            accepted(deliveries.await(WAIT, async, "payment_intent.succeeded")));
    assertEquals(processing.intentId(), later.intentId());

    gateway
        .refund(
            new RefundRequest(
                UUID.randomUUID().toString(),
                later.intentId(),
                1_000,
                null,
                "ACC-9",
                "PAY-9",
                "RF-9"))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    var refund =
        assertInstanceOf(
            GatewayEvent.RefundUpdated.class,
            accepted(deliveries.await(WAIT, later.intentId(), "refund.updated")));
    assertEquals("succeeded", refund.status());
    assertEquals(1_000, refund.amountMinor());
    assertEquals("RF-9", refund.metadata().get("refund_id"));

    String disputed = pay("tok_createDispute");
    var paid =
        assertInstanceOf(
            GatewayEvent.PaymentSucceeded.class,
            accepted(deliveries.await(WAIT, disputed, "payment_intent.succeeded")));
    var opened =
        assertInstanceOf(
            GatewayEvent.DisputeCreated.class,
            accepted(deliveries.await(WAIT, paid.intentId(), "charge.dispute.created")));
    assertEquals(2_500, opened.amountMinor());
    sandbox.closeDispute(opened.disputeId(), true);
    var closed =
        assertInstanceOf(
            GatewayEvent.DisputeClosed.class,
            accepted(deliveries.await(WAIT, opened.disputeId(), "charge.dispute.closed")));
    assertTrue(closed.won());
    assertEquals(paid.intentId(), closed.intentId());
  }

  @Test
  void refusesForgedStaleAndAlteredDeliveries() throws Exception {
    String invoice = pay("tok_visa");
    Deliveries.Delivery d = deliveries.await(WAIT, invoice, "payment_intent.succeeded");

    GatewayWebhooks other =
        new GatewayWebhooks("whsec_other", Duration.ofMinutes(5), Clock.systemUTC());
    assertEquals(
        WebhookVerification.Refusal.SIGNATURE_INVALID,
        refusal(other.verify(d.payload(), d.signature())));

    Clock tenMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
    assertEquals(
        WebhookVerification.Refusal.SIGNATURE_EXPIRED,
        refusal(webhooks(tenMinutesLater).verify(d.payload(), d.signature())));
    Clock fourMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4));
    assertInstanceOf(
        WebhookVerification.Accepted.class,
        webhooks(fourMinutesLater).verify(d.payload(), d.signature()));

    String altered = d.payload().replace("\"amount\" : 2500", "\"amount\" : 1");
    assertFalse(altered.equals(d.payload()));
    assertEquals(
        WebhookVerification.Refusal.SIGNATURE_INVALID,
        refusal(webhooks(Clock.systemUTC()).verify(altered, d.signature())));
    assertEquals(
        WebhookVerification.Refusal.SIGNATURE_INVALID,
        refusal(webhooks(Clock.systemUTC()).verify(d.payload(), null)));
    assertEquals(
        WebhookVerification.Refusal.SIGNATURE_INVALID,
        refusal(webhooks(Clock.systemUTC()).verify(d.payload(), "v1=abc")));
  }

  @Test
  void refusesSignedNonsense() throws Exception {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    String payload =
        "{\"object\":\"event\",\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";
    assertEquals(
        WebhookVerification.Refusal.PAYLOAD_INVALID,
        refusal(webhooks(clock).verify(payload, sign(payload, now.getEpochSecond()))));
    String other =
        "{\"object\":\"event\",\"id\":\"evt_2\",\"type\":\"customer.created\",\"created\":1,"
            + "\"data\":{\"object\":{\"id\":\"cus_1\"}}}";
    var event =
        assertInstanceOf(
            WebhookVerification.Accepted.class,
            webhooks(clock).verify(other, sign(other, now.getEpochSecond())));
    assertEquals(
        new GatewayEvent.Other("evt_2", "customer.created", Instant.ofEpochSecond(1)),
        event.event());
  }

  private static String sign(String payload, long t) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "t="
        + t
        + ",v1="
        + HexFormat.of()
            .formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
  }
}
