package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.NEGATIVE_AMOUNT;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.UNDECLARED_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.UNSUPPORTED_CURRENCY;

import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The version's currencies ({@code $.currencies}) and every price's amounts in them
 * (docs/catalog.md, "Top level" and "{@code prices[]}: every charge"). docs/billing-rules.md,
 * "Money" and "Catalog": every price has an amount in each currency of the version, none negative;
 * a currency has minor units.
 */
final class CurrencySection extends CatalogSection {
  /** Currency codes as declared (even invalid ones, to avoid follow-up noise); null if none. */
  private Set<String> declaredCodes;

  private final Map<String, Currency> currencies = new LinkedHashMap<>();

  CurrencySection(Validator v) {
    super(v);
  }

  /** The valid currencies declared, in document order. */
  List<Currency> declared() {
    return List.copyOf(currencies.values());
  }

  void currencies(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      error(REQUIRED, "$.currencies", "at least one currency is required");
      return;
    }
    declaredCodes = new LinkedHashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String path = "$.currencies[" + i + "]";
      String code = codes.get(i);
      if (!v.requireText(code, path)) {
        continue;
      }
      if (!declaredCodes.add(code)) {
        error(DUPLICATE_CURRENCY, path, "currency " + code + " is listed twice");
        continue;
      }
      Currency currency;
      try {
        currency = Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        error(UNKNOWN_CURRENCY, path, "not an ISO 4217 currency code such as EUR");
        continue;
      }
      if (currency.getDefaultFractionDigits() < 0) {
        error(UNSUPPORTED_CURRENCY, path, "currency " + code + " has no minor units");
        continue;
      }
      currencies.put(code, currency);
    }
  }

  Price price(Map<String, BigDecimal> amounts, String path) {
    if (amounts == null) {
      error(REQUIRED, path, path + " is required");
      return null;
    }
    List<CurrencyAmount> result = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : amounts.entrySet()) {
      String code = e.getKey();
      String cp = key(path, code);
      if (declaredCodes != null && !declaredCodes.contains(code)) {
        error(
            UNDECLARED_CURRENCY,
            cp,
            "currency " + code + " is not one of the version's currencies " + declaredCodes);
      }
      BigDecimal amount = e.getValue();
      if (amount == null) {
        error(REQUIRED, cp, cp + " is required");
      } else if (amount.signum() < 0) {
        error(NEGATIVE_AMOUNT, cp, "amount " + amount.toPlainString() + " is negative");
      } else if (currencies.containsKey(code)) {
        result.add(new CurrencyAmount(currencies.get(code), amount));
      }
    }
    if (declaredCodes != null) {
      // invalid declared codes are reported once, on $.currencies, not on every price
      for (String code : currencies.keySet()) {
        if (!amounts.containsKey(code)) {
          error(MISSING_CURRENCY, path, "no amount in " + code + ", a currency of the version");
        }
      }
    }
    return building() && declaredCodes != null ? new Price(result) : null;
  }
}
