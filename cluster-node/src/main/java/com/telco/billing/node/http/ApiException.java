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

  /** Refusals that are about the request's own values, not the state: 400. */
  private static final java.util.Set<String> INPUT_REFUSALS =
      java.util.Set.of("not_a_cycle_date", "cycle_date_in_future");

  public static ApiException badRequest(List<FieldError> errors) {
    return new ApiException(StatusCodes.BAD_REQUEST, ErrorResponse.of(errors));
  }

  public static ApiException badRequest(String code, String field, String message) {
    return new ApiException(StatusCodes.BAD_REQUEST, ErrorResponse.of(code, message, field));
  }

  public static ApiException notFound(String code, String field, String message) {
    return new ApiException(StatusCodes.NOT_FOUND, ErrorResponse.of(code, message, field));
  }

  /**
   * Maps an entity's refusal to its status: {@code *_not_found} is 404, {@code unknown_*} (the
   * input names something that does not exist, e.g. an offering) and a few refusals of the input's
   * own values (e.g. {@code not_a_cycle_date}) are 400, {@code internal_error} is 500, every other
   * refusal is a rule of the current state, 409.
   */
  public static ApiException fromRefusal(Refusal refusal) {
    StatusCode status;
    if (refusal.code().endsWith("_not_found")) {
      status = StatusCodes.NOT_FOUND;
    } else if (refusal.code().startsWith("unknown_") || INPUT_REFUSALS.contains(refusal.code())) {
      status = StatusCodes.BAD_REQUEST;
    } else if (refusal.code().equals("internal_error")) {
      status = StatusCodes.INTERNAL_SERVER_ERROR;
    } else {
      status = StatusCodes.CONFLICT;
    }
    return new ApiException(
        status, ErrorResponse.of(refusal.code(), refusal.message(), refusal.field()));
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
