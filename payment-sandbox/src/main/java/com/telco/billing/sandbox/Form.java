package com.telco.billing.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A form-encoded request body ({@code application/x-www-form-urlencoded}) or query string, with
 * Stripe's bracket notation for nested parameters ({@code metadata[invoice]=...}).
 */
final class Form {
  private static final int MAX_METADATA_KEYS = 50;

  private final Map<String, String> values;

  private Form(Map<String, String> values) {
    this.values = values;
  }

  static Form parse(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.put(key, value);
      }
    }
    return new Form(values);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(null, null, "Invalid form encoding.");
    }
  }

  /**
   * The parameters in a canonical order, as the idempotency check compares them: the same
   * parameters sent in another order are the same request.
   */
  String canonical() {
    return new TreeMap<>(values).toString();
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> optional(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  String required(String name) {
    return optional(name)
        .orElseThrow(
            () ->
                ApiError.invalid(
                    "parameter_missing", name, "Missing required param: " + name + "."));
  }

  long positiveLong(String name) {
    String text = required(name);
    try {
      long value = Long.parseLong(text);
      if (value > 0 && value <= 99_999_999_999L) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.invalid(
        "parameter_invalid_integer", name, "Invalid positive integer: " + name + ".");
  }

  boolean bool(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty() || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw ApiError.invalid("parameter_invalid_boolean", name, "Invalid boolean: " + value);
  }

  /** {@code metadata[key]=value} pairs; an empty value removes nothing here (none is set). */
  Map<String, String> metadata() {
    Map<String, String> metadata = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith("metadata[") && key.endsWith("]")) {
            String name = key.substring("metadata[".length(), key.length() - 1);
            if (name.isEmpty() || name.length() > 40 || value.length() > 500) {
              throw ApiError.invalid(
                  "parameter_invalid_string",
                  key,
                  "Metadata keys are at most 40 characters, values at most 500.");
            }
            if (!value.isEmpty()) {
              metadata.put(name, value);
            }
          }
        });
    if (metadata.size() > MAX_METADATA_KEYS) {
      throw ApiError.invalid(
          "parameter_invalid_string", "metadata", "Metadata takes at most 50 keys.");
    }
    return metadata;
  }

  /**
   * Refuses parameters the endpoint does not know, as Stripe does ({@code parameter_unknown}).
   *
   * @param scalars plain parameter names
   * @param nested names whose bracketed forms ({@code name[...]}) are taken; metadata always is
   */
  void refuseUnknown(Set<String> scalars, Set<String> nested) {
    for (String key : values.keySet()) {
      int bracket = key.indexOf('[');
      String base = bracket < 0 ? key : key.substring(0, bracket);
      boolean known =
          bracket < 0 ? scalars.contains(key) : base.equals("metadata") || nested.contains(base);
      if (!known) {
        throw ApiError.invalid("parameter_unknown", key, "Received unknown parameter: " + key);
      }
    }
  }
}
