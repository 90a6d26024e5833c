package com.telco.billing.core.validation;

import java.util.Objects;

/**
 * One problem with one input field: a stable machine-readable {@code code}, the {@code field} (a
 * JSON path such as {@code billCycleDay} or {@code $.offerings[2].price}) and a message for people.
 */
public record FieldError(String code, String field, String message) {
  public FieldError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
