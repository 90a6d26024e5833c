package com.telco.billing.core.validation;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating an input: either a value or every problem found.
 *
 * @param <T> the validated type
 */
public final class Validated<T> {
  private final T value;
  private final List<FieldError> errors;

  private Validated(T value, List<FieldError> errors) {
    this.value = value;
    this.errors = List.copyOf(errors);
  }

  public static <T> Validated<T> valid(T value) {
    return new Validated<>(Objects.requireNonNull(value, "value"), List.of());
  }

  public static <T> Validated<T> invalid(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid result needs at least one error");
    }
    return new Validated<>(null, errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  /**
   * @throws IllegalStateException when invalid
   */
  public T value() {
    if (!isValid()) {
      throw new IllegalStateException("invalid: " + errors);
    }
    return value;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
