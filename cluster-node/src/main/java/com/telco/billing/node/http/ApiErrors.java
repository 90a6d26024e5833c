package com.telco.billing.node.http;

import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusalKind;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.http.ErrorResponse;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.UnsupportedRequestContentTypeRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP errors with the stable JSON body {@code {code, message,
 * field}}: refusals of entities, invalid input, rejections of the routing DSL, timeouts (503 with
 * Retry-After) and unexpected failures (500, logged).
 */
public final class ApiErrors extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private static final Refusal TIMEOUT =
      Refusal.of(RefusalCode.TIMEOUT, null, "the cluster did not answer in time; retry later");
  private static final Refusal INTERNAL_ERROR =
      Refusal.of(RefusalCode.INTERNAL_ERROR, null, "internal error; it has been logged");

  /** Seconds a client should wait before retrying after a 503. */
  static final long RETRY_AFTER_SECONDS = 2;

  /** Seals a route with the JSON rejection and exception handlers. */
  public Route seal(Route route) {
    return withRequestTimeoutResponse(
        request -> timeoutResponse(), () -> route.seal(rejectionHandler(), exceptionHandler()));
  }

  /** What a request that outlives {@code pekko.http.server.request-timeout} gets: 503, JSON. */
  private static HttpResponse timeoutResponse() {
    return response(TIMEOUT).addHeader(RetryAfter.create(RETRY_AFTER_SECONDS));
  }

  /** 500 with the error body, for a failure the edge itself detects (it is logged there). */
  static HttpResponse internalError() {
    return response(INTERNAL_ERROR);
  }

  /**
   * A refusal as a complete response, for the edge's own answers outside the routes: its kind's
   * status and the JSON error body; the caller adds what headers the answer needs.
   */
  static HttpResponse response(Refusal refusal) {
    return response(status(refusal.kind()), body(refusal));
  }

  /** A status and an error body as a complete response. */
  static HttpResponse response(StatusCode status, ErrorResponse body) {
    return HttpResponse.create()
        .withStatus(status)
        .withEntity(
            org.apache.pekko.http.javadsl.model.ContentTypes.APPLICATION_JSON,
            StrictJson.writeBytes(body));
  }

  /** Turns a failed ask into an {@link ApiException}: refusals by their kind, timeouts into 503. */
  public static ApiException toApiException(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof RefusedException refused) {
      return ApiException.of(refused.refusal());
    }
    if (t instanceof TimeoutException) {
      return ApiException.of(TIMEOUT);
    }
    return null;
  }

  /** The one mapping of a refusal's kind to an HTTP status. */
  public static StatusCode status(RefusalKind kind) {
    return switch (kind) {
      case INVALID_INPUT -> StatusCodes.BAD_REQUEST;
      case NOT_FOUND -> StatusCodes.NOT_FOUND;
      case CONFLICT -> StatusCodes.CONFLICT;
      case UNAUTHENTICATED -> StatusCodes.UNAUTHORIZED;
      case FORBIDDEN -> StatusCodes.FORBIDDEN;
      case OVERLOADED -> StatusCodes.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> StatusCodes.SERVICE_UNAVAILABLE;
      case INTERNAL -> StatusCodes.INTERNAL_SERVER_ERROR;
    };
  }

  /**
   * The JSON error body of a refusal: a refusal of invalid input lists every problem in {@code
   * errors}; any other carries its one problem's code, message and field.
   */
  public static ErrorResponse body(Refusal refusal) {
    if (refusal.code() == RefusalCode.VALIDATION_FAILED) {
      return ErrorResponse.of(refusal.problems());
    }
    return ErrorResponse.of(refusal.wireCode(), refusal.message(), refusal.field());
  }

  private ExceptionHandler exceptionHandler() {
    return ExceptionHandler.newBuilder()
        .matchAny(
            failure -> {
              ApiException api = toApiException(failure);
              if (api != null) {
                return error(api);
              }
              return extractRequest(
                  request -> {
                    RequestIds.logging(
                        request,
                        () -> log.error("unexpected failure while serving a request", failure));
                    return error(ApiException.of(INTERNAL_ERROR));
                  });
            })
        .build();
  }

  private RejectionHandler rejectionHandler() {
    return RejectionHandler.newBuilder()
        .handle(
            MalformedRequestContentRejection.class,
            r -> {
              ApiException api = toApiException(r.getCause());
              if (api != null) {
                return error(api);
              }
              if (r.getCause()
                  instanceof
                  org.apache.pekko.http.scaladsl.model.EntityStreamSizeException tooLarge) {
                return error(
                    StatusCodes.PAYLOAD_TOO_LARGE,
                    ErrorResponse.of(
                        "body_too_large",
                        "the body is larger than " + tooLarge.limit() + " bytes",
                        null));
              }
              return error(
                  StatusCodes.BAD_REQUEST, ErrorResponse.of("malformed_body", r.message(), null));
            })
        .handle(
            UnsupportedRequestContentTypeRejection.class,
            r ->
                error(
                    StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                    ErrorResponse.of(
                        "unsupported_media_type",
                        "supported content types: " + r.getSupported(),
                        null)))
        .handleAll(
            MethodRejection.class,
            rs ->
                error(
                    StatusCodes.METHOD_NOT_ALLOWED,
                    ErrorResponse.of(
                        "method_not_allowed",
                        "allowed: "
                            + rs.stream().map(r -> r.supported().name()).distinct().toList(),
                        null)))
        .handleNotFound(
            error(StatusCodes.NOT_FOUND, ErrorResponse.of("not_found", "no such resource", null)))
        .build()
        .withFallback(RejectionHandler.defaultHandler())
        .mapRejectionResponse(this::asJsonError);
  }

  /** The default handler's plain-text answers get the JSON error body too. */
  private HttpResponse asJsonError(HttpResponse response) {
    if (response
        .entity()
        .getContentType()
        .mediaType()
        .equals(org.apache.pekko.http.javadsl.model.MediaTypes.APPLICATION_JSON)) {
      return response;
    }
    String code = "http_" + response.status().intValue();
    String message = response.status().reason();
    return response.withEntity(
        org.apache.pekko.http.javadsl.model.ContentTypes.APPLICATION_JSON,
        StrictJson.writeBytes(ErrorResponse.of(code, message, null)));
  }

  private Route error(ApiException e) {
    return error(e.status(), e.body());
  }

  private Route error(StatusCode status, ErrorResponse body) {
    Route route = complete(status, body, JsonSupport.marshaller());
    if (status.equals(StatusCodes.SERVICE_UNAVAILABLE)
        || status.equals(StatusCodes.TOO_MANY_REQUESTS)) {
      return respondWithHeader(RetryAfter.create(RETRY_AFTER_SECONDS), () -> route);
    }
    return route;
  }
}
