package com.telco.billing.devkit;

import com.icegreen.greenmail.util.GreenMail;
import com.telco.billing.devcassandra.DevCassandra;
import com.telco.billing.node.Main;
import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.PaymentSandboxMain;
import com.telco.billing.sandbox.SandboxSettings;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * {@code bin/billing dev}: a dev Cassandra (child JVM, data kept in {@code var/cassandra}) and one
 * billing node that forms a cluster by itself. Ctrl-C or SIGTERM stops both: the node through
 * CoordinatedShutdown, Cassandra through the launcher's shutdown hook (and, should this JVM be
 * killed, through the child's own watch of its parent). Once the node is up it publishes the sample
 * dunning policy ({@code samples/dunning-policy.json}) and prints the version.
 *
 * <p>Environment: {@code BILLING_DEV_DATA} (default {@code var}), {@code BILLING_DEV_CQL_PORT}
 * (default 9042), {@code BILLING_DEV_SANDBOX_PORT} (default 12111; 0: a free port), {@code
 * BILLING_DEV_SMTP_PORT} and {@code BILLING_DEV_IMAP_PORT} (defaults 3025 and 3143: the SMTP server
 * the node mails invoices and reminders to, and where they can be read), plus every {@code
 * BILLING_*} variable of the node's configuration.
 */
public final class DevMain {
  private DevMain() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(env("BILLING_DEV_DATA", "var")).toAbsolutePath();
    int cqlPort = Integer.parseInt(env("BILLING_DEV_CQL_PORT", "9042"));
    DevCassandra cassandra =
        DevCassandra.builder()
            .dataDir(dataDir.resolve("cassandra"))
            .cqlPort(cqlPort)
            .build()
            .start();

    int sandboxPort =
        Integer.parseInt(
            env("BILLING_DEV_SANDBOX_PORT", String.valueOf(PaymentSandboxMain.DEV_PORT)));
    PaymentSandbox sandbox = PaymentSandbox.start(SandboxSettings.defaults().withPort(sandboxPort));
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "payment-sandbox-stop"));

    int smtpPort = Integer.parseInt(env("BILLING_DEV_SMTP_PORT", "3025"));
    int imapPort = Integer.parseInt(env("BILLING_DEV_IMAP_PORT", "3143"));
    GreenMail smtp = TestSmtp.start(smtpPort, imapPort);
    Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "smtp-stop"));

    // the dev node trusts the DEV-ONLY signing key that bin/billing token signs with
    DevKeys keys = DevKeys.in(dataDir.resolve("dev-keys"));
    Config config =
        Main.loadConfig(
            ConfigFactory.parseString(
                    """
                    billing.cassandra.contact-point = "%s"
                    pekko.coordinated-shutdown.exit-jvm = on
                    """
                        .formatted(cassandra.endpoint().hostAndPort()))
                .withFallback(
                    EmbeddedNode.gatewayConfig(
                        sandbox.baseUrl(),
                        sandbox.secretKey(),
                        PaymentSandboxMain.DEV_WEBHOOK_SECRET))
                .withFallback(EmbeddedNode.mailConfig(TestSmtp.HOST, smtpPort))
                .withFallback(keys.nodeConfig()));
    ActorSystem.create(root(cassandra, sandbox, keys, imapPort), Main.SYSTEM_NAME, config);
  }

  private static Behavior<Void> root(
      DevCassandra cassandra, PaymentSandbox sandbox, DevKeys keys, int imapPort) {
    return Behaviors.setup(
        context -> {
          var system = context.getSystem();
          var config = system.settings().config();
          Main.init(system)
              .thenAccept(
                  address -> {
                    sandbox.addWebhookEndpoint(
                        "http://127.0.0.1:" + address.getPort() + "/webhooks/payment-gateway",
                        PaymentSandboxMain.DEV_WEBHOOK_SECRET);
                    System.out.printf(
                        "%nBilling dev node is up.%n"
                            + "  HTTP API:   http://%s:%d/%n"
                            + "  Management: http://%s:%d/ready  /alive  /cluster/members%n"
                            + "  Cassandra:  %s (data in %s)%n"
                            + "  Payments:   %s (sandbox gateway, tokens tok_visa,"
                            + " tok_chargeDeclined, tok_insufficientFunds, tok_timeout, tok_async,"
                            + " ...; captures at /sandbox/captures)%n"
                            + "  Mail:       SMTP %s:%d; read it with IMAP at %s:%d (user and"
                            + " password: the recipient's address, e.g. curl -u a@x.example:a@x.example"
                            + " imap://%s:%d/INBOX)%n"
                            + "  Tokens:     bin/billing token --role finance   (roles: %s;"
                            + " DEV-ONLY key in %s)%n"
                            + "Ctrl-C stops the node, the sandbox, the mail server and Cassandra.%n%n",
                        address.getHostString(),
                        address.getPort(),
                        config.getString("pekko.management.http.hostname"),
                        config.getInt("pekko.management.http.port"),
                        cassandra.endpoint().hostAndPort(),
                        cassandra.dataDir(),
                        sandbox.baseUrl(),
                        config.getString("billing.mail.host"),
                        config.getInt("billing.mail.port"),
                        TestSmtp.HOST,
                        imapPort,
                        TestSmtp.HOST,
                        imapPort,
                        String.join(",", DevKeys.ALL_ROLES),
                        config.getString("billing.security.jwt.public-key-file"));
                    // off the callback's thread: the request goes through this very node
                    CompletableFuture.runAsync(
                        () ->
                            DevDunningPolicy.publish(
                                "http://127.0.0.1:" + address.getPort(), keys));
                  });
          return Behaviors.empty();
        });
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
