package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.account.AccountService;
import com.telco.billing.node.account.SubscriptionService;
import com.telco.billing.node.audit.AuditTrail;
import com.telco.billing.node.billrun.BillRunService;
import com.telco.billing.node.catalog.CatalogService;
import com.telco.billing.node.dunning.policy.DunningPolicyService;
import com.telco.billing.node.dunning.worklist.DunningReadSide;
import com.telco.billing.node.guiding.GuidingService;
import com.telco.billing.node.invoice.InvoicingService;
import com.telco.billing.node.mail.ReminderLetters;
import com.telco.billing.node.metrics.HttpRequestMetrics;
import com.telco.billing.node.notification.NotificationService;
import com.telco.billing.node.payment.GatewayWebhookService;
import com.telco.billing.node.payment.PaymentService;
import com.telco.billing.node.payment.directdebit.DirectDebitFiles;
import com.telco.billing.node.payment.directdebit.DirectDebitReturns;
import com.telco.billing.node.security.ApiKeys;
import com.telco.billing.node.security.Authenticator;
import com.telco.billing.node.security.ClientRateLimiter;
import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.node.usage.intake.IntakeService;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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
      CatalogService catalog,
      Authenticator authenticator,
      ClientRateLimiter rateLimiter,
      ApiKeys apiKeys,
      AuditTrail audit,
      PaymentService payments,
      GatewayWebhookService webhooks,
      DirectDebitFiles directDebits,
      DirectDebitReturns directDebitReturns,
      com.telco.billing.node.dunning.DunningService dunning,
      DunningPolicyService dunningPolicies,
      NotificationService notifications,
      ReminderLetters letters,
      DunningReadSide dunningReadSide,
      com.telco.billing.node.rerating.ReratingService rerating) {}

  /**
   * Binds the API.
   *
   * @return the address it listens on, once it does
   */
  public static CompletionStage<InetSocketAddress> start(
      ActorSystem<?> system, BillingSettings settings, Services services, Clock clock) {
    return HttpServer.start(system, routes(system, settings, services, clock), settings.http())
        .thenApply(binding -> binding.localAddress());
  }

  /** Every route, inside the {@link #edge}; every mutating request recorded in the audit trail. */
  static Route routes(
      ActorSystem<?> system, BillingSettings settings, Services services, Clock clock) {
    Access access = new Access(services.authenticator(), services.rateLimiter());
    AuditRecorder audit = new AuditRecorder(services.audit(), clock);
    return edge(
        system,
        access,
        audit::recorded,
        () ->
            concat(
                new AccountRoutes(access, services.accounts(), clock).routes(),
                new PaymentRoutes(access, services.payments()).routes(),
                new DunningRoutes(access, services.dunning()).routes(),
                new WebhookRoutes(access, services.webhooks()).routes(),
                new SubscriptionRoutes(access, services.subscriptions(), clock).routes(),
                new UsageRoutes(
                        access,
                        services.usage(),
                        services.intake(),
                        settings.usage().maxBodyBytes())
                    .routes(),
                new SuspenseRoutes(
                        access, services.suspense(), services.usage(), clock, settings.suspense())
                    .routes(),
                new ServiceRoutes(access, services.guiding(), clock).routes(),
                new InvoiceRoutes(access, services.invoicing()).routes(),
                new CreditNoteRoutes(access, services.invoicing().creditNotes()).routes(),
                new AdjustmentRoutes(
                        access,
                        new com.telco.billing.node.adjustment.AdjustmentService(
                            system, services.invoicing(), settings.http().askTimeout()))
                    .routes(),
                new BillRunRoutes(access, services.billRuns()).routes(),
                new ReratingRoutes(access, services.rerating()).routes(),
                new DirectDebitRoutes(
                        access, services.directDebits(), services.directDebitReturns())
                    .routes(),
                new NotificationRoutes(access, services.notifications()).routes(),
                new ReminderLetterRoutes(access, services.letters()).routes(),
                new DunningWorkRoutes(
                        access, services.dunningReadSide(), clock, settings.dunningDriver())
                    .routes(),
                new CatalogRoutes(access, services.catalog()).routes(),
                new DunningPolicyRoutes(access, services.dunningPolicies()).routes(),
                new ClusterRoutes(access, system, settings.http().askTimeout()).routes(),
                new ApiKeyRoutes(access, services.apiKeys()).routes(),
                new AuditRoutes(access, services.audit(), clock).routes(),
                new OpenApiRoutes(access, OpenApiDocument.instance()).routes()));
  }

  /** {@link #edge(ActorSystem, Access, BiFunction, Supplier)} without an audit trail. */
  static Route edge(ActorSystem<?> system, Access access, Supplier<Route> routes) {
    return edge(system, access, (exchange, inner) -> inner.get(), routes);
  }

  /**
   * What every request passes through, outside in: its {@link Exchange} (id, client), the metrics
   * and access log (labelled with the endpoint it reached), the audit trail ({@code audit} sees the
   * response the sealed routes produced before it is sent) and the one error mapper.
   */
  static Route edge(
      ActorSystem<?> system,
      Access access,
      BiFunction<Exchange, Supplier<Route>, Route> audit,
      Supplier<Route> routes) {
    // built once: every request runs the same route tree
    Route sealed = new ApiErrors().seal(routes.get());
    return access.exchange(
        exchange ->
            HttpMetrics.observe(
                system,
                request ->
                    exchange.endpoint() == null
                        ? HttpRequestMetrics.UNMATCHED
                        : exchange.endpoint().path(),
                () -> audit.apply(exchange, () -> access.declaredOnly(exchange, sealed))));
  }
}
