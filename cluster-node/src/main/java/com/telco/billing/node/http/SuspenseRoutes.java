package com.telco.billing.node.http;

import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.protocol.http.SuspenseList;
import com.telco.billing.protocol.http.SuspenseRecycleRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Suspense: {@code GET /suspense?reason=&from=&to=&limit=} lists held usage records (default: the
 * last 7 days, up to 1000); {@code POST /suspense/recycle} with {@code {"reason", "from", "to"}}
 * re-submits the matching ones after the cause was fixed.
 */
public final class SuspenseRoutes extends AllDirectives {
  private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  private static final int DEFAULT_LIMIT = 1000;

  private final SuspenseStore suspense;
  private final UsageService usage;
  private final Clock clock;

  public SuspenseRoutes(SuspenseStore suspense, UsageService usage, Clock clock) {
    this.suspense = suspense;
    this.usage = usage;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "suspense",
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        get(
                            () ->
                                parameterOptional(
                                    "reason",
                                    reason ->
                                        parameterOptional(
                                            "from",
                                            from ->
                                                parameterOptional(
                                                    "to",
                                                    to -> {
                                                      Instant end =
                                                          to.map(
                                                                  v ->
                                                                      ServiceRoutes.instant(
                                                                          v, "to"))
                                                              .orElse(
                                                                  clock.instant().plusSeconds(1));
                                                      Instant start =
                                                          from.map(
                                                                  v ->
                                                                      ServiceRoutes.instant(
                                                                          v, "from"))
                                                              .orElse(end.minus(DEFAULT_WINDOW));
                                                      return onSuccess(
                                                          suspense.list(
                                                              start,
                                                              end,
                                                              reason.orElse(null),
                                                              DEFAULT_LIMIT),
                                                          held ->
                                                              complete(
                                                                  StatusCodes.OK,
                                                                  SuspenseList.of(
                                                                      held.stream()
                                                                          .map(
                                                                              h ->
                                                                                  new SuspenseList
                                                                                      .Entry(
                                                                                      h.source(),
                                                                                      h.id(),
                                                                                      h.serviceId(),
                                                                                      h.usageDate(),
                                                                                      h
                                                                                          .suspendedAt(),
                                                                                      h.reason(),
                                                                                      h.field(),
                                                                                      h.message()))
                                                                          .toList()),
                                                                  JsonSupport.marshaller()));
                                                    }))))),
                path(
                    "recycle",
                    () ->
                        post(
                            () ->
                                entity(
                                    JsonSupport.unmarshaller(SuspenseRecycleRequest.class),
                                    request -> {
                                      Instant end =
                                          request.to() == null
                                              ? clock.instant().plusSeconds(1)
                                              : ServiceRoutes.instant(request.to(), "to");
                                      Instant start =
                                          request.from() == null
                                              ? end.minus(DEFAULT_WINDOW)
                                              : ServiceRoutes.instant(request.from(), "from");
                                      return onSuccess(
                                          suspense
                                              .list(start, end, request.reason(), DEFAULT_LIMIT)
                                              .thenCompose(usage::recycle),
                                          response ->
                                              complete(
                                                  StatusCodes.OK,
                                                  response,
                                                  JsonSupport.marshaller()));
                                    })))));
  }
}
