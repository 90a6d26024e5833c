package com.telco.billing.core.payment;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Business Identifier Code (ISO 9362): 4 letters (the institution), 2 letters (the country), 2
 * letters or digits (the location), optionally 3 letters or digits (the branch); 8 or 11
 * characters, upper case.
 */
public record Bic(String value) {
  /** Error code of a BIC that does not have the ISO 9362 shape. */
  public static final String INVALID = "bic_invalid";

  static final Pattern SHAPE = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

  public Bic {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a BIC has 8 or 11 characters (ISO 9362)");
    }
  }

  /** The BIC {@code raw} (spaces removed, upper case), or the error {@link #INVALID}. */
  public static Validated<Bic> parse(String raw, String field) {
    String bic = raw == null ? null : raw.replace(" ", "").toUpperCase(Locale.ROOT);
    if (bic == null || !SHAPE.matcher(bic).matches()) {
      return Validated.invalid(
          List.of(
              new FieldError(
                  INVALID,
                  field,
                  field
                      + " must be a BIC of 8 or 11 characters: bank (4 letters), country (2"
                      + " letters), location (2), optional branch (3)")));
    }
    return Validated.valid(new Bic(bic));
  }

  public String countryCode() {
    return value.substring(4, 6);
  }

  @Override
  public String toString() {
    return value;
  }
}
