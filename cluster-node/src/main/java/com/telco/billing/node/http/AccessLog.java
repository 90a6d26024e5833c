package com.telco.billing.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per answered API request (logger {@code com.telco.billing.node.access}, INFO):
 * method, the endpoint's path template (never the path itself, which may hold a service number, nor
 * the query), status and milliseconds, with the request id and the account id (of {@code
 * /accounts/{id}} paths) in the MDC.
 */
public final class AccessLog {
  private static final Logger log = LoggerFactory.getLogger("com.telco.billing.node.access");

  private AccessLog() {}

  /** Logs every response of {@code sealed} (a sealed route: rejections are responses already). */
  public static Route around(Function<HttpRequest, String> routeOf, Supplier<Route> sealed) {
    if (!log.isInfoEnabled()) {
      return sealed.get();
    }
    return extractRequest(
        request -> {
          long start = System.nanoTime();
          return mapResponse(
              response -> {
                long millis = (System.nanoTime() - start) / 1_000_000;
                RequestIds.logging(
                    request,
                    () ->
                        log.info(
                            "{} {} {} {}ms",
                            request.method().name(),
                            routeOf.apply(request),
                            response.status().intValue(),
                            millis));
                return response;
              },
              sealed);
        });
  }
}
