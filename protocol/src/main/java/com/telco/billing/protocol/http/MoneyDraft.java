package com.telco.billing.protocol.http;

import com.telco.billing.core.account.AccountProfileRules;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * A TMF Money in a request before validation: {@code {"unit": "EUR", "value": 12.50}}, the value a
 * JSON number read as an exact decimal.
 */
public record MoneyDraft(String unit, BigDecimal value) {

  /** At most this many digits before the decimal point. */
  static final int MAX_INTEGER_DIGITS = 12;

  /**
   * The money, positive and in the currency's minor units; adds {@code required}, {@code
   * unknown_currency}, {@code amount_not_positive}, {@code amount_precision} or {@code too_large}
   * to {@code v} and returns null when it is missing or wrong.
   */
  public static Money parse(Validator v, MoneyDraft draft, String field) {
    if (draft == null) {
      v.add(new FieldError("required", field, field + " is required"));
      return null;
    }
    Currency currency = AccountProfileRules.parseCurrency(v, draft.unit(), field + ".unit");
    String valueField = field + ".value";
    if (draft.value() == null) {
      v.add(new FieldError("required", valueField, valueField + " is required"));
      return null;
    }
    BigDecimal value = draft.value();
    if (value.signum() <= 0) {
      v.add(new FieldError("amount_not_positive", valueField, valueField + " must be positive"));
      return null;
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      v.add(new FieldError("too_large", valueField, valueField + " is too large"));
      return null;
    }
    if (currency == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
      v.add(
          new FieldError(
              "amount_precision",
              valueField,
              valueField
                  + " must have at most "
                  + currency.getDefaultFractionDigits()
                  + " decimals in "
                  + currency.getCurrencyCode()));
      return null;
    }
    return new Money(
        value.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY),
        currency);
  }
}
