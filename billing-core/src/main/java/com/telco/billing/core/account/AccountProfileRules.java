package com.telco.billing.core.account;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The rules an account profile's fields obey, one check per field, each adding its problems to a
 * {@link Validator} so that a request shape can report every problem at once, naming the field.
 *
 * <p>Defaults: time zone UTC, not tax-exempt, payment terms 14 days, legal entity {@code DEFAULT}.
 */
public final class AccountProfileRules {

  /** Account ids: letters, digits, '.', '_', '-'; 1..64 characters, starting alphanumeric. */
  public static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Legal entity codes name invoice series, so they stay short and plain. */
  public static final Pattern LEGAL_ENTITY = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

  /**
   * Tax jurisdictions name rows of the catalog's tax table: {@code DE}, {@code US-CA}, {@code
   * US-NY-NYC}; 1..32 letters, digits, '.', '_' or '-', starting with a letter or digit.
   */
  public static final Pattern TAX_JURISDICTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  /** Payment gateway tokens: 1..128 letters, digits, '.', '_', ':' or '-'. */
  public static final Pattern PAYMENT_METHOD_REF =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  public static final String DEFAULT_LEGAL_ENTITY = "DEFAULT";

  /** Customer segments name dunning policies: like legal entity codes, in lower case too. */
  public static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

  /**
   * A plausible mail address (RFC 5321 limits: 254 characters): a local part of printable ASCII
   * without spaces, quotes or angle brackets, and a dotted domain of letters, digits and '-'.
   */
  public static final Pattern EMAIL =
      Pattern.compile(
          "(?=.{3,254}$)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  /** Longest account name accepted. */
  public static final int MAX_NAME_LENGTH = 200;

  private AccountProfileRules() {}

  /** The account id: required, {@link #ACCOUNT_ID}. */
  public static void requireAccountId(Validator v, String accountId, String field) {
    v.requireFormat(
        accountId,
        field,
        ACCOUNT_ID,
        "1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
  }

  /** The account's name: required free text of at most {@link #MAX_NAME_LENGTH} characters. */
  public static void requireName(Validator v, String name, String field) {
    v.requireFreeText(name, field, MAX_NAME_LENGTH);
  }

  /** The account's currency: a required ISO 4217 code with minor units; null when refused. */
  public static Currency parseCurrency(Validator v, String currency, String field) {
    if (!v.requireText(currency, field)) {
      return null;
    }
    try {
      Currency c = Currency.getInstance(currency);
      v.require(
          c.getDefaultFractionDigits() >= 0,
          "unsupported_currency",
          field,
          field + " must have minor units");
      return c;
    } catch (IllegalArgumentException e) {
      v.add(
          new FieldError(
              "unknown_currency", field, field + " must be an ISO 4217 code such as EUR"));
      return null;
    }
  }

  /** The bill cycle day: required, between 1 and 28. */
  public static void requireBillCycleDay(Validator v, Integer billCycleDay, String field) {
    if (billCycleDay == null) {
      v.add(new FieldError("required", field, field + " is required"));
    } else {
      v.require(
          billCycleDay >= AccountProfile.MIN_BILL_CYCLE_DAY
              && billCycleDay <= AccountProfile.MAX_BILL_CYCLE_DAY,
          "out_of_range",
          field,
          field + " must be between 1 and 28");
    }
  }

  /** The account's zone: an IANA id, UTC when absent; null when refused. */
  public static ZoneId parseZone(Validator v, String timeZone, String field) {
    if (timeZone == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      v.add(
          new FieldError(
              "unknown_time_zone",
              field,
              field + " must be an IANA time zone id such as Europe/Berlin"));
      return null;
    }
  }

  /** The tax jurisdiction: required, {@link #TAX_JURISDICTION}. */
  public static void requireTaxJurisdiction(Validator v, String taxJurisdiction, String field) {
    v.requireFormat(
        taxJurisdiction,
        field,
        TAX_JURISDICTION,
        "1..32 letters, digits, '.', '_' or '-', starting with a letter or digit");
  }

  /** The payment terms in days: 0..{@link AccountProfile#MAX_PAYMENT_TERMS_DAYS}, default 14. */
  public static int paymentTermsDays(Validator v, Integer paymentTermsDays, String field) {
    int terms =
        paymentTermsDays == null ? AccountProfile.DEFAULT_PAYMENT_TERMS_DAYS : paymentTermsDays;
    v.require(
        terms >= 0 && terms <= AccountProfile.MAX_PAYMENT_TERMS_DAYS,
        "out_of_range",
        field,
        field + " must be between 0 and " + AccountProfile.MAX_PAYMENT_TERMS_DAYS);
    return terms;
  }

  /** The payment method reference: optional, {@link #PAYMENT_METHOD_REF} when present. */
  public static void checkPaymentMethodRef(Validator v, String paymentMethodRef, String field) {
    if (paymentMethodRef != null) {
      v.requireFormat(
          paymentMethodRef,
          field,
          PAYMENT_METHOD_REF,
          "a gateway token: 1..128 letters, digits, '.', '_', ':' or '-', starting with a letter"
              + " or digit");
    }
  }

  /** The legal entity: {@link #LEGAL_ENTITY}, {@link #DEFAULT_LEGAL_ENTITY} when absent. */
  public static String legalEntity(Validator v, String legalEntity, String field) {
    String entity = legalEntity == null ? DEFAULT_LEGAL_ENTITY : legalEntity;
    v.requireFormat(entity, field, LEGAL_ENTITY, "1..32 upper-case letters, digits, '_' or '-'");
    return entity;
  }

  /** An optional mail address: {@code null} stays {@code null}. */
  public static String email(Validator v, String email, String field) {
    if (email == null) {
      return null;
    }
    v.requireFormat(email, field, EMAIL, "a mail address such as name@example.com");
    return email;
  }

  /** An optional customer segment: {@code null} stays {@code null}. */
  public static String segment(Validator v, String segment, String field) {
    if (segment == null) {
      return null;
    }
    v.requireFormat(segment, field, SEGMENT, "1..32 letters, digits, '_' or '-'");
    return segment;
  }
}
