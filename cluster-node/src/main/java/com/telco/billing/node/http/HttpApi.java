package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.account.AccountService;
import com.telco.billing.node.account.SubscriptionService;
import com.telco.billing.node.billrun.BillRunService;
import com.telco.billing.node.catalog.CatalogService;
import com.telco.billing.node.guiding.GuidingService;
import com.telco.billing.node.invoice.InvoicingService;
import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.node.usage.intake.IntakeService;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The HTTP API of a node: one route class per resource over the services, sealed with the one error
 * mapper ({@link ApiErrors}) and bound by {@link HttpServer}.
 */
public final class HttpApi {
  private HttpApi() {}

  /** What the routes serve. */
  public record Services(
      AccountService accounts,
      SubscriptionService subscriptions,
      UsageService usage,
      IntakeService intake,
      SuspenseStore suspense,
      GuidingService guiding,
      InvoicingService invoicing,
      BillRunService billRuns,
      CatalogService catalog) {}

  /**
   * Binds the API.
   *
   * @return the address it listens on, once it does
   */
  public static CompletionStage<InetSocketAddress> start(
      ActorSystem<?> system, BillingSettings settings, Services services, Clock clock) {
    Route sealed = new ApiErrors().seal(routes(system, settings, services, clock));
    return HttpServer.start(system, HttpMetrics.around(system, sealed), settings.http())
        .thenApply(binding -> binding.localAddress());
  }

  static Route routes(
      ActorSystem<?> system, BillingSettings settings, Services services, Clock clock) {
    return concat(
        new AccountRoutes(services.accounts(), clock).routes(),
        new SubscriptionRoutes(services.subscriptions(), clock).routes(),
        new UsageRoutes(services.usage(), services.intake(), settings.usage().maxBodyBytes())
            .routes(),
        new SuspenseRoutes(services.suspense(), services.usage(), clock, settings.suspense())
            .routes(),
        new ServiceRoutes(services.guiding(), clock).routes(),
        new InvoiceRoutes(services.invoicing()).routes(),
        new BillRunRoutes(services.billRuns()).routes(),
        new CatalogRoutes(services.catalog()).routes(),
        new ClusterRoutes(system, settings.http().askTimeout()).routes());
  }
}
