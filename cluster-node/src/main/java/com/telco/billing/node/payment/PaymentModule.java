package com.telco.billing.node.payment;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.payment.gateway.PaymentGateway;
import com.typesafe.config.Config;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Payments on a node: the settings the accounts collect with ({@code billing.payments}), the
 * payment gateway client they collect and refund through, and the {@link PaymentService} the
 * payment routes serve. Starts before the accounts, which take the gateway.
 */
public final class PaymentModule {
  private final PaymentSettings settings;
  private final PaymentGateway gateway;
  private final PaymentService service;

  private PaymentModule(PaymentSettings settings, PaymentGateway gateway, PaymentService service) {
    this.settings = settings;
    this.gateway = gateway;
    this.service = service;
  }

  public static PaymentModule init(
      ActorSystem<?> system, BillingSettings billing, PaymentGateway gateway, Clock clock) {
    Config config = system.settings().config().getConfig("billing.payments");
    PaymentSettings settings = PaymentSettings.from(config);
    PaymentService service =
        new PaymentService(
            system, billing.http().askTimeout(), config.getDuration("refund-ask-timeout"), clock);
    return new PaymentModule(settings, gateway, service);
  }

  public PaymentSettings settings() {
    return settings;
  }

  /** The gateway the accounts collect through; {@code null} when none is configured. */
  public PaymentGateway gateway() {
    return gateway;
  }

  public PaymentService service() {
    return service;
  }
}
