package com.telco.billing.core.rating;

import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceIdType;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.IsoInstants;
import com.telco.billing.core.validation.TextRules;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a usage record's fields obey before it is rated (docs/billing-rules.md, "Records that
 * are refused or held"), each adding its problems to a {@link Validator} so that a request shape
 * can report every problem of a record at once, each with its field.
 */
public final class UsageRecordRules {

  /**
   * docs/billing-rules.md, "Records that are refused or held": records older than this before now
   * are too late (default 45 days).
   */
  public static final Duration DEFAULT_MAX_USAGE_AGE = Duration.ofDays(45);

  /**
   * docs/billing-rules.md, "Records that are refused or held": records more than this after now are
   * too early.
   */
  public static final Duration MAX_AHEAD = Duration.ofHours(24);

  /** Longest id, source, usage type and subscription id accepted. */
  public static final int MAX_TEXT_LENGTH = 128;

  /**
   * Record ids and sources: 1..128 of letters, digits and {@code . _ - : / # @ + =}, starting with
   * a letter or digit (what switches and mediation write, without spaces, quotes or controls).
   */
  public static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#@+=-]{0,127}");

  /** Usage types and subscription ids: the catalog's and order management's id alphabet. */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Attribute names: a letter, then letters, digits, '.', '_' or '-'; 1..32 characters. */
  public static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,31}");

  /** Most attributes one record may carry. */
  public static final int MAX_ATTRIBUTES = 16;

  /** Longest attribute value. */
  public static final int MAX_ATTRIBUTE_LENGTH = 64;

  private static final Pattern ASCII_DECIMAL =
      Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?([eE][+-]?[0-9]{1,3})?");

  private static final int MAX_QUANTITY_LENGTH = 64;

  /** Most decimals a quantity may carry. */
  public static final int MAX_QUANTITY_DECIMALS = 18;

  private static final String RECORD_ID_RULE =
      "1.."
          + MAX_TEXT_LENGTH
          + " letters, digits, '.', '_', '-', ':', '/', '#', '@', '+' or '=', starting with a letter"
          + " or digit";
  private static final String IDENTIFIER_RULE =
      "1..64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private UsageRecordRules() {}

  /** A record id or source: required, at most {@link #MAX_TEXT_LENGTH}, {@link #RECORD_ID}. */
  public static void requireRecordId(Validator v, String value, String field) {
    v.requireFormat(value, field, MAX_TEXT_LENGTH, RECORD_ID, RECORD_ID_RULE);
  }

  /** A usage type or subscription id: at most {@link #MAX_TEXT_LENGTH}, {@link #IDENTIFIER}. */
  public static void requireIdentifier(Validator v, String value, String field) {
    v.requireFormat(value, field, MAX_TEXT_LENGTH, IDENTIFIER, IDENTIFIER_RULE);
  }

  /**
   * A record's attributes: at most {@link #MAX_ATTRIBUTES}, names {@link #ATTRIBUTE_NAME} without a
   * card number, values non-blank free text of at most {@link #MAX_ATTRIBUTE_LENGTH} characters
   * ({@link TextRules}).
   */
  public static void checkAttributes(Validator v, Map<String, String> attributes) {
    if (attributes.size() > MAX_ATTRIBUTES) {
      v.add(
          new FieldError(
              RatingReasons.INVALID_ATTRIBUTE,
              "attributes",
              "a record carries at most " + MAX_ATTRIBUTES + " attributes"));
      return;
    }
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String key = e.getKey();
      if (key == null || !ATTRIBUTE_NAME.matcher(key).matches()) {
        v.add(
            new FieldError(
                RatingReasons.INVALID_ATTRIBUTE,
                "attributes",
                "attribute names are 1..32 letters, digits, '.', '_' or '-', starting with a"
                    + " letter"));
        continue;
      }
      if (!TextRules.require(v, key, "attributes")) {
        // a name that holds a card number is not named in the field either
        continue;
      }
      String field = "attributes." + key;
      String value = e.getValue();
      if (value == null || value.isBlank()) {
        v.add(new FieldError(RatingReasons.INVALID_ATTRIBUTE, field, field + " needs a value"));
        continue;
      }
      v.requireFreeText(value, field, MAX_ATTRIBUTE_LENGTH);
    }
  }

  /**
   * The service the record names: {@code serviceIdType} ({@code MSISDN} when absent) and {@code
   * serviceId}, parsed by {@link ServiceId#parse}; null when refused.
   */
  public static ServiceId parseServiceId(Validator v, String serviceIdType, String serviceId) {
    String type = serviceIdType == null ? ServiceIdType.MSISDN.name() : serviceIdType;
    Validated<ServiceId> parsed = ServiceId.parse(type, serviceId, "");
    if (parsed.isValid()) {
      return parsed.value();
    }
    for (FieldError e : parsed.errors()) {
      String field = "type".equals(e.field()) ? "serviceIdType" : "serviceId";
      String message = e.message().replaceFirst("^type\\b", field).replaceFirst("^value\\b", field);
      v.add(new FieldError(e.code(), field, message));
    }
    return null;
  }

  /**
   * The usage date: an ISO-8601 instant, refused as {@code too_old} when it is before {@code now -
   * maxUsageAge} (exactly {@code maxUsageAge} old is accepted) and as {@code future} when it is
   * after {@code now + 24 h} (exactly 24 h ahead is accepted); null when unreadable.
   */
  public static Instant parseUsageDate(
      Validator v, String usageDate, Instant now, Duration maxUsageAge) {
    if (!v.requireText(usageDate, "usageDate")) {
      return null;
    }
    Instant date;
    try {
      date = IsoInstants.parseOffsetDateTime(usageDate.strip());
    } catch (DateTimeException e) {
      v.add(
          new FieldError(
              RatingReasons.INVALID_INSTANT,
              "usageDate",
              "usageDate must be an ISO-8601 instant such as 2026-03-02T08:00:00Z"));
      return null;
    }
    v.require(
        !date.isBefore(now.minus(maxUsageAge)),
        RatingReasons.TOO_OLD,
        "usageDate",
        "usageDate is older than " + maxUsageAge.toDays() + " days");
    v.require(
        !date.isAfter(now.plus(MAX_AHEAD)),
        RatingReasons.FUTURE,
        "usageDate",
        "usageDate is more than 24 h in the future");
    return date;
  }

  /** The unit: a spelling of a {@link UsageUnit}; null when refused. */
  public static UsageUnit parseUnit(Validator v, String unit) {
    if (!v.requireText(unit, "unit")) {
      return null;
    }
    UsageUnit parsed = UsageUnit.parse(unit).orElse(null);
    v.require(
        parsed != null,
        RatingReasons.UNKNOWN_UNIT,
        "unit",
        "unit must be one of s, ms, min, event, B, kB, MB, GB, KiB, MiB or GiB");
    return parsed;
  }

  /**
   * The quantity: an ASCII decimal with at most {@value #MAX_QUANTITY_DECIMALS} decimals, not
   * negative, at most {@link UsageRecord#MAX_BASE_QUANTITY} base units and within the plausible cap
   * for its usage type and unit; null when refused.
   */
  public static BigDecimal parseQuantity(
      Validator v,
      String quantity,
      UsageUnit parsedUnit,
      String usageType,
      UsagePlausibility plausibility) {
    if (!v.requireText(quantity, "quantity")) {
      return null;
    }
    String text = quantity.strip();
    BigDecimal q;
    try {
      // ASCII only: BigDecimal would also read other scripts' digits.
      q =
          text.length() > MAX_QUANTITY_LENGTH || !ASCII_DECIMAL.matcher(text).matches()
              ? null
              : new BigDecimal(text);
    } catch (NumberFormatException e) {
      q = null;
    }
    if (q == null || q.scale() > MAX_QUANTITY_DECIMALS) {
      v.add(
          new FieldError(
              RatingReasons.INVALID_QUANTITY,
              "quantity",
              "quantity must be a decimal number with at most "
                  + MAX_QUANTITY_DECIMALS
                  + " decimals"));
      return null;
    }
    if (q.signum() < 0) {
      v.add(
          new FieldError(
              RatingReasons.NEGATIVE_QUANTITY, "quantity", "quantity must not be negative"));
      return null;
    }
    BigDecimal base = parsedUnit == null ? q : parsedUnit.toBase(q);
    if (base.compareTo(UsageRecord.MAX_BASE_QUANTITY) > 0) {
      v.add(
          new FieldError(
              RatingReasons.QUANTITY_TOO_LARGE,
              "quantity",
              "quantity must be at most " + UsageRecord.MAX_BASE_QUANTITY + " base units"));
      return null;
    }
    if (parsedUnit != null) {
      BigDecimal cap = plausibility.maxBaseQuantity(usageType, parsedUnit.base());
      if (base.compareTo(cap) > 0) {
        v.add(
            new FieldError(
                RatingReasons.IMPLAUSIBLE_QUANTITY,
                "quantity",
                "quantity must be at most "
                    + cap.toPlainString()
                    + " "
                    + parsedUnit.base().name().toLowerCase(java.util.Locale.ROOT)
                    + "s in one record"));
        return null;
      }
    }
    return q;
  }
}
