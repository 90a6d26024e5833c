package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.INVALID_DATE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_DATE_RANGE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_TAX_RATE;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_TAX_CATEGORY;
import static com.telco.billing.core.catalog.CatalogErrors.OVERLAPPING_TAX_RATES;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_TAX_CATEGORY;

import com.telco.billing.core.account.AccountProfileRules;
import com.telco.billing.core.catalog.CatalogDocument.TaxRateJson;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tax table ({@code $.taxRates}) and the tax category of every charge (docs/catalog.md, "{@code
 * taxRates[]}"). docs/billing-rules.md, "Tax": rates are keyed by (jurisdiction, tax category), are
 * fractions in [0, 1] with effective dates, and the rates of one key never overlap; every charge's
 * tax category has a rate.
 */
final class TaxRateSection extends CatalogSection {
  /** Categories that have a tax rate; null when the tax rates are missing. */
  private Set<String> taxCategories;

  TaxRateSection(Validator v) {
    super(v);
  }

  TaxTable taxTable(List<TaxRateJson> rates) {
    if (rates == null || rates.isEmpty()) {
      error(REQUIRED, "$.taxRates", "at least one tax rate is required");
      return null;
    }
    taxCategories = new HashSet<>();
    int start = mark();
    List<TaxRate> valid = new ArrayList<>();
    List<String> validPaths = new ArrayList<>();
    for (int i = 0; i < rates.size(); i++) {
      String path = "$.taxRates[" + i + "]";
      TaxRateJson r = rates.get(i);
      if (r == null) {
        error(REQUIRED, path, path + " must not be null");
        continue;
      }
      int mark = mark();
      v.requireFormat(
          r.jurisdiction(),
          path + ".jurisdiction",
          AccountProfileRules.TAX_JURISDICTION,
          "1..32 letters, digits, '.', '_' or '-', starting with a letter or digit");
      if (v.requireText(r.taxCategory(), path + ".taxCategory")) {
        taxCategories.add(r.taxCategory());
      }
      if (r.rate() == null) {
        error(REQUIRED, path + ".rate", path + ".rate is required");
      } else if (r.rate().signum() < 0 || r.rate().compareTo(BigDecimal.ONE) > 0) {
        error(
            INVALID_TAX_RATE,
            path + ".rate",
            "rate " + r.rate().toPlainString() + " is not a fraction in [0, 1] (19 % is 0.19)");
      }
      LocalDate from = date(r.validFrom(), path + ".validFrom", true);
      LocalDate to = date(r.validTo(), path + ".validTo", false);
      if (from != null && to != null && !to.isAfter(from)) {
        error(
            INVALID_DATE_RANGE,
            path + ".validTo",
            "validTo " + to + " must be after validFrom " + from + " (validTo is exclusive)");
      }
      if (!clean(mark)) {
        continue;
      }
      TaxRate rate = new TaxRate(r.jurisdiction(), r.taxCategory(), r.rate(), from, to);
      for (int k = 0; k < valid.size(); k++) {
        if (valid.get(k).overlaps(rate)) {
          error(
              OVERLAPPING_TAX_RATES,
              path,
              "the rate for ("
                  + rate.jurisdiction()
                  + ", "
                  + rate.taxCategory()
                  + ") overlaps the one at "
                  + validPaths.get(k));
        }
      }
      valid.add(rate);
      validPaths.add(path);
    }
    return clean(start) ? new TaxTable(valid) : null;
  }

  void taxCategory(String category, String path) {
    if (category == null || category.isBlank()) {
      error(MISSING_TAX_CATEGORY, path, "every charge needs a taxCategory");
    } else if (taxCategories != null && !taxCategories.contains(category)) {
      error(UNKNOWN_TAX_CATEGORY, path, "tax category " + category + " has no rate in $.taxRates");
    }
  }

  private LocalDate date(String value, String path, boolean required) {
    if (value == null && !required) {
      return null;
    }
    if (!v.requireText(value, path)) {
      return null;
    }
    LocalDate parsed;
    try {
      parsed = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      error(INVALID_DATE, path, "not an ISO-8601 date such as 2026-01-01");
      return null;
    }
    if (!PlausibleDates.isPlausibleHistoric(parsed)) {
      error(INVALID_DATE, path, "dates must lie in the years 1900 to 2099");
      return null;
    }
    return parsed;
  }
}
