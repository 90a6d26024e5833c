package com.telco.billing.node.payment;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.payment.gateway.GatewaySettings;
import com.telco.billing.node.payment.gateway.GatewayWebhooks;
import com.telco.billing.node.payment.gateway.PaymentGateway;
import com.telco.billing.node.payment.gateway.StripeGateway;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Payments on a node: the settings the accounts collect with ({@code billing.payments}), the
 * payment gateway client they collect and refund through ({@code billing.payments.gateway}), the
 * {@link PaymentService} of the payment routes and the {@link GatewayWebhookService} of the
 * gateway's webhooks. Starts before the accounts, which take the gateway.
 */
public final class PaymentModule {
  private final PaymentSettings settings;
  private final PaymentGateway gateway;
  private final PaymentService service;
  private final GatewayWebhookService webhooks;

  private PaymentModule(
      PaymentSettings settings,
      PaymentGateway gateway,
      PaymentService service,
      GatewayWebhookService webhooks) {
    this.settings = settings;
    this.gateway = gateway;
    this.service = service;
    this.webhooks = webhooks;
  }

  /** Starts the gateway client; it closes with the node. */
  public static PaymentModule init(ActorSystem<?> system, BillingSettings billing, Clock clock) {
    PaymentSettings settings = billing.payments();
    GatewaySettings gatewaySettings = GatewaySettings.from(system.settings().config());
    StripeGateway gateway = new StripeGateway(gatewaySettings);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-payment-gateway",
            () -> {
              gateway.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    PaymentService service =
        new PaymentService(system, billing.http().askTimeout(), settings.refundAskTimeout(), clock);
    GatewayWebhookService webhooks =
        // a webhook's signature timestamp is checked against wall time, whatever the business clock
        new GatewayWebhookService(
            GatewayWebhooks.from(gatewaySettings, Clock.systemUTC()), gateway, service);
    return new PaymentModule(settings, gateway, service, webhooks);
  }

  public PaymentSettings settings() {
    return settings;
  }

  /** The gateway the accounts collect and refund through. */
  public PaymentGateway gateway() {
    return gateway;
  }

  public PaymentService service() {
    return service;
  }

  /** The service of {@code POST /webhooks/payment-gateway}. */
  public GatewayWebhookService webhooks() {
    return webhooks;
  }
}
