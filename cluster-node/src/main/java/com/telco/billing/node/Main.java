package com.telco.billing.node;

import com.telco.billing.node.account.AccountEntity;
import com.telco.billing.node.account.AccountService;
import com.telco.billing.node.account.SubscriptionService;
import com.telco.billing.node.billrun.BillRunCoordinator;
import com.telco.billing.node.billrun.BillRunService;
import com.telco.billing.node.catalog.CatalogModule;
import com.telco.billing.node.catalog.CatalogReplica;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.guiding.GuidingProjection;
import com.telco.billing.node.guiding.GuidingService;
import com.telco.billing.node.guiding.ServiceGuideEntity;
import com.telco.billing.node.health.ServicesStarted;
import com.telco.billing.node.http.HttpApi;
import com.telco.billing.node.invoice.BillingProjection;
import com.telco.billing.node.invoice.BillingTables;
import com.telco.billing.node.invoice.InvoiceSeriesEntity;
import com.telco.billing.node.invoice.InvoicingService;
import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.node.usage.intake.IntakeLog;
import com.telco.billing.node.usage.intake.IntakeReader;
import com.telco.billing.node.usage.intake.IntakeService;
import com.telco.billing.node.usage.intake.IntakeSettings;
import com.telco.billing.sharding.ShardingInit;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
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

  /** Entities, projections and the HTTP API, once the schema exists. */
  private static CompletionStage<InetSocketAddress> startServices(
      ActorSystem<?> system, BillingSettings settings) {
    Clock clock = Clock.systemUTC();
    CatalogModule catalog = CatalogModule.init(system, settings, clock);
    RatingCatalog ratingCatalog = new RatingCatalog(CatalogReplica.get(system)::current);
    Duration maxUsageAge = settings.usage().maxUsageAge();
    boolean skipZeroInvoices = settings.invoicing().skipZeroInvoices();
    Duration askTimeout = settings.http().askTimeout();
    String keyspace = settings.cassandra().keyspace();
    ShardingInit.initAccounts(
        system,
        entityContext ->
            AccountEntity.create(
                entityContext.getEntityId(), clock, ratingCatalog, maxUsageAge, skipZeroInvoices));
    ShardingInit.initInvoiceSeries(
        system, entityContext -> InvoiceSeriesEntity.create(entityContext.getEntityId()));
    ShardingInit.initServices(
        system, entityContext -> ServiceGuideEntity.create(entityContext.getEntityId()));

    GuidingService guiding = new GuidingService(system, askTimeout);
    GuidingProjection.init(system, guiding);
    SuspenseStore suspense = new SuspenseStore(system, keyspace);
    UsageService usage =
        new UsageService(system, guiding, suspense, clock, settings.usage(), askTimeout);
    IntakeSettings intakeSettings = settings.intake();
    IntakeLog intakeLog = new IntakeLog(system, intakeSettings, keyspace);
    IntakeService intake = new IntakeService(usage, intakeLog, intakeSettings, clock);
    IntakeReader.init(system, intakeLog, usage, intakeSettings, intake::receiving, clock);

    BillingTables billingTables = new BillingTables(system, keyspace);
    BillingProjection.init(system, billingTables);
    InvoicingService invoicing =
        new InvoicingService(system, billingTables, settings.invoicing(), askTimeout);
    var billCycle =
        ShardingInit.initBillCycleSingleton(
            system,
            BillRunCoordinator.create(
                clock, settings.billRun(), billingTables, invoicing::closeForRun));

    var services =
        new HttpApi.Services(
            new AccountService(system, askTimeout),
            new SubscriptionService(system, guiding, usage, askTimeout),
            usage,
            intake,
            suspense,
            guiding,
            invoicing,
            new BillRunService(system, billCycle, askTimeout),
            catalog.service());
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
