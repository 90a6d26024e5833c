package com.telco.billing.sandbox;

import java.time.Duration;

/**
 * One payment sandbox per test JVM, shared by all test classes (as {@code TestCassandra.shared()}
 * shares one Cassandra). Every webhook endpoint registered on it receives every event, so a test
 * node should ignore events about intents it does not know. A shutdown hook stops it.
 *
 * <pre>{@code
 * PaymentSandbox sandbox = TestSandbox.shared();
 * EmbeddedNode node = EmbeddedNode.start(cassandra, keyspace,
 *     EmbeddedNode.gatewayConfig(sandbox.baseUrl(), sandbox.secretKey(), TestSandbox.WEBHOOK_SECRET));
 * sandbox.addWebhookEndpoint(node.gatewayWebhookUrl(), TestSandbox.WEBHOOK_SECRET);
 * }</pre>
 */
public final class TestSandbox {
  /** The DEV-ONLY signing secret tests register their webhook endpoints with. */
  public static final String WEBHOOK_SECRET = "whsec_DEV-ONLY_test_0000000000000000";

  /**
   * The shared sandbox's settings: a free port, {@code tok_timeout} held 3 s, {@code tok_async}
   * processing for 500 ms, webhooks redelivered after 200 ms doubling up to 2 s.
   */
  public static final SandboxSettings SETTINGS =
      SandboxSettings.defaults()
          .withThreads(64)
          .withWebhookRetry(Duration.ofMillis(200), Duration.ofSeconds(2));

  private static PaymentSandbox shared;

  private TestSandbox() {}

  /** The JVM's shared sandbox, started on the first call. */
  public static synchronized PaymentSandbox shared() {
    if (shared == null) {
      PaymentSandbox started = PaymentSandbox.start(SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "payment-sandbox-test-stop"));
      shared = started;
    }
    return shared;
  }
}
