package com.telco.billing.core.rating;

import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceIdType;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.IsoInstants;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A usage record as a mediation feed sends it (TMF635 usage), before validation: every field may be
 * missing or wrong. {@link #validate(Instant, Duration)} reports every problem of the record at
 * once, each with its field, so that a batch can accept its valid records and refuse the others one
 * by one (docs/billing-rules.md, "Records that are refused or held").
 *
 * <p>Numbers and instants are text here ({@code quantity} {@code "61"} or {@code "1.5"}, {@code
 * usageDate} {@code "2026-03-02T08:00:00Z"} or with an offset) so that a non-numeric quantity or a
 * malformed date is refused per record with its field rather than failing the whole request; the
 * HTTP layer binds JSON numbers to their exact text.
 *
 * @param id the record's id within its source, required, at most 128 characters
 * @param source the mediation feed, required, at most 128 characters
 * @param serviceIdType {@code MSISDN} (the default when absent) or {@code IMSI}
 * @param serviceId the service identifier, required, any spelling {@link ServiceId#parse} accepts
 * @param usageType the usage type id, required (checked against the catalog by the {@link Rater})
 * @param usageDate ISO-8601 instant of the start of the event, required
 * @param quantity decimal quantity in {@code unit}, required, {@code >= 0}
 * @param unit a spelling of a {@link UsageUnit}, required (e.g. {@code s}, {@code event}, {@code
 *     B})
 * @param attributes further attributes such as {@code zone}; may be absent
 * @param subscriptionId the subscription the feed names, or absent
 */
public record UsageRecordDraft(
    String id,
    String source,
    String serviceIdType,
    String serviceId,
    String usageType,
    String usageDate,
    String quantity,
    String unit,
    Map<String, String> attributes,
    String subscriptionId) {

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
  private static final int MAX_QUANTITY_DECIMALS = 18;

  /** {@link #validate(Instant, Duration)} with {@link #DEFAULT_MAX_USAGE_AGE}. */
  public Validated<UsageRecord> validate(Instant now) {
    return validate(now, DEFAULT_MAX_USAGE_AGE);
  }

  /** {@link #validate(Instant, Duration, UsagePlausibility)} with the default caps. */
  public Validated<UsageRecord> validate(Instant now, Duration maxUsageAge) {
    return validate(now, maxUsageAge, UsagePlausibility.DEFAULT);
  }

  /**
   * Checks every field and returns the record or every problem found.
   *
   * <p>The usage date is refused as {@code too_old} when it is before {@code now - maxUsageAge}
   * (exactly {@code maxUsageAge} old is accepted) and as {@code future} when it is after {@code now
   * + 24 h} (exactly 24 h ahead is accepted).
   *
   * @param now the current instant
   * @param maxUsageAge the oldest usage accepted, {@code >= 0}
   */
  public Validated<UsageRecord> validate(
      Instant now, Duration maxUsageAge, UsagePlausibility plausibility) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(plausibility, "plausibility");
    Objects.requireNonNull(maxUsageAge, "maxUsageAge");
    if (maxUsageAge.isNegative()) {
      throw new IllegalArgumentException("negative maxUsageAge: " + maxUsageAge);
    }
    Validator v = new Validator();
    v.requireFormat(id, "id", MAX_TEXT_LENGTH, RECORD_ID, RECORD_ID_RULE);
    v.requireFormat(source, "source", MAX_TEXT_LENGTH, RECORD_ID, RECORD_ID_RULE);
    v.requireFormat(usageType, "usageType", MAX_TEXT_LENGTH, IDENTIFIER, IDENTIFIER_RULE);
    if (subscriptionId != null) {
      v.requireFormat(
          subscriptionId, "subscriptionId", MAX_TEXT_LENGTH, IDENTIFIER, IDENTIFIER_RULE);
    }
    ServiceId parsedService = parseServiceId(v);
    Instant date = parseUsageDate(v, now, maxUsageAge);
    UsageUnit parsedUnit = parseUnit(v);
    BigDecimal parsedQuantity = parseQuantity(v, parsedUnit, plausibility);
    if (attributes != null) {
      checkAttributes(v);
    }
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new UsageRecord(
            id,
            source,
            parsedService,
            usageType,
            date,
            parsedQuantity,
            parsedUnit,
            attributes,
            subscriptionId));
  }

  private static final String RECORD_ID_RULE =
      "1.."
          + MAX_TEXT_LENGTH
          + " letters, digits, '.', '_', '-', ':', '/', '#', '@', '+' or '=', starting with a letter"
          + " or digit";
  private static final String IDENTIFIER_RULE =
      "1..64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private void checkAttributes(Validator v) {
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
      String field = "attributes." + key;
      String value = e.getValue();
      if (value == null || value.isBlank()) {
        v.add(new FieldError(RatingReasons.INVALID_ATTRIBUTE, field, field + " needs a value"));
        continue;
      }
      v.requireFreeText(value, field, MAX_ATTRIBUTE_LENGTH);
    }
  }

  private ServiceId parseServiceId(Validator v) {
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

  private Instant parseUsageDate(Validator v, Instant now, Duration maxUsageAge) {
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

  private UsageUnit parseUnit(Validator v) {
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

  private BigDecimal parseQuantity(
      Validator v, UsageUnit parsedUnit, UsagePlausibility plausibility) {
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
