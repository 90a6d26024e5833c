package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.metrics.HttpRequestMetrics;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * What the API's sealed route is wrapped in, inside the request's {@link Exchange}: the request id
 * for the logs ({@link RequestIds}), the request metrics ({@link HttpRequestMetrics}: every
 * response by route template, method and status, with its latency) and the access log ({@link
 * AccessLog}). The route is sealed, so rejections and failures are responses already and counted
 * with their status.
 *
 * <p>The {@code route} label is a path template (the matched {@link Endpoint}'s, e.g. {@code
 * /accounts/{id}}), never the raw path, so the series stay bounded; {@value
 * HttpRequestMetrics#UNMATCHED} where no endpoint matched (e.g. a 404).
 */
public final class HttpMetrics {
  private HttpMetrics() {}

  /**
   * {@code sealed} with metrics and the access log (whose lines carry the request's id, {@link
   * RequestIds#of}).
   *
   * @param routeOf the {@code route} label of a request (its endpoint's path template), applied
   *     when its response is ready
   */
  public static Route observe(
      ActorSystem<?> system, Function<HttpRequest, String> routeOf, Supplier<Route> sealed) {
    HttpRequestMetrics metrics = BillingMetrics.get(system).http();
    return measure(metrics, routeOf, () -> AccessLog.around(routeOf, sealed));
  }

  /** Records every response of {@code sealed} in {@code metrics}. */
  static Route measure(
      HttpRequestMetrics metrics, Function<HttpRequest, String> routeOf, Supplier<Route> sealed) {
    return extractRequest(
        arrived -> {
          long start = System.nanoTime();
          return mapResponse(
              response -> {
                metrics.record(
                    routeOf.apply(arrived),
                    arrived.method().name(),
                    response.status().intValue(),
                    System.nanoTime() - start);
                return response;
              },
              sealed);
        });
  }
}
