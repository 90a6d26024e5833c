package com.telco.billing.node.http;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.http.ErrorResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * A failure the HTTP API answers with a status and the stable JSON error body. Services raise it;
 * {@link ApiErrors} renders it. It never carries a stack trace to the client.
 */
public final class ApiException extends RuntimeException {
  private final transient StatusCode status;
  private final transient ErrorResponse body;

  public ApiException(StatusCode status, ErrorResponse body) {
    super(body.code() + ": " + body.message(), null, false, false);
    this.status = status;
    this.body = body;
  }

  public static ApiException badRequest(List<FieldError> errors) {
    return new ApiException(StatusCodes.BAD_REQUEST, ErrorResponse.of(errors));
  }

  public static ApiException badRequest(String code, String field, String message) {
    return new ApiException(StatusCodes.BAD_REQUEST, ErrorResponse.of(code, message, field));
  }

  public static ApiException notFound(String code, String field, String message) {
    return new ApiException(StatusCodes.NOT_FOUND, ErrorResponse.of(code, message, field));
  }

  /** A refusal as the HTTP API answers it: the status of its kind, the stable body. */
  public static ApiException of(Refusal refusal) {
    return new ApiException(ApiErrors.status(refusal.kind()), ApiErrors.body(refusal));
  }

  /**
   * The reply of an ask, with its failures turned into {@link ApiException}s (refusals by code,
   * timeouts as 503); other failures pass unchanged and end as 500.
   */
  public static <T> CompletionStage<T> mapFailure(CompletionStage<T> reply) {
    return reply.exceptionallyCompose(
        failure -> {
          ApiException api = ApiErrors.toApiException(failure);
          return CompletableFuture.failedFuture(api != null ? api : failure);
        });
  }

  public StatusCode status() {
    return status;
  }

  public ErrorResponse body() {
    return body;
  }
}
