package com.telco.billing.core.catalog;

/**
 * The stable error codes of catalog validation ({@link CatalogValidator}); each {@link
 * com.telco.billing.core.validation.FieldError} also names the JSON path of the problem. The table
 * with their meaning is in docs/catalog.md.
 */
public final class CatalogErrors {
  private CatalogErrors() {}

  // shape and formats
  public static final String REQUIRED = "required";
  public static final String INVALID_ID = "invalid_id";
  public static final String DUPLICATE_ID = "duplicate_id";
  public static final String INVALID_INSTANT = "invalid_instant";
  public static final String INVALID_DATE = "invalid_date";
  public static final String INVALID_TIME = "invalid_time";
  public static final String INVALID_VALUE = "invalid_value";
  public static final String NOT_APPLICABLE = "not_applicable";

  // currencies and amounts
  public static final String UNKNOWN_CURRENCY = "unknown_currency";
  public static final String UNSUPPORTED_CURRENCY = "unsupported_currency";
  public static final String DUPLICATE_CURRENCY = "duplicate_currency";
  public static final String UNDECLARED_CURRENCY = "undeclared_currency";
  public static final String MISSING_CURRENCY = "missing_currency";
  public static final String NEGATIVE_AMOUNT = "negative_amount";

  // usage quantities, tiers, zones, bands
  public static final String NOT_POSITIVE = "not_positive";
  public static final String NEGATIVE_QUANTITY = "negative_quantity";
  public static final String UNKNOWN_USAGE_TYPE = "unknown_usage_type";
  public static final String DUPLICATE_USAGE_CHARGE = "duplicate_usage_charge";
  public static final String TIER_NOT_FROM_ZERO = "tier_not_from_zero";
  public static final String TIER_GAP = "tier_gap";
  public static final String TIER_OVERLAP = "tier_overlap";
  public static final String TIER_EMPTY = "tier_empty";
  public static final String TIER_LAST_BOUNDED = "tier_last_bounded";
  public static final String DUPLICATE_ZONE = "duplicate_zone";
  public static final String UNKNOWN_ZONE = "unknown_zone";
  public static final String DUPLICATE_TIME_BAND = "duplicate_time_band";
  public static final String UNKNOWN_TIME_BAND = "unknown_time_band";
  public static final String DUPLICATE_DAY = "duplicate_day";
  public static final String INVALID_TIME_WINDOW = "invalid_time_window";
  public static final String BAND_GAP = "band_gap";
  public static final String BAND_OVERLAP = "band_overlap";
  public static final String DUPLICATE_RATE = "duplicate_rate";
  public static final String MISSING_RATE = "missing_rate";

  // tax and ledger
  public static final String MISSING_TAX_CATEGORY = "missing_tax_category";
  public static final String UNKNOWN_TAX_CATEGORY = "unknown_tax_category";
  public static final String MISSING_GL_CODE = "missing_gl_code";
  public static final String INVALID_TAX_RATE = "invalid_tax_rate";
  public static final String INVALID_DATE_RANGE = "invalid_date_range";
  public static final String OVERLAPPING_TAX_RATES = "overlapping_tax_rates";

  // discounts
  public static final String INVALID_PERCENTAGE = "invalid_percentage";
  public static final String INVALID_PERIODS = "invalid_periods";
  public static final String UNKNOWN_CHARGE = "unknown_charge";
  public static final String DISCOUNT_TARGET_REQUIRED = "discount_target_required";

  // against the published versions
  public static final String VERSION_EXISTS = "version_exists";
  public static final String EFFECTIVE_IN_PAST = "effective_in_past";
  public static final String EFFECTIVE_NOT_AFTER_LATEST = "effective_not_after_latest";
  public static final String CORRECTION_NOT_PAST = "correction_not_past";
  public static final String CORRECTION_WITHOUT_VERSION = "correction_without_version";
  public static final String CORRECTION_NOT_PRICES_ONLY = "correction_not_prices_only";
}
