package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import com.telco.billing.node.metrics.BillingMetrics;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * {@code GET /metrics} on the Pekko Management port, in the Prometheus text format: the node's
 * {@link BillingMetrics}. Registered under {@code pekko.management.http.routes.metrics}; Pekko
 * Management creates it with the actor system.
 */
public final class MetricsRoutes implements ManagementRouteProvider {
  private static final ContentType TEXT_FORMAT = ContentTypes.parse(BillingMetrics.CONTENT_TYPE);

  private final BillingMetrics metrics;

  public MetricsRoutes(ExtendedActorSystem system) {
    this.metrics = BillingMetrics.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return path(
        "metrics",
        () ->
            get(
                () ->
                    complete(
                        HttpResponse.create()
                            .withEntity(HttpEntities.create(TEXT_FORMAT, metrics.scrape())))));
  }
}
