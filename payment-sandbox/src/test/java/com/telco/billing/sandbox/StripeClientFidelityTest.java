package com.telco.billing.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stripe's official Java library against the sandbox: if it cannot tell the difference, neither can
 * the billing node's gateway client. Webhooks are checked with the library's own {@code
 * Webhook.constructEvent}.
 */
class StripeClientFidelityTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SECRET = PaymentSandbox.newWebhookSecret();

  private static PaymentSandbox sandbox;
  private static WebhookReceiver receiver;
  private static StripeClient stripe;

  @BeforeAll
  static void start() {
    sandbox =
        PaymentSandbox.start(
            SandboxSettings.defaults()
                .withTimeoutDelay(Duration.ofMillis(1500))
                .withAsyncDelay(Duration.ofMillis(200))
                .withWebhookRetry(Duration.ofMillis(100), Duration.ofMillis(400)));
    receiver = new WebhookReceiver();
    sandbox.addWebhookEndpoint(receiver.url(), SECRET);
    stripe = client(5_000);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    receiver.close();
  }

  private static StripeClient client(int readTimeoutMillis) {
    return StripeClient.builder()
        .setApiKey(sandbox.secretKey())
        .setApiBase(sandbox.baseUrl())
        .setMaxNetworkRetries(0)
        .setConnectTimeout(2_000)
        .setReadTimeout(readTimeoutMillis)
        .build();
  }

  private static PaymentIntentCreateParams charge(String token, long amount, String invoice) {
    return PaymentIntentCreateParams.builder()
        .setAmount(amount)
        .setCurrency("eur")
        .setPaymentMethod(token)
        .setConfirm(true)
        .putMetadata("invoice", invoice)
        .putMetadata("account_id", "ACC-1")
        .build();
  }

  private static RequestOptions key(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  private static String invoice() {
    return "INV-" + UUID.randomUUID();
  }

  private static Event verified(WebhookReceiver.Delivery delivery)
      throws SignatureVerificationException {
    return Webhook.constructEvent(delivery.payload(), delivery.signature(), SECRET);
  }

  @Test
  void createsConfirmsRetrievesAndRefunds() throws Exception {
    String invoice = invoice();
    PaymentIntent created = stripe.paymentIntents().create(charge("tok_visa", 12_345, invoice));
    assertTrue(created.getId().startsWith("pi_"));
    assertEquals("succeeded", created.getStatus());
    assertEquals(12_345L, created.getAmountReceived());
    assertEquals("eur", created.getCurrency());
    assertEquals(invoice, created.getMetadata().get("invoice"));
    assertEquals(false, created.getLivemode());
    assertTrue(created.getLatestCharge().startsWith("ch_"));

    PaymentIntent read = stripe.paymentIntents().retrieve(created.getId());
    assertEquals(created.getId(), read.getId());
    assertEquals("succeeded", read.getStatus());
    assertEquals(1, sandbox.captures(created.getId()).size());

    Event succeeded = verified(receiver.await(created.getId(), WAIT));
    assertEquals("payment_intent.succeeded", succeeded.getType());
    PaymentIntent inEvent =
        (PaymentIntent) succeeded.getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(created.getId(), inEvent.getId());
    assertEquals(invoice, inEvent.getMetadata().get("invoice"));

    Refund part =
        stripe
            .refunds()
            .create(
                RefundCreateParams.builder()
                    .setPaymentIntent(created.getId())
                    .setAmount(345L)
                    .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                    .putMetadata("refund_id", "RF-1")
                    .build());
    assertEquals("succeeded", part.getStatus());
    assertEquals(345L, part.getAmount());
    assertEquals(created.getId(), part.getPaymentIntent());
    Refund rest =
        stripe
            .refunds()
            .create(RefundCreateParams.builder().setPaymentIntent(created.getId()).build());
    assertEquals(12_000L, rest.getAmount());
    assertEquals("RF-1", stripe.refunds().retrieve(part.getId()).getMetadata().get("refund_id"));
    InvalidRequestException again =
        assertThrows(
            InvalidRequestException.class,
            () ->
                stripe
                    .refunds()
                    .create(
                        RefundCreateParams.builder().setPaymentIntent(created.getId()).build()));
    assertEquals("charge_already_refunded", again.getCode());

    Event refunded = verified(receiver.await(rest.getId(), WAIT));
    assertEquals("refund.created", refunded.getType());
    Refund refundInEvent = (Refund) refunded.getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(12_000L, refundInEvent.getAmount());
  }

  @Test
  void confirmsAnIntentCreatedWithoutConfirmation() throws StripeException {
    PaymentIntent created =
        stripe
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(500L)
                    .setCurrency("usd")
                    .putMetadata("invoice", invoice())
                    .build());
    assertEquals("requires_payment_method", created.getStatus());
    PaymentIntent confirmed =
        stripe
            .paymentIntents()
            .confirm(
                created.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("tok_mastercard").build());
    assertEquals("succeeded", confirmed.getStatus());
    InvalidRequestException twice =
        assertThrows(
            InvalidRequestException.class, () -> stripe.paymentIntents().confirm(created.getId()));
    assertEquals("payment_intent_unexpected_state", twice.getCode());
  }

  @Test
  void declinesHardAndSoftAsCardErrors() throws Exception {
    String[][] cases = {
      {"tok_chargeDeclined", "generic_decline"},
      {"tok_chargeDeclinedStolenCard", "stolen_card"},
      {"tok_insufficientFunds", "insufficient_funds"}
    };
    for (String[] c : cases) {
      CardException declined =
          assertThrows(
              CardException.class,
              () -> stripe.paymentIntents().create(charge(c[0], 900, invoice())));
      assertEquals(402, declined.getStatusCode());
      assertEquals("card_declined", declined.getCode());
      assertEquals(c[1], declined.getDeclineCode());
      PaymentIntent intent = declined.getStripeError().getPaymentIntent();
      assertEquals("requires_payment_method", intent.getStatus());
      assertEquals(c[1], intent.getLastPaymentError().getDeclineCode());
      assertTrue(sandbox.captures(intent.getId()).isEmpty());
      Event failed = verified(receiver.await(intent.getId(), WAIT));
      assertEquals("payment_intent.payment_failed", failed.getType());
      assertEquals(
          c[1],
          stripe.paymentIntents().retrieve(intent.getId()).getLastPaymentError().getDeclineCode());
    }
  }

  @Test
  void refusesUnknownTokensBadKeysAndUnknownIntents() {
    InvalidRequestException unknown =
        assertThrows(
            InvalidRequestException.class,
            () -> stripe.paymentIntents().create(charge("tok_nonsense", 900, invoice())));
    assertEquals("resource_missing", unknown.getCode());
    assertEquals("payment_method", unknown.getParam());
    assertEquals(400, unknown.getStatusCode());

    StripeClient wrongKey =
        StripeClient.builder()
            .setApiKey("sk_test_wrong")
            .setApiBase(sandbox.baseUrl())
            .setMaxNetworkRetries(0)
            .build();
    assertThrows(
        AuthenticationException.class,
        () -> wrongKey.paymentIntents().create(charge("tok_visa", 900, invoice())));

    InvalidRequestException missing =
        assertThrows(
            InvalidRequestException.class, () -> stripe.paymentIntents().retrieve("pi_missing"));
    assertEquals(404, missing.getStatusCode());
    assertEquals("resource_missing", missing.getCode());
  }

  @Test
  void replaysTheFirstAnswerToTheSameKeyAndRefusesOtherParameters() throws StripeException {
    String key = UUID.randomUUID().toString();
    String invoice = invoice();
    PaymentIntent first =
        stripe.paymentIntents().create(charge("tok_visa", 700, invoice), key(key));
    PaymentIntent second =
        stripe.paymentIntents().create(charge("tok_visa", 700, invoice), key(key));
    assertEquals(first.getId(), second.getId());
    assertEquals(
        "true", second.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));
    assertTrue(first.getLastResponse().headers().firstValue("Idempotent-Replayed").isEmpty());
    assertEquals(1, sandbox.captures(first.getId()).size());

    assertThrows(
        IdempotencyException.class,
        () -> stripe.paymentIntents().create(charge("tok_visa", 701, invoice), key(key)));

    // a decline is kept and replayed too
    String declineKey = UUID.randomUUID().toString();
    CardException d1 =
        assertThrows(
            CardException.class,
            () ->
                stripe
                    .paymentIntents()
                    .create(charge("tok_chargeDeclined", 700, invoice), key(declineKey)));
    CardException d2 =
        assertThrows(
            CardException.class,
            () ->
                stripe
                    .paymentIntents()
                    .create(charge("tok_chargeDeclined", 700, invoice), key(declineKey)));
    assertEquals(
        d1.getStripeError().getPaymentIntent().getId(),
        d2.getStripeError().getPaymentIntent().getId());
  }

  @Test
  void concurrentRequestsWithOneKeyCaptureOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String invoice = invoice();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        ids.add(
            pool.submit(
                () ->
                    stripe
                        .paymentIntents()
                        .create(charge("tok_visa", 999, invoice), key(key))
                        .getId()));
      }
      Set<String> distinct = new HashSet<>();
      for (Future<String> id : ids) {
        distinct.add(id.get());
      }
      assertEquals(1, distinct.size());
      long captured =
          sandbox.captures().stream()
              .filter(c -> invoice.equals(c.metadata().get("invoice")))
              .count();
      assertEquals(1, captured);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTimedOutChargeIsCapturedOnceAndReadBackWithTheSameKey() throws Exception {
    String key = UUID.randomUUID().toString();
    String invoice = invoice();
    StripeClient impatient = client(300);
    assertThrows(
        ApiConnectionException.class,
        () -> impatient.paymentIntents().create(charge("tok_timeout", 4_200, invoice), key(key)));
    // the same key reads the first outcome back at once (a patient client: the machine may be slow)
    PaymentIntent replayed =
        stripe.paymentIntents().create(charge("tok_timeout", 4_200, invoice), key(key));
    assertEquals("succeeded", replayed.getStatus());
    assertEquals(1, sandbox.captures(replayed.getId()).size());
    assertEquals(
        1,
        sandbox.captures().stream()
            .filter(c -> invoice.equals(c.metadata().get("invoice")))
            .count());
  }

  @Test
  void anAsyncPaymentSucceedsLaterByWebhook() throws Exception {
    PaymentIntent processing =
        stripe.paymentIntents().create(charge("tok_async", 2_500, invoice()));
    assertEquals("processing", processing.getStatus());
    // each event is delivered on its own, so they may arrive in either order (as with Stripe)
    Event first = verified(receiver.await(WAIT, processing.getId(), "payment_intent.processing"));
    assertEquals("payment_intent.processing", first.getType());
    Event later = verified(receiver.await(WAIT, processing.getId(), "payment_intent.succeeded"));
    assertEquals("payment_intent.succeeded", later.getType());
    assertEquals("succeeded", stripe.paymentIntents().retrieve(processing.getId()).getStatus());
    assertEquals(1, sandbox.captures(processing.getId()).size());

    Refund pending =
        stripe
            .refunds()
            .create(RefundCreateParams.builder().setPaymentIntent(processing.getId()).build());
    assertEquals("pending", pending.getStatus());
    Event created = verified(receiver.await(WAIT, pending.getId(), "refund.created"));
    assertEquals(
        "pending",
        ((Refund) created.getDataObjectDeserializer().getObject().orElseThrow()).getStatus());
    Event settled = verified(receiver.await(WAIT, pending.getId(), "refund.updated"));
    assertEquals(
        "succeeded",
        ((Refund) settled.getDataObjectDeserializer().getObject().orElseThrow()).getStatus());
    assertEquals("succeeded", stripe.refunds().retrieve(pending.getId()).getStatus());
  }

  @Test
  void aDisputeIsOpenedAndClosedByWebhooks() throws Exception {
    PaymentIntent paid =
        stripe.paymentIntents().create(charge("tok_createDispute", 3_000, invoice()));
    assertEquals("succeeded", paid.getStatus());
    Event created = verified(receiver.await(WAIT, paid.getId(), "charge.dispute.created"));
    Dispute dispute = (Dispute) created.getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(paid.getId(), dispute.getPaymentIntent());
    assertEquals(3_000L, dispute.getAmount());
    assertEquals("needs_response", dispute.getStatus());

    HttpResponse<String> closed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sandbox.baseUrl() + "/sandbox/disputes/" + dispute.getId() + "/close"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("status=lost"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, closed.statusCode());
    Event closedEvent = verified(receiver.await(WAIT, dispute.getId(), "charge.dispute.closed"));
    assertEquals("charge.dispute.closed", closedEvent.getType());
    assertEquals(
        "lost",
        ((Dispute) closedEvent.getDataObjectDeserializer().getObject().orElseThrow()).getStatus());
  }

  @Test
  void webhooksAreRetriedUntilAcknowledgedAndCanBeResent() throws Exception {
    try (WebhookReceiver flaky = new WebhookReceiver()) {
      String secret = PaymentSandbox.newWebhookSecret();
      sandbox.addWebhookEndpoint(flaky.url(), secret);
      flaky.failNext(2);
      PaymentIntent paid = stripe.paymentIntents().create(charge("tok_visa", 100, invoice()));
      WebhookReceiver.Delivery delivered = flaky.await(paid.getId(), WAIT);
      assertTrue(flaky.requests.get() >= 3);
      Event event = Webhook.constructEvent(delivered.payload(), delivered.signature(), secret);

      HttpResponse<String> resent =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              sandbox.baseUrl() + "/sandbox/events/" + event.getId() + "/resend"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, resent.statusCode());
      WebhookReceiver.Delivery duplicate = flaky.await(event.getId(), WAIT);
      assertEquals(delivered.payload(), duplicate.payload());
      assertThrows(
          SignatureVerificationException.class,
          () -> Webhook.constructEvent(duplicate.payload(), duplicate.signature(), SECRET));
    }
  }

  @Test
  void registersWebhookEndpointsThroughTheApi() throws Exception {
    try (WebhookReceiver own = new WebhookReceiver()) {
      WebhookEndpoint endpoint =
          stripe
              .webhookEndpoints()
              .create(
                  WebhookEndpointCreateParams.builder()
                      .setUrl(own.url())
                      .addEnabledEvent(
                          WebhookEndpointCreateParams.EnabledEvent.PAYMENT_INTENT__SUCCEEDED)
                      .build());
      assertTrue(endpoint.getSecret().startsWith("whsec_"));
      PaymentIntent paid = stripe.paymentIntents().create(charge("tok_visa", 100, invoice()));
      WebhookReceiver.Delivery delivered = own.await(paid.getId(), WAIT);
      Event event =
          Webhook.constructEvent(delivered.payload(), delivered.signature(), endpoint.getSecret());
      assertEquals("payment_intent.succeeded", event.getType());
      assertNotEquals(SECRET, endpoint.getSecret());
    }
  }

  @Test
  void sandboxCapturesAreReadableOverHttp() throws Exception {
    PaymentIntent paid = stripe.paymentIntents().create(charge("tok_visa", 4_321, invoice()));
    HttpResponse<String> read =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sandbox.baseUrl() + "/sandbox/captures?payment_intent=" + paid.getId()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, read.statusCode());
    var json = Json.MAPPER.readTree(read.body());
    assertEquals(1, json.path("data").size());
    assertEquals(4_321, json.path("data").get(0).path("amount").asLong());
    assertEquals(paid.getId(), json.path("data").get(0).path("payment_intent").asText());
  }
}
