package com.telco.billing.node.http;

import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.http.ErrorResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;

/**
 * A failure the HTTP API answers with a status and the stable JSON error body: a refusal mapped by
 * {@link ApiErrors}, or an error only HTTP knows (e.g. an unsupported media type). {@link
 * ApiErrors} renders it. It never carries a stack trace to the client.
 */
public final class ApiException extends RuntimeException {
  private final transient StatusCode status;
  private final transient ErrorResponse body;

  public ApiException(StatusCode status, ErrorResponse body) {
    super(body.code() + ": " + body.message(), null, false, false);
    this.status = status;
    this.body = body;
  }

  /** A refusal as the HTTP API answers it: the status of its kind, the stable body. */
  public static ApiException of(Refusal refusal) {
    return new ApiException(ApiErrors.status(refusal.kind()), ApiErrors.body(refusal));
  }

  public StatusCode status() {
    return status;
  }

  public ErrorResponse body() {
    return body;
  }
}
