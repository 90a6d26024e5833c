package com.telco.billing.core.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of an input at once, so that a caller can fix them all in one round trip.
 */
public final class Validator {
  private final List<FieldError> errors = new ArrayList<>();

  /** Adds an error with the given code when {@code condition} is false. */
  public Validator require(boolean condition, String code, String field, String message) {
    if (!condition) {
      errors.add(new FieldError(code, field, message));
    }
    return this;
  }

  /** Adds {@code required} for a missing or blank value and returns whether it was present. */
  public boolean requireText(String value, String field) {
    boolean present = value != null && !value.isBlank();
    require(present, "required", field, field + " is required");
    return present;
  }

  public Validator add(FieldError error) {
    errors.add(error);
    return this;
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }
}
