package com.telco.billing.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link PaymentSandbox} in the foreground until the JVM is stopped.
 *
 * <p>Arguments {@code [port [secret-key [webhook-url webhook-secret]]]}, or the environment: {@code
 * SANDBOX_PORT} (default 12111), {@code SANDBOX_SECRET_KEY} (default the DEV-ONLY key), {@code
 * SANDBOX_WEBHOOK_URL} and {@code SANDBOX_WEBHOOK_SECRET} (a receiver registered for every event;
 * default the DEV-ONLY webhook secret).
 */
public final class PaymentSandboxMain {
  /** The DEV-ONLY webhook signing secret used when none is given. */
  public static final String DEV_WEBHOOK_SECRET = "whsec_DEV-ONLY_sandbox_0000000000000000";

  /** The port {@code bin/billing dev} and this main use by default. */
  public static final int DEV_PORT = 12111;

  private PaymentSandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(arg(args, 0, "SANDBOX_PORT", String.valueOf(DEV_PORT)));
    String key = arg(args, 1, "SANDBOX_SECRET_KEY", SandboxSettings.DEV_SECRET_KEY);
    String webhookUrl = arg(args, 2, "SANDBOX_WEBHOOK_URL", null);
    String webhookSecret = arg(args, 3, "SANDBOX_WEBHOOK_SECRET", DEV_WEBHOOK_SECRET);
    PaymentSandbox sandbox =
        PaymentSandbox.start(SandboxSettings.defaults().withPort(port).withSecretKey(key));
    if (webhookUrl != null) {
      sandbox.addWebhookEndpoint(webhookUrl, webhookSecret);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "payment-sandbox-stop"));
    System.out.printf(
        "Payment sandbox (Stripe PaymentIntents subset) on %s%n  secret key: %s%n  webhooks: %s%n",
        sandbox.baseUrl(), key, webhookUrl == null ? "none registered" : webhookUrl);
    new CountDownLatch(1).await();
  }

  private static String arg(String[] args, int index, String variable, String fallback) {
    if (args.length > index && !args[index].isBlank()) {
      return args[index];
    }
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value;
  }
}
