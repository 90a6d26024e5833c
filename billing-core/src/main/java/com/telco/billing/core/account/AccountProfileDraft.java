package com.telco.billing.core.account;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An account as an upstream system sends it, before validation: every field may be missing or
 * wrong. {@link #validate()} reports every problem at once, naming the field.
 *
 * <p>Defaults: time zone UTC, not tax-exempt, payment terms 14 days, legal entity {@code DEFAULT}.
 */
public record AccountProfileDraft(
    String accountId,
    String name,
    String currency,
    Integer billCycleDay,
    String timeZone,
    String taxJurisdiction,
    Boolean taxExempt,
    Integer paymentTermsDays,
    String paymentMethodRef,
    String legalEntity) {

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
  private static final int MAX_NAME_LENGTH = 200;

  /** Checks every field and returns the profile or all problems found. */
  public Validated<AccountProfile> validate() {
    Validator v = new Validator();
    v.requireFormat(
        accountId,
        "accountId",
        ACCOUNT_ID,
        "1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    v.requireFreeText(name, "name", MAX_NAME_LENGTH);
    Currency parsedCurrency = parseCurrency(v);
    if (billCycleDay == null) {
      v.add(new FieldError("required", "billCycleDay", "billCycleDay is required"));
    } else {
      v.require(
          billCycleDay >= AccountProfile.MIN_BILL_CYCLE_DAY
              && billCycleDay <= AccountProfile.MAX_BILL_CYCLE_DAY,
          "out_of_range",
          "billCycleDay",
          "billCycleDay must be between 1 and 28");
    }
    ZoneId zone = parseZone(v);
    v.requireFormat(
        taxJurisdiction,
        "taxJurisdiction",
        TAX_JURISDICTION,
        "1..32 letters, digits, '.', '_' or '-', starting with a letter or digit");
    int terms =
        paymentTermsDays == null ? AccountProfile.DEFAULT_PAYMENT_TERMS_DAYS : paymentTermsDays;
    v.require(
        terms >= 0 && terms <= AccountProfile.MAX_PAYMENT_TERMS_DAYS,
        "out_of_range",
        "paymentTermsDays",
        "paymentTermsDays must be between 0 and " + AccountProfile.MAX_PAYMENT_TERMS_DAYS);
    if (paymentMethodRef != null) {
      v.requireFormat(
          paymentMethodRef,
          "paymentMethodRef",
          PAYMENT_METHOD_REF,
          "a gateway token: 1..128 letters, digits, '.', '_', ':' or '-', starting with a letter"
              + " or digit");
    }
    String entity = legalEntity == null ? DEFAULT_LEGAL_ENTITY : legalEntity;
    v.requireFormat(
        entity, "legalEntity", LEGAL_ENTITY, "1..32 upper-case letters, digits, '_' or '-'");
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new AccountProfile(
            accountId,
            name.strip(),
            parsedCurrency,
            billCycleDay,
            zone,
            taxJurisdiction.strip(),
            Boolean.TRUE.equals(taxExempt),
            terms,
            paymentMethodRef,
            entity));
  }

  private Currency parseCurrency(Validator v) {
    if (!v.requireText(currency, "currency")) {
      return null;
    }
    try {
      Currency c = Currency.getInstance(currency);
      v.require(
          c.getDefaultFractionDigits() >= 0,
          "unsupported_currency",
          "currency",
          "currency must have minor units");
      return c;
    } catch (IllegalArgumentException e) {
      v.add(
          new FieldError(
              "unknown_currency", "currency", "currency must be an ISO 4217 code such as EUR"));
      return null;
    }
  }

  private ZoneId parseZone(Validator v) {
    if (timeZone == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      v.add(
          new FieldError(
              "unknown_time_zone",
              "timeZone",
              "timeZone must be an IANA time zone id such as Europe/Berlin"));
      return null;
    }
  }
}
