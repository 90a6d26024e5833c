package com.telco.billing.core.rating;

/**
 * The stable reason codes of usage records that are refused or held (docs/billing-rules.md,
 * "Records that are refused or held"), documented in {@code docs/rating.md}.
 *
 * <ul>
 *   <li>Refused by the {@link UsageRecordRules} (HTTP 400 per record, the rest of the batch is
 *       still accepted): {@code required}, {@code too_long}, {@code invalid_quantity}, {@link
 *       #NEGATIVE_QUANTITY}, {@link #QUANTITY_TOO_LARGE}, {@link #UNKNOWN_UNIT}, {@link
 *       #INVALID_INSTANT}, {@link #TOO_OLD}, {@link #FUTURE}, {@link #INVALID_ATTRIBUTE} and the
 *       service identifier codes of {@code ServiceId.parse} ({@code unknown_service_type}, {@code
 *       invalid_msisdn}, {@code invalid_imsi}).
 *   <li>Refused by the {@link Rater} ({@link RatingOutcome.Rejected}, invalid against the catalog):
 *       {@link #UNKNOWN_USAGE_TYPE}, {@link #UNIT_MISMATCH}.
 *   <li>Held in suspense by the {@link Rater} ({@link RatingOutcome.Unratable}, recyclable once the
 *       cause is fixed): {@link #NO_CATALOG_VERSION}, {@link #CURRENCY_NOT_PRICED}, {@link
 *       #NO_SUBSCRIPTION}, {@link #UNKNOWN_OFFERING}, {@link #NO_USAGE_CHARGE}, {@link
 *       #UNKNOWN_ZONE}, {@link #COUNTER_OVERFLOW}.
 * </ul>
 */
public final class RatingReasons {

  /** A required field is missing or blank. */
  public static final String REQUIRED = "required";

  /** A text field is longer than allowed. */
  public static final String TOO_LONG = "too_long";

  /** The quantity is not a decimal number. */
  public static final String INVALID_QUANTITY = "invalid_quantity";

  /** The quantity is below zero. */
  public static final String NEGATIVE_QUANTITY = "negative_quantity";

  /** The quantity exceeds {@link UsageRecord#MAX_BASE_QUANTITY} base units. */
  public static final String QUANTITY_TOO_LARGE = "quantity_too_large";

  /** The quantity exceeds the plausible maximum of one record ({@link UsagePlausibility}). */
  public static final String IMPLAUSIBLE_QUANTITY = "implausible_quantity";

  /** The unit is none of {@link UsageUnit}'s spellings. */
  public static final String UNKNOWN_UNIT = "unknown_unit";

  /** The usage date is not an ISO-8601 instant. */
  public static final String INVALID_INSTANT = "invalid_instant";

  /** Too late: the usage date is more than {@code maxUsageAge} before now. */
  public static final String TOO_OLD = "too_old";

  /** Too early: the usage date is more than 24 h after now. */
  public static final String FUTURE = "future";

  /** An attribute with a blank name or a missing value. */
  public static final String INVALID_ATTRIBUTE = "invalid_attribute";

  /** The catalog version in effect at the usage date does not declare the usage type. */
  public static final String UNKNOWN_USAGE_TYPE = "unknown_usage_type";

  /** The record's unit is not a multiple of the usage type's base unit (e.g. bytes for VOICE). */
  public static final String UNIT_MISMATCH = "unit_mismatch";

  /** No catalog version is in effect at the usage date. */
  public static final String NO_CATALOG_VERSION = "no_catalog_version";

  /** The catalog version in effect has no price list in the account's currency. */
  public static final String CURRENCY_NOT_PRICED = "currency_not_priced";

  /**
   * Unguided: no subscription of the account holds the service at the usage date (or the one the
   * record names does not exist or does not hold the service then).
   */
  public static final String NO_SUBSCRIPTION = "no_subscription";

  /** The subscription's offering on the usage date is not in the catalog version in effect. */
  public static final String UNKNOWN_OFFERING = "unknown_offering";

  /** No price: the offering has no usage charge for the usage type. */
  public static final String NO_USAGE_CHARGE = "no_usage_charge";

  /** The charge has zones and the record names none of them (or no zone at all). */
  public static final String UNKNOWN_ZONE = "unknown_zone";

  /** The period's cumulative quantities would no longer fit a {@code long}. */
  public static final String COUNTER_OVERFLOW = "counter_overflow";

  private RatingReasons() {}
}
