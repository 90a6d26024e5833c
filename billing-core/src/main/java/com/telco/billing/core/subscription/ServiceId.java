package com.telco.billing.core.subscription;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service identifier held by a subscription, in its canonical form, e.g. {@code MSISDN
 * +4915100000001} or {@code IMSI 262011234567890}.
 *
 * <p>Guiding (docs/billing-rules.md, "Rating a usage record", step 1) matches a usage record to the
 * subscription that holds its service identifier at the usage date, so two spellings of one number
 * must be one identifier. {@link #parse} normalises: all white space is removed; an MSISDN becomes
 * {@code +} and its digits (the {@code +} is kept when given and added when missing: numbers are
 * always in international format, so a leading {@code 0} or {@code 00} is refused); an IMSI is 15
 * digits. The constructor accepts only canonical values, so a stored identifier is always
 * canonical.
 *
 * @param type MSISDN or IMSI
 * @param value the canonical value
 */
public record ServiceId(ServiceIdType type, String value) {

  /** Canonical MSISDN: '+', a non-zero first digit, 7..15 digits in all (E.164). */
  public static final Pattern MSISDN = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** Canonical IMSI: exactly 15 digits. */
  public static final Pattern IMSI = Pattern.compile("[0-9]{15}");

  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final char KEY_SEPARATOR = ':';

  public ServiceId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (!canonicalPattern(type).matcher(value).matches()) {
      throw new IllegalArgumentException("not a canonical " + type + ": " + value);
    }
  }

  /** A canonical MSISDN from any accepted spelling; see {@link #parse}. */
  public static ServiceId msisdn(String raw) {
    return parseOrThrow(ServiceIdType.MSISDN.name(), raw);
  }

  /** A canonical IMSI from any accepted spelling; see {@link #parse}. */
  public static ServiceId imsi(String raw) {
    return parseOrThrow(ServiceIdType.IMSI.name(), raw);
  }

  /**
   * {@link #parse(String, String, String)} with the fields named {@code type} and {@code value}.
   */
  public static Validated<ServiceId> parse(String type, String raw) {
    return parse(type, raw, "");
  }

  /**
   * Reads a service identifier as an upstream system sends it.
   *
   * @param type {@code MSISDN} or {@code IMSI}, in any letter case
   * @param raw the identifier; white space anywhere is ignored
   * @param path the JSON path of the identifier in its request (e.g. {@code serviceIds[1]}), used
   *     to name the fields of errors ({@code serviceIds[1].type}); empty for a top-level identifier
   * @return the canonical identifier, or errors with codes {@code required}, {@code
   *     unknown_service_type}, {@code invalid_msisdn} or {@code invalid_imsi}
   */
  public static Validated<ServiceId> parse(String type, String raw, String path) {
    String prefix = path == null || path.isEmpty() ? "" : path + ".";
    String typeField = prefix + "type";
    String valueField = prefix + "value";
    if (type == null || type.isBlank()) {
      return invalid("required", typeField, typeField + " is required");
    }
    ServiceIdType parsedType;
    try {
      parsedType = ServiceIdType.valueOf(type.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return invalid("unknown_service_type", typeField, typeField + " must be one of MSISDN, IMSI");
    }
    if (raw == null || raw.isBlank()) {
      return invalid("required", valueField, valueField + " is required");
    }
    String compact = WHITE_SPACE.matcher(raw).replaceAll("");
    if (parsedType == ServiceIdType.MSISDN) {
      String canonical = compact.startsWith("+") ? compact : "+" + compact;
      if (!MSISDN.matcher(canonical).matches()) {
        return invalid(
            "invalid_msisdn",
            valueField,
            valueField
                + " must be an MSISDN in international format: optional '+', country code"
                + " (not starting with 0), 7 to 15 digits in all");
      }
      return Validated.valid(new ServiceId(parsedType, canonical));
    }
    if (!IMSI.matcher(compact).matches()) {
      return invalid("invalid_imsi", valueField, valueField + " must be an IMSI of 15 digits");
    }
    return Validated.valid(new ServiceId(parsedType, compact));
  }

  /**
   * The identifier as one string, {@code TYPE:value} (e.g. {@code MSISDN:+4915100000001}): the key
   * of the guiding index for this identifier.
   */
  public String toKey() {
    return type.name() + KEY_SEPARATOR + value;
  }

  /** Reads what {@link #toKey()} wrote; empty for anything else, including non-canonical values. */
  public static Optional<ServiceId> fromKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    int separator = key.indexOf(KEY_SEPARATOR);
    if (separator < 0) {
      return Optional.empty();
    }
    ServiceIdType type;
    try {
      type = ServiceIdType.valueOf(key.substring(0, separator));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String value = key.substring(separator + 1);
    return canonicalPattern(type).matcher(value).matches()
        ? Optional.of(new ServiceId(type, value))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return toKey();
  }

  private static Pattern canonicalPattern(ServiceIdType type) {
    return type == ServiceIdType.MSISDN ? MSISDN : IMSI;
  }

  private static Validated<ServiceId> invalid(String code, String field, String message) {
    return Validated.invalid(List.of(new FieldError(code, field, message)));
  }

  private static ServiceId parseOrThrow(String type, String raw) {
    Validated<ServiceId> parsed = parse(type, raw);
    if (!parsed.isValid()) {
      throw new IllegalArgumentException(parsed.errors().get(0).message() + ": " + raw);
    }
    return parsed.value();
  }
}
