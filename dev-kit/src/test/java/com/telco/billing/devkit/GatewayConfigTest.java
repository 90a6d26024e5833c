package com.telco.billing.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.telco.billing.node.Main;
import com.telco.billing.node.payment.gateway.ChargeOutcome;
import com.telco.billing.node.payment.gateway.ChargeRequest;
import com.telco.billing.node.payment.gateway.GatewaySettings;
import com.telco.billing.node.payment.gateway.StripeGateway;
import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.TestSandbox;
import java.time.Duration;
import java.util.Currency;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A node configured by {@link EmbeddedNode#gatewayConfig} reaches the shared test sandbox. */
class GatewayConfigTest {
  @Test
  void pointsTheNodesGatewayClientAtTheSharedSandbox() throws Exception {
    PaymentSandbox sandbox = TestSandbox.shared();
    assertSame(sandbox, TestSandbox.shared());
    GatewaySettings settings =
        GatewaySettings.from(
            Main.loadConfig(
                EmbeddedNode.gatewayConfig(
                    sandbox.baseUrl(), sandbox.secretKey(), TestSandbox.WEBHOOK_SECRET)));
    assertEquals(sandbox.baseUrl(), settings.baseUrl());
    assertEquals(TestSandbox.WEBHOOK_SECRET, settings.webhookSecret());
    assertEquals(Duration.ofSeconds(2), settings.readTimeout());
    try (StripeGateway gateway = new StripeGateway(settings)) {
      String invoice = "INV-" + UUID.randomUUID();
      ChargeOutcome outcome =
          gateway
              .charge(
                  new ChargeRequest(
                      UUID.randomUUID().toString(),
                      "tok_visa",
                      1_999,
                      Currency.getInstance("EUR"),
                      "ACC-1",
                      invoice,
                      "PAY-1"))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      String intent = assertInstanceOf(ChargeOutcome.Succeeded.class, outcome).intentId();
      assertEquals(1, sandbox.captures(intent).size());
    }
  }
}
