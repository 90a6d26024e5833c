package com.telco.billing.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in Stripe's shape: {@code {"error": {"type", "code", "message", "param", ...}}}
 * with its HTTP status.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final transient ObjectNode body;

  ApiError(int status, ObjectNode body) {
    super(body.path("error").path("message").asText(), null, false, false);
    this.status = status;
    this.body = body;
  }

  static ApiError of(int status, String type, String code, String param, String message) {
    ObjectNode error = Json.object();
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", message);
    if (param != null) {
      error.put("param", param);
    }
    error.put("type", type);
    ObjectNode body = Json.object();
    body.set("error", error);
    return new ApiError(status, body);
  }

  static ApiError invalid(String code, String param, String message) {
    return of(400, "invalid_request_error", code, param, message);
  }

  static ApiError missing(String what, String param, String id) {
    return of(
        what.equals("PaymentMethod") ? 400 : 404,
        "invalid_request_error",
        "resource_missing",
        param,
        "No such " + what + ": '" + id + "'");
  }
}
