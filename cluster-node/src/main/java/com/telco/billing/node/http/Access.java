package com.telco.billing.node.http;

import com.telco.billing.node.security.AuthenticationFailure;
import com.telco.billing.node.security.Authenticator;
import com.telco.billing.node.security.ClientRateLimiter;
import com.telco.billing.node.security.Principal;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The edge's gate. {@link #exchange} opens every request (its id, returned as {@code
 * X-Request-Id}); {@link #endpoint} is the only way a route matches a method: it names the {@link
 * Endpoint} it serves, authenticates the caller (401 with {@code WWW-Authenticate} for missing or
 * bad credentials) and admits only the endpoint's roles (403), before the route runs. A route
 * cannot answer without declaring its roles (RouteDeclarationTest).
 */
public final class Access extends AllDirectives {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Access.class);

  static final String REALM = "billing";

  private final Authenticator authenticator;
  private final ClientRateLimiter rateLimiter;

  /**
   * @param rateLimiter limits the requests of each API key; null: no limit
   */
  public Access(Authenticator authenticator, ClientRateLimiter rateLimiter) {
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
  }

  /** Gives the request its {@link Exchange} and the response its {@code X-Request-Id}. */
  public Route exchange(Function<Exchange, Route> inner) {
    return extractRequest(
        request -> {
          Exchange exchange = Exchange.of(request);
          return mapRequest(
              r -> r.addAttribute(Exchange.KEY, exchange),
              () ->
                  respondWithHeader(
                      RawHeader.create(RequestIds.HEADER, exchange.requestId()),
                      () -> inner.apply(exchange)));
        });
  }

  /**
   * Serves {@code endpoint}: matches its method, then (unless it is public) authenticates and
   * authorizes the caller, then runs the route with the {@link Caller}.
   */
  public Route endpoint(Endpoint endpoint, Function<Caller, Route> route) {
    return method(
        endpoint.httpMethod(),
        () ->
            extractRequest(
                request -> {
                  Exchange exchange = Exchange.in(request).orElse(null);
                  String requestId = exchange == null ? "" : exchange.requestId();
                  if (exchange != null) {
                    exchange.reached(endpoint);
                  }
                  if (endpoint.isPublic()) {
                    return route.apply(new Caller(null, requestId));
                  }
                  return onComplete(
                      () -> authenticator.authenticate(authorization(request)),
                      result -> {
                        if (result.isFailure()) {
                          return refused(result.failed().get());
                        }
                        Principal principal = result.get();
                        if (exchange != null) {
                          exchange.authenticated(principal);
                        }
                        if (rateLimiter != null && principal.apiKeyId() != null) {
                          ClientRateLimiter.Decision decision =
                              rateLimiter.tryAcquire(principal.apiKeyId(), 1);
                          if (!decision.allowed()) {
                            return complete(tooManyRequests(decision.retryAfterSeconds()));
                          }
                        }
                        if (!principal.holdsAnyOf(endpoint.roles())) {
                          return forbidden(endpoint);
                        }
                        return route.apply(new Caller(principal, requestId));
                      });
                }));
  }

  /**
   * Fails closed: a success answered by a route that did not go through {@link #endpoint} (so
   * declared no roles) becomes a 500 and is logged, instead of reaching a caller nobody checked.
   */
  Route declaredOnly(Exchange exchange, Route sealed) {
    return mapResponse(
        response -> {
          if (exchange.endpoint() == null && response.status().intValue() < 400) {
            log.error("a route answered without declaring its endpoint; refused");
            return ApiErrors.internalError();
          }
          return response;
        },
        () -> sealed);
  }

  /** {@link #endpoint} for a route that does not need to know its caller. */
  public Route endpoint(Endpoint endpoint, Supplier<Route> route) {
    return endpoint(endpoint, caller -> route.get());
  }

  private static String authorization(HttpRequest request) {
    return request.getHeader("Authorization").map(HttpHeader::value).orElse(null);
  }

  private Route refused(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof AuthenticationFailure bad) {
      return complete(unauthorized(bad.getMessage()));
    }
    // the key store did not answer: not the client's fault (503 with Retry-After)
    return failWith(
        Refusal.of(
                RefusalCode.CREDENTIALS_UNAVAILABLE,
                null,
                "the credentials could not be checked now; retry later")
            .toException());
  }

  /** 401: the error body and a challenge for each scheme the node accepts. */
  static HttpResponse unauthorized(String message) {
    return ApiErrors.response(Refusal.of(RefusalCode.UNAUTHENTICATED, "Authorization", message))
        .addHeader(
            WWWAuthenticate.create(
                HttpChallenge.create(Authenticator.BEARER, REALM),
                HttpChallenge.create(Authenticator.API_KEY, REALM)));
  }

  /** 429 for an API key over its rate, with the seconds until a request is admitted again. */
  static HttpResponse tooManyRequests(long retryAfterSeconds) {
    Refusal refusal =
        Refusal.of(
            RefusalCode.RATE_LIMITED,
            null,
            "this API key sends more requests than it is allowed; retry after the given time");
    return ApiErrors.response(refusal).addHeader(RetryAfter.create(Math.max(1, retryAfterSeconds)));
  }

  private Route forbidden(Endpoint endpoint) {
    List<String> roles = endpoint.roles().stream().map(r -> r.wireName()).sorted().toList();
    return failWith(
        Refusal.of(RefusalCode.FORBIDDEN, null, endpoint + " needs one of the roles " + roles)
            .toException());
  }
}
