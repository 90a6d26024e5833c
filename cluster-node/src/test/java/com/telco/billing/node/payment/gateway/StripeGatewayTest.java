package com.telco.billing.node.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.SandboxSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway client against the real sandbox, over HTTP. */
class StripeGatewayTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private static PaymentSandbox sandbox;
  private static StripeGateway gateway;

  @BeforeAll
  static void start() {
    sandbox =
        PaymentSandbox.start(
            SandboxSettings.defaults()
                .withTimeoutDelay(Duration.ofSeconds(3))
                .withAsyncDelay(Duration.ofMillis(200)));
    gateway =
        new StripeGateway(
            GatewayTestSettings.of(sandbox.baseUrl(), sandbox.secretKey(), "whsec_test"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    sandbox.close();
  }

  private static ChargeRequest charge(String key, String token, long amount, String invoice) {
    return new ChargeRequest(key, token, amount, EUR, "ACC-7", invoice, "PAY-" + invoice);
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static long capturesOf(String invoice) {
    return sandbox.captures().stream()
        .filter(c -> invoice.equals(c.metadata().get("invoice")))
        .count();
  }

  @Test
  void chargesAndReadsTheIntentBack() throws Exception {
    String invoice = "INV-" + key();
    ChargeOutcome outcome = await(gateway.charge(charge(key(), "tok_visa", 12_345, invoice)));
    ChargeOutcome.Succeeded succeeded = assertInstanceOf(ChargeOutcome.Succeeded.class, outcome);
    assertEquals(12_345, succeeded.amountMinor());
    IntentView view = await(gateway.retrieve(succeeded.intentId()));
    assertEquals("succeeded", view.status());
    assertEquals(12_345, view.amountMinor());
    assertEquals(EUR, view.currency());
    assertEquals("ACC-7", view.metadata().get("account_id"));
    assertEquals(invoice, view.metadata().get("invoice"));
    assertEquals("PAY-" + invoice, view.metadata().get("payment_id"));
    assertEquals(1, capturesOf(invoice));
  }

  @Test
  void theSameKeyNeverChargesTwice() throws Exception {
    String invoice = "INV-" + key();
    String key = key();
    var first =
        (ChargeOutcome.Succeeded) await(gateway.charge(charge(key, "tok_visa", 500, invoice)));
    var again =
        (ChargeOutcome.Succeeded) await(gateway.charge(charge(key, "tok_visa", 500, invoice)));
    assertEquals(first.intentId(), again.intentId());
    assertEquals(1, capturesOf(invoice));
  }

  @Test
  void concurrentCallsWithOneKeyCaptureOnce() throws Exception {
    String invoice = "INV-" + key();
    String key = key();
    List<CompletableFuture<ChargeOutcome>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(gateway.charge(charge(key, "tok_visa", 800, invoice)).toCompletableFuture());
    }
    Set<String> intents = new HashSet<>();
    for (CompletableFuture<ChargeOutcome> call : calls) {
      intents.add(assertInstanceOf(ChargeOutcome.Succeeded.class, await(call)).intentId());
    }
    assertEquals(1, intents.size());
    assertEquals(1, capturesOf(invoice));
  }

  @Test
  void classifiesDeclines() throws Exception {
    var soft =
        assertInstanceOf(
            ChargeOutcome.Declined.class,
            await(gateway.charge(charge(key(), "tok_insufficientFunds", 900, "INV-" + key()))));
    assertEquals("card_declined", soft.code());
    assertEquals("insufficient_funds", soft.declineCode());
    assertFalse(soft.hard());
    assertNotNull(soft.intentId());

    var stolen =
        assertInstanceOf(
            ChargeOutcome.Declined.class,
            await(
                gateway.charge(
                    charge(key(), "tok_chargeDeclinedStolenCard", 900, "INV-" + key()))));
    assertEquals("stolen_card", stolen.declineCode());
    assertTrue(stolen.hard());

    var generic =
        assertInstanceOf(
            ChargeOutcome.Declined.class,
            await(gateway.charge(charge(key(), "tok_chargeDeclined", 900, "INV-" + key()))));
    assertTrue(generic.hard());
    assertEquals("requires_payment_method", await(gateway.retrieve(generic.intentId())).status());

    var unknownToken =
        assertInstanceOf(
            ChargeOutcome.Declined.class,
            await(gateway.charge(charge(key(), "tok_noSuchToken", 900, "INV-" + key()))));
    assertNull(unknownToken.intentId());
    assertEquals("resource_missing", unknownToken.code());
    assertTrue(unknownToken.hard());
  }

  @Test
  void anAsyncChargeIsProcessingThenSucceeds() throws Exception {
    String invoice = "INV-" + key();
    var processing =
        assertInstanceOf(
            ChargeOutcome.Processing.class,
            await(gateway.charge(charge(key(), "tok_async", 2_000, invoice))));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String status = "processing";
    while (!status.equals("succeeded") && System.nanoTime() < deadline) {
      Thread.sleep(50);
      status = await(gateway.retrieve(processing.intentId())).status();
    }
    assertEquals("succeeded", status);
    assertEquals(1, capturesOf(invoice));
  }

  @Test
  void aTimeoutIsRetriedWithTheSameKeyAndCapturesOnce() throws Exception {
    String invoice = "INV-" + key();
    GatewaySettings impatient =
        GatewayTestSettings.withTimeouts(
            GatewayTestSettings.of(sandbox.baseUrl(), sandbox.secretKey(), "whsec_test"),
            Duration.ofSeconds(1),
            3,
            new GatewaySettings.Breaker(5, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    try (StripeGateway client = new StripeGateway(impatient)) {
      var outcome =
          assertInstanceOf(
              ChargeOutcome.Succeeded.class,
              await(client.charge(charge(key(), "tok_timeout", 4_200, invoice))));
      assertEquals(4_200, outcome.amountMinor());
      assertEquals(1, sandbox.captures(outcome.intentId()).size());
      assertEquals(1, capturesOf(invoice));
    }
  }

  @Test
  void anUnknownOutcomeIsReadBackLaterWithTheSameKey() throws Exception {
    String invoice = "INV-" + key();
    String key = key();
    GatewaySettings oneTry =
        GatewayTestSettings.withTimeouts(
            GatewayTestSettings.of(sandbox.baseUrl(), sandbox.secretKey(), "whsec_test"),
            Duration.ofSeconds(1),
            1,
            new GatewaySettings.Breaker(5, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    try (StripeGateway client = new StripeGateway(oneTry)) {
      assertInstanceOf(
          ChargeOutcome.Unknown.class,
          await(client.charge(charge(key, "tok_timeout", 4_300, invoice))));
      var later =
          assertInstanceOf(
              ChargeOutcome.Succeeded.class,
              await(client.charge(charge(key, "tok_timeout", 4_300, invoice))));
      assertEquals(1, sandbox.captures(later.intentId()).size());
      assertEquals(1, capturesOf(invoice));
    }
  }

  @Test
  void aCallLongerThanTheCallTimeoutIsUnknown() throws Exception {
    String invoice = "INV-" + key();
    GatewaySettings hurried =
        GatewayTestSettings.withTimeouts(
            GatewayTestSettings.of(sandbox.baseUrl(), sandbox.secretKey(), "whsec_test"),
            Duration.ofSeconds(5),
            1,
            new GatewaySettings.Breaker(5, Duration.ofMillis(300), Duration.ofSeconds(30)));
    try (StripeGateway client = new StripeGateway(hurried)) {
      var outcome =
          assertInstanceOf(
              ChargeOutcome.Unknown.class,
              await(client.charge(charge(key(), "tok_timeout", 4_400, invoice))));
      assertTrue(outcome.reason().startsWith("call_timeout"), outcome.reason());
    }
  }

  @Test
  void refunds() throws Exception {
    var paid =
        (ChargeOutcome.Succeeded)
            await(gateway.charge(charge(key(), "tok_visa", 1_000, "INV-" + key())));
    RefundOutcome part =
        await(
            gateway.refund(
                new RefundRequest(
                    key(),
                    paid.intentId(),
                    300,
                    "requested_by_customer",
                    "ACC-7",
                    "PAY-1",
                    "RF-1")));
    assertTrue(
        assertInstanceOf(RefundOutcome.Succeeded.class, part).gatewayRefundId().startsWith("re_"));
    RefundOutcome tooMuch =
        await(
            gateway.refund(
                new RefundRequest(
                    key(), paid.intentId(), 701, "goodwill", "ACC-7", "PAY-1", "RF-2")));
    assertEquals(new RefundOutcome.Failed("amount_too_large"), tooMuch);

    var async =
        (ChargeOutcome.Processing)
            await(gateway.charge(charge(key(), "tok_async", 1_000, "INV-" + key())));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!await(gateway.retrieve(async.intentId())).status().equals("succeeded")
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertInstanceOf(
        RefundOutcome.Pending.class,
        await(
            gateway.refund(
                new RefundRequest(
                    key(), async.intentId(), 1_000, null, "ACC-7", "PAY-2", "RF-3"))));
  }

  @Test
  void aWrongKeyIsUnknownNotADecline() throws Exception {
    try (StripeGateway client =
        new StripeGateway(
            GatewayTestSettings.of(sandbox.baseUrl(), "sk_test_wrong", "whsec_test"))) {
      var outcome =
          assertInstanceOf(
              ChargeOutcome.Unknown.class,
              await(client.charge(charge(key(), "tok_visa", 100, "INV-" + key()))));
      assertTrue(outcome.reason().contains("401"), outcome.reason());
    }
  }

  @Test
  void theCircuitOpensWhenTheGatewayIsDownAndClosesWhenItIsBack() throws Exception {
    PaymentSandbox down = PaymentSandbox.start(SandboxSettings.defaults());
    String url = down.baseUrl();
    int port = down.port();
    down.close();
    GatewaySettings settings =
        GatewayTestSettings.withTimeouts(
            GatewayTestSettings.of(url, SandboxSettings.DEV_SECRET_KEY, "whsec_test"),
            Duration.ofSeconds(1),
            1,
            new GatewaySettings.Breaker(2, Duration.ofSeconds(30), Duration.ofSeconds(30)));
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    try (StripeGateway client = new StripeGateway(settings, clock)) {
      for (int i = 0; i < 2; i++) {
        var unknown =
            assertInstanceOf(
                ChargeOutcome.Unknown.class,
                await(client.charge(charge(key(), "tok_visa", 100, "INV-" + key()))));
        assertTrue(unknown.reason().startsWith("no answer"), unknown.reason());
      }
      assertTrue(client.circuitOpen());
      assertEquals(
          new ChargeOutcome.Unknown("circuit_open"),
          await(client.charge(charge(key(), "tok_visa", 100, "INV-" + key()))));
      ExecutionException read =
          assertThrows(ExecutionException.class, () -> await(client.retrieve("pi_x")));
      assertEquals("circuit_open", ((PaymentGatewayException) read.getCause()).code());

      try (PaymentSandbox back = PaymentSandbox.start(SandboxSettings.defaults().withPort(port))) {
        now.set(now.get().plusSeconds(29));
        assertEquals(
            new ChargeOutcome.Unknown("circuit_open"),
            await(client.charge(charge(key(), "tok_visa", 100, "INV-" + key()))));
        now.set(now.get().plusSeconds(2));
        assertInstanceOf(
            ChargeOutcome.Succeeded.class,
            await(client.charge(charge(key(), "tok_visa", 100, "INV-" + key()))));
        assertFalse(client.circuitOpen());
      }
    }
  }

  @Test
  void refusesIncompleteRequestsWithoutCallingTheGateway() throws Exception {
    int before = sandbox.captures().size();
    assertEquals(
        new ChargeOutcome.Unknown("idempotency_key_missing"),
        await(gateway.charge(charge(null, "tok_visa", 100, "INV-" + key()))));
    assertEquals(
        new ChargeOutcome.Declined(null, "invalid_request", null, true),
        await(gateway.charge(charge(key(), "tok_visa", 0, "INV-" + key()))));
    assertEquals(
        new RefundOutcome.Failed("invalid_request"),
        await(gateway.refund(new RefundRequest(key(), null, 100, null, "A", "P", "R"))));
    assertEquals(before, sandbox.captures().size());
  }

  @Test
  void aMissingIntentIsAGatewayRefusal() {
    ExecutionException read =
        assertThrows(ExecutionException.class, () -> await(gateway.retrieve("pi_missing")));
    assertEquals("resource_missing", ((PaymentGatewayException) read.getCause()).code());
  }
}
