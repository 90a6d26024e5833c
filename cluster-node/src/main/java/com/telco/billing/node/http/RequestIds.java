package com.telco.billing.node.http;

import com.telco.billing.node.metrics.LogContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * The request id of an API request: the client's {@code X-Request-Id} when it is a safe token (at
 * most {@value #MAX_LENGTH} letters, digits, {@code - _ . :}), else a new UUID. It is returned on
 * the response by {@link Access#exchange}, held by the request's {@link Exchange} and put in the
 * MDC of the log lines written for the request ({@link #logging}).
 */
public final class RequestIds {
  private RequestIds() {}

  /** The header that carries the id both ways. */
  public static final String HEADER = "X-Request-Id";

  /** Longest id taken from a client. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

  /**
   * The id of the request's {@link Exchange}; a request outside one gets the id its header would
   * have been given.
   */
  public static String of(HttpRequest request) {
    return Exchange.in(request)
        .map(Exchange::requestId)
        .orElseGet(() -> accept(request.getHeader(HEADER).map(h -> h.value()).orElse(null)));
  }

  /**
   * Runs {@code log} with the request's id, and the account of an {@code /accounts/{id}} path, in
   * the MDC.
   */
  public static void logging(HttpRequest request, Runnable log) {
    LogContext.forRequest(of(request), LogContext.accountOf(request.getUri().path()), log);
  }

  /** {@code offered} when it is a safe id, else a new one. */
  public static String accept(String offered) {
    if (offered != null && SAFE.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }
}
