package com.telco.billing.protocol.http;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * TMF Money in a response: {@code {"unit": "EUR", "value": 12.50}}, the value a JSON number with
 * exactly the currency's minor units (written from the exact decimal, never through a double).
 */
public record MoneyValue(String unit, BigDecimal value) {
  public static MoneyValue of(BigDecimal amount, Currency currency) {
    return new MoneyValue(
        currency.getCurrencyCode(),
        amount.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY));
  }
}
