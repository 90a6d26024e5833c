package com.telco.billing.node;

import com.telco.billing.node.account.AccountModule;
import com.telco.billing.node.audit.AuditModule;
import com.telco.billing.node.billrun.BillRunModule;
import com.telco.billing.node.catalog.CatalogModule;
import com.telco.billing.node.dunning.DunningService;
import com.telco.billing.node.dunning.driver.DunningDriverModule;
import com.telco.billing.node.dunning.policy.DunningPolicyModule;
import com.telco.billing.node.guiding.GuidingModule;
import com.telco.billing.node.health.ServicesStarted;
import com.telco.billing.node.http.HttpApi;
import com.telco.billing.node.invoice.InvoicingModule;
import com.telco.billing.node.mail.MailModule;
import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.notification.NotificationModule;
import com.telco.billing.node.payment.AccountDirectDebitReturns;
import com.telco.billing.node.payment.PaymentModule;
import com.telco.billing.node.payment.collection.CollectionModule;
import com.telco.billing.node.payment.collection.EveryNowAndThen;
import com.telco.billing.node.payment.directdebit.DirectDebitModule;
import com.telco.billing.node.security.SecurityModule;
import com.telco.billing.node.usage.UsageModule;
import com.telco.billing.sharding.ShardingInit;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;

/**
 * A billing node: Pekko Cluster with sharded Account entities journaled in Cassandra, the HTTP API
 * and Pekko Management (health checks {@code /ready}, {@code /alive}, cluster membership).
 *
 * <p>{@link #init(ActorSystem)} is what both {@link #main} and the integration tests call.
 */
public final class Main {
  /** Name of the actor system; nodes of one cluster must share it. */
  public static final String SYSTEM_NAME = "Billing";

  private Main() {}

  public static void main(String[] args) {
    Config config =
        ConfigFactory.parseString("pekko.coordinated-shutdown.exit-jvm = on")
            .withFallback(loadConfig(ConfigFactory.empty()));
    ActorSystem.create(rootBehavior(), SYSTEM_NAME, config);
  }

  /**
   * The node's configuration: {@code overrides} over {@code application.conf} over the reference
   * configurations, resolved together so that overrides reach every substitution.
   */
  public static Config loadConfig(Config overrides) {
    return ConfigFactory.load(overrides.withFallback(ConfigFactory.defaultApplication()));
  }

  public static Behavior<Void> rootBehavior() {
    return Behaviors.setup(
        context -> {
          init(context.getSystem());
          return Behaviors.empty();
        });
  }

  /**
   * Starts everything a node runs on an existing actor system.
   *
   * @return the address of the HTTP API, completed once it listens
   */
  public static CompletionStage<InetSocketAddress> init(ActorSystem<?> system) {
    BillingSettings settings = BillingSettings.from(system.settings().config());
    PekkoManagement.get(system).start();
    joinCluster(system, settings.cluster());
    CompletionStage<InetSocketAddress> started =
        CassandraSchema.createIfEnabled(system, settings.cassandra())
            .thenCompose(schema -> startServices(system, settings));
    started.whenComplete(
        (address, failure) -> {
          if (failure != null) {
            // a node that cannot start its services must not linger half-started (never ready)
            system.log().error("the node could not start, shutting down", failure);
            system.terminate();
          }
        });
    return started;
  }

  /**
   * The modules, then the HTTP API, once the schema exists. Each module starts its entities before
   * its projections, after the modules it asks: accounts before invoicing, guiding and usage (their
   * projections and intake readers ask accounts), guiding before usage, invoicing before bill runs,
   * accounts before collection.
   */
  private static CompletionStage<InetSocketAddress> startServices(
      ActorSystem<?> system, BillingSettings settings) {
    Clock clock = settings.clock().clock();
    CatalogModule catalog = CatalogModule.init(system, settings, clock);
    PaymentModule payments = PaymentModule.init(system, settings, clock);
    DunningPolicyModule dunningPolicies = DunningPolicyModule.init(system, settings, clock);
    AccountModule accounts =
        AccountModule.init(system, settings, catalog, payments, dunningPolicies.policies(), clock);
    // signatures and retries keep wall time (a subscriber checks the signature's timestamp against
    // its own clock); the notifications name the business time of their events
    NotificationModule notifications = NotificationModule.init(system, settings, Clock.systemUTC());
    InvoicingModule invoicing = InvoicingModule.init(system, settings);
    GuidingModule guiding = GuidingModule.init(system, settings);
    UsageModule usage = UsageModule.init(system, settings, guiding, clock);
    BillRunModule billRuns = BillRunModule.init(system, settings, invoicing, clock);
    var rerating =
        com.telco.billing.node.rerating.ReratingModule.init(
            system, settings, invoicing, catalog, clock);
    MailModule mail = MailModule.init(system, settings, invoicing.service(), clock);
    DirectDebitModule directDebits = DirectDebitModule.init(system, settings, clock);
    // each round of the collection driver hands direct debits to the store; what is due is filed
    // after a round at most every 30 seconds (and on a new date)
    CollectionModule.init(
        system,
        settings,
        clock,
        directDebits.files()::addPending,
        new EveryNowAndThen(
            today -> directDebits.files().fileDue(today).thenApply(files -> Done.getInstance()),
            Duration.ofSeconds(30),
            clock));
    DunningDriverModule dunning = DunningDriverModule.init(system, settings, clock);
    // tokens, API keys and rate limits keep wall time when a test clock moves business dates
    SecurityModule security = SecurityModule.init(system, settings, Clock.systemUTC());
    AuditModule audit = AuditModule.init(system, settings);
    BillingMetrics.get(system)
        .startPolling(
            system, settings.metrics(), ShardingInit.ENTITY_TYPES, billRuns.service()::list);

    var services =
        new HttpApi.Services(
            accounts.accounts(),
            accounts.subscriptions(guiding, usage),
            usage.usage(),
            usage.intake(),
            usage.suspense(),
            guiding.service(),
            invoicing.service(),
            billRuns.service(),
            catalog.service(),
            security.authenticator(),
            security.rateLimiter(),
            security.apiKeys(),
            audit.trail(),
            payments.service(),
            payments.webhooks(),
            directDebits.files(),
            new AccountDirectDebitReturns(payments.service()),
            new DunningService(system, settings.http().askTimeout()),
            dunningPolicies.service(),
            notifications.service(),
            mail.letters(),
            dunning.readSide(),
            rerating.service());
    return HttpApi.start(system, settings, services, clock)
        .thenApply(
            address -> {
              ServicesStarted.get(system).markStarted();
              return address;
            });
  }

  private static void joinCluster(ActorSystem<?> system, ClusterSettings settings) {
    switch (settings.join()) {
      case SELF -> {
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
      }
      case SEED_NODES -> {
        // Pekko joins pekko.cluster.seed-nodes by itself
      }
      case BOOTSTRAP -> ClusterBootstrap.get(system).start();
    }
  }
}
