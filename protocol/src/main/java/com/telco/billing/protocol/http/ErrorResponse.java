package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.core.validation.FieldError;
import java.util.List;

/**
 * The one error body of the HTTP API: a stable {@code code}, a {@code message} and the {@code
 * field} concerned (null when the error is not about one field). When an input has several
 * problems, {@code errors} lists all of them and the top-level fields repeat the first.
 */
public record ErrorResponse(
    String code,
    String message,
    String field,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

  public static ErrorResponse of(String code, String message, String field) {
    return new ErrorResponse(code, message, field, List.of());
  }

  public static ErrorResponse of(List<FieldError> errors) {
    FieldError first = errors.get(0);
    String code = errors.size() == 1 ? first.code() : "validation_failed";
    String message =
        errors.size() == 1 ? first.message() : errors.size() + " fields are invalid; see errors";
    return new ErrorResponse(code, message, first.field(), errors);
  }
}
