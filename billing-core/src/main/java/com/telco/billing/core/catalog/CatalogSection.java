package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_ID;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_ID;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_VALUE;
import static com.telco.billing.core.catalog.CatalogErrors.NEGATIVE_QUANTITY;
import static com.telco.billing.core.catalog.CatalogErrors.NOT_APPLICABLE;
import static com.telco.billing.core.catalog.CatalogErrors.NOT_POSITIVE;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validator;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every section validator of a {@link CatalogDocument} shares: the one {@link Validator} of
 * the run, which collects the errors of all sections in document order, and the checks of single
 * fields (ids, quantities, fields that do not apply to a price type). Codes and messages are listed
 * in docs/catalog.md, "Validation codes".
 *
 * <p>A section builds its parts only while the whole document is still free of errors ({@link
 * #building()}): once any error is found no version is built.
 */
abstract class CatalogSection {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_]+");

  final Validator v;

  CatalogSection(Validator v) {
    this.v = v;
  }

  /**
   * Whether {@code value} is present and a valid id ({@link CatalogValidator#ID}), else an error.
   */
  boolean id(String value, String path) {
    if (!v.requireText(value, path)) {
      return false;
    }
    boolean valid = CatalogValidator.ID.matcher(value).matches();
    v.require(
        valid,
        INVALID_ID,
        path,
        "ids are 1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    return valid;
  }

  /** An error when {@code id} is already in {@code seen} (id to first path); else remembers it. */
  void duplicate(Map<String, String> seen, String id, String path, String what) {
    String first = seen.putIfAbsent(id, path);
    if (first != null) {
      error(DUPLICATE_ID, path, what + " " + id + " is already used at " + first);
    }
  }

  /** The value when it is at least 1, else an error and -1. */
  long positive(Long value, String path) {
    if (value == null) {
      error(REQUIRED, path, path + " is required");
      return -1;
    }
    if (value < 1) {
      error(NOT_POSITIVE, path, "must be at least 1, was " + value);
      return -1;
    }
    return value;
  }

  /** The value when it is at least 0, else an error and -1. */
  long nonNegative(long value, String path) {
    if (value < 0) {
      error(NEGATIVE_QUANTITY, path, "must not be negative, was " + value);
      return -1;
    }
    return value;
  }

  /** An error when {@code value}, a field of another price type, is set on a {@code type} price. */
  void notApplicable(Object value, String pp, String field, String type) {
    if (value != null) {
      error(NOT_APPLICABLE, pp + "." + field, field + " does not apply to a " + type + " price");
    }
  }

  /** The error of a value that is none of {@code allowed}. */
  void invalidValue(String path, String value, Enum<?>[] allowed) {
    error(
        INVALID_VALUE,
        path,
        value
            + " is not one of "
            + Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
  }

  /** The path of a map entry: {@code path.key}, or {@code path['key']} for other keys. */
  static String key(String path, String key) {
    return PLAIN_KEY.matcher(key).matches()
        ? path + "." + key
        : path + "['" + key.replace("'", "\\'") + "']";
  }

  /** Reports an error. */
  void error(String code, String path, String message) {
    v.add(new FieldError(code, path, message));
  }

  /** The number of errors so far, for {@link #clean}. */
  int mark() {
    return v.errors().size();
  }

  /**
   * Whether the document is still free of errors, so that its parts are built. Once any error is
   * found no version is built, so parts are not built either (they may miss pieces).
   */
  boolean building() {
    return v.isValid();
  }

  /** Whether no error was reported since {@code mark}. */
  boolean clean(int mark) {
    return v.errors().size() == mark;
  }
}
