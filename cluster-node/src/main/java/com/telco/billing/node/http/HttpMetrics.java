package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.metrics.HttpRequestMetrics;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * What the API's sealed route is wrapped in ({@link #around}): the request id ({@link RequestIds},
 * outermost, so every log line of the request has it), the request metrics ({@link
 * HttpRequestMetrics}: every response by route template, method and status, with its latency) and
 * the access log ({@link AccessLog}). The route is sealed, so rejections and failures are responses
 * already and counted with their status.
 *
 * <p>The {@code route} label is a path template (e.g. {@code /accounts/{id}}), never the raw path,
 * so the series stay bounded. It comes from a function of the request, applied once the response is
 * ready; the default ({@link #declaredTemplate}) reads what the route that matched declared with
 * {@link #routeTemplate}, and is {@value HttpRequestMetrics#UNMATCHED} where none did (e.g. a 404).
 */
public final class HttpMetrics {
  private HttpMetrics() {}

  /** The template of the route that served a request, set by the inner route that matched. */
  private static final class MatchedTemplate {
    private volatile String template;
  }

  private static final AttributeKey<MatchedTemplate> MATCHED =
      AttributeKey.create("billing-route-template", MatchedTemplate.class);

  /** {@code sealed} with request ids, metrics and the access log; route label by declaration. */
  public static Route around(ActorSystem<?> system, Route sealed) {
    return around(system, HttpMetrics::declaredTemplate, sealed);
  }

  /**
   * {@code sealed} with request ids ({@link RequestIds#withRequestId}), metrics and the access log.
   *
   * @param routeOf the {@code route} label of a request (its endpoint's path template), applied
   *     when its response is ready
   */
  public static Route around(
      ActorSystem<?> system, Function<HttpRequest, String> routeOf, Route sealed) {
    return RequestIds.withRequestId(() -> observe(system, routeOf, RequestIds::of, () -> sealed));
  }

  /**
   * {@code sealed} with metrics and the access log, for an edge that gives requests their ids
   * itself (and answers them in {@code X-Request-Id}): {@code requestIdOf} names the id, which the
   * access log, the error log and {@link RequestIds#of} then use.
   *
   * @param routeOf the {@code route} label of a request (its endpoint's path template), applied
   *     when its response is ready
   */
  public static Route observe(
      ActorSystem<?> system,
      Function<HttpRequest, String> routeOf,
      Function<HttpRequest, String> requestIdOf,
      Supplier<Route> sealed) {
    HttpRequestMetrics metrics = BillingMetrics.get(system).http();
    return RequestIds.withRequestIdOf(
        requestIdOf, () -> measure(metrics, routeOf, () -> AccessLog.around(sealed)));
  }

  /** Records every response of {@code sealed} in {@code metrics}. */
  static Route measure(
      HttpRequestMetrics metrics, Function<HttpRequest, String> routeOf, Supplier<Route> sealed) {
    return extractRequest(
        arrived -> {
          long start = System.nanoTime();
          MatchedTemplate matched = new MatchedTemplate();
          HttpRequest request = arrived.addAttribute(MATCHED, matched);
          return mapRequest(
              r -> r.addAttribute(MATCHED, matched),
              () ->
                  mapResponse(
                      response -> {
                        metrics.record(
                            routeOf.apply(request),
                            request.method().name(),
                            response.status().intValue(),
                            System.nanoTime() - start);
                        return response;
                      },
                      sealed));
        });
  }

  /**
   * Declares the template of the route that serves the request (e.g. {@code /accounts/{id}}), for
   * the {@code route} label; call it in the leaf that matched, inside {@link #around}.
   */
  public static Route routeTemplate(String template, Supplier<Route> inner) {
    return extractRequest(
        request -> {
          request.getAttribute(MATCHED).ifPresent(m -> m.template = template);
          return inner.get();
        });
  }

  /**
   * What {@link #routeTemplate} declared for the request, else {@value
   * HttpRequestMetrics#UNMATCHED}.
   */
  public static String declaredTemplate(HttpRequest request) {
    return request
        .getAttribute(MATCHED)
        .map(m -> m.template)
        .filter(t -> t != null)
        .orElse(HttpRequestMetrics.UNMATCHED);
  }
}
