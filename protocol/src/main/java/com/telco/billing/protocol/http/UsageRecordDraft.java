package com.telco.billing.protocol.http;

import com.telco.billing.core.rating.Rater;
import com.telco.billing.core.rating.UsagePlausibility;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.rating.UsageRecordRules;
import com.telco.billing.core.rating.UsageUnit;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One element of {@code POST /usage}: a usage record as a mediation feed sends it (TMF635 usage),
 * before validation: every field may be missing or wrong. {@link #validate(Instant, Duration)}
 * applies {@link UsageRecordRules} and reports every problem of the record at once, each with its
 * field, so that a batch can accept its valid records and refuse the others one by one
 * (docs/billing-rules.md, "Records that are refused or held").
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

  /** The id alphabet of record ids and sources, {@link UsageRecordRules#RECORD_ID}. */
  public static final Pattern RECORD_ID = UsageRecordRules.RECORD_ID;

  /** {@link #validate(Instant, Duration)} with {@link UsageRecordRules#DEFAULT_MAX_USAGE_AGE}. */
  public Validated<UsageRecord> validate(Instant now) {
    return validate(now, UsageRecordRules.DEFAULT_MAX_USAGE_AGE);
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
    UsageRecordRules.requireRecordId(v, id, "id");
    UsageRecordRules.requireRecordId(v, source, "source");
    UsageRecordRules.requireIdentifier(v, usageType, "usageType");
    if (subscriptionId != null) {
      UsageRecordRules.requireIdentifier(v, subscriptionId, "subscriptionId");
    }
    ServiceId parsedService = UsageRecordRules.parseServiceId(v, serviceIdType, serviceId);
    Instant date = UsageRecordRules.parseUsageDate(v, usageDate, now, maxUsageAge);
    UsageUnit parsedUnit = UsageRecordRules.parseUnit(v, unit);
    BigDecimal parsedQuantity =
        UsageRecordRules.parseQuantity(v, quantity, parsedUnit, usageType, plausibility);
    if (attributes != null) {
      UsageRecordRules.checkAttributes(v, attributes);
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
}
