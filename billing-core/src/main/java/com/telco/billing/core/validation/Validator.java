package com.telco.billing.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

  /**
   * Adds {@code required}, a {@link TextRules} error or {@code invalid_format} for the first rule a
   * text with a strict alphabet breaks; returns whether it is present and valid.
   *
   * @param description what the pattern allows, e.g. "1..64 letters, digits, '.', '_' or '-'"
   */
  public boolean requireFormat(String value, String field, Pattern pattern, String description) {
    if (!requireText(value, field) || !TextRules.require(this, value, field)) {
      return false;
    }
    boolean matches = pattern.matcher(value).matches();
    require(matches, "invalid_format", field, field + " must be " + description);
    return matches;
  }

  /** {@link #requireFormat} that answers {@code too_long} for a value over {@code maxLength}. */
  public boolean requireFormat(
      String value, String field, int maxLength, Pattern pattern, String description) {
    if (value != null && value.length() > maxLength) {
      add(
          new FieldError(
              "too_long", field, field + " must be at most " + maxLength + " characters"));
      return false;
    }
    return requireFormat(value, field, pattern, description);
  }

  /**
   * Adds {@code required}, {@code too_long} or a {@link TextRules} error for the first rule a free
   * text breaks; returns whether it is present and valid.
   */
  public boolean requireFreeText(String value, String field, int maxLength) {
    if (!requireText(value, field)) {
      return false;
    }
    if (value.length() > maxLength) {
      add(
          new FieldError(
              "too_long", field, field + " must be at most " + maxLength + " characters"));
      return false;
    }
    return TextRules.require(this, value, field);
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
