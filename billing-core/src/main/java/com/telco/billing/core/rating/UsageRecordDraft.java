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

/**
 * A usage record as a mediation feed sends it (TMF635 usage), before validation: every field may be
 * missing or wrong. {@link #validate(Instant, Duration)} reports every problem of the record at
 * once, each with its field, so that a batch can accept its valid records and refuse the others one
 * by one (BILLING-RULES.md, "Records that are refused or held").
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

  /** BILLING-RULES.md: records older than this before now are too late (default 45 days). */
  public static final Duration DEFAULT_MAX_USAGE_AGE = Duration.ofDays(45);

  /** BILLING-RULES.md: records more than this after now are too early. */
  public static final Duration MAX_AHEAD = Duration.ofHours(24);

  /** Longest id, source, usage type and subscription id accepted. */
  public static final int MAX_TEXT_LENGTH = 128;

  private static final int MAX_QUANTITY_LENGTH = 64;
  private static final int MAX_QUANTITY_DECIMALS = 18;

  /** {@link #validate(Instant, Duration)} with {@link #DEFAULT_MAX_USAGE_AGE}. */
  public Validated<UsageRecord> validate(Instant now) {
    return validate(now, DEFAULT_MAX_USAGE_AGE);
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
  public Validated<UsageRecord> validate(Instant now, Duration maxUsageAge) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(maxUsageAge, "maxUsageAge");
    if (maxUsageAge.isNegative()) {
      throw new IllegalArgumentException("negative maxUsageAge: " + maxUsageAge);
    }
    Validator v = new Validator();
    requireShortText(v, id, "id");
    requireShortText(v, source, "source");
    requireShortText(v, usageType, "usageType");
    if (subscriptionId != null) {
      requireShortText(v, subscriptionId, "subscriptionId");
    }
    ServiceId parsedService = parseServiceId(v);
    Instant date = parseUsageDate(v, now, maxUsageAge);
    UsageUnit parsedUnit = parseUnit(v);
    BigDecimal parsedQuantity = parseQuantity(v, parsedUnit);
    if (attributes != null) {
      for (Map.Entry<String, String> e : attributes.entrySet()) {
        String key = e.getKey();
        v.require(
            key != null && !key.isBlank() && e.getValue() != null,
            RatingReasons.INVALID_ATTRIBUTE,
            "attributes." + key,
            "an attribute needs a name and a value");
      }
    }
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new UsageRecord(
            id.strip(),
            source.strip(),
            parsedService,
            usageType.strip(),
            date,
            parsedQuantity,
            parsedUnit,
            attributes,
            subscriptionId == null ? null : subscriptionId.strip()));
  }

  private static void requireShortText(Validator v, String value, String field) {
    if (v.requireText(value, field)) {
      v.require(
          value.strip().length() <= MAX_TEXT_LENGTH,
          RatingReasons.TOO_LONG,
          field,
          field + " must be at most " + MAX_TEXT_LENGTH + " characters");
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
        "usage of " + date + " is older than " + maxUsageAge.toDays() + " days");
    v.require(
        !date.isAfter(now.plus(MAX_AHEAD)),
        RatingReasons.FUTURE,
        "usageDate",
        "usage of " + date + " is more than 24 h in the future");
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
        "unknown unit " + unit.strip() + "; use s, ms, min, event, B, kB, MB, GB, KiB, MiB or GiB");
    return parsed;
  }

  private BigDecimal parseQuantity(Validator v, UsageUnit parsedUnit) {
    if (!v.requireText(quantity, "quantity")) {
      return null;
    }
    String text = quantity.strip();
    BigDecimal q;
    try {
      q = text.length() > MAX_QUANTITY_LENGTH ? null : new BigDecimal(text);
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
    return q;
  }
}
