package com.telco.billing.node.payment.gateway;

import java.time.Duration;

/** Gateway settings for tests: short timeouts and pauses. */
final class GatewayTestSettings {
  private GatewayTestSettings() {}

  static GatewaySettings of(String baseUrl, String key, String webhookSecret) {
    return new GatewaySettings(
        baseUrl,
        key,
        webhookSecret,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        3,
        Duration.ofMillis(50),
        16,
        1000,
        new GatewaySettings.Breaker(5, Duration.ofSeconds(30), Duration.ofSeconds(30)),
        GatewayWebhooks.DEFAULT_TOLERANCE);
  }

  static GatewaySettings withTimeouts(
      GatewaySettings s, Duration readTimeout, int attempts, GatewaySettings.Breaker breaker) {
    return new GatewaySettings(
        s.baseUrl(),
        s.secretKey(),
        s.webhookSecret(),
        s.connectTimeout(),
        readTimeout,
        attempts,
        s.retryBackoff(),
        s.parallelism(),
        s.maxQueued(),
        breaker,
        s.webhookTolerance());
  }
}
