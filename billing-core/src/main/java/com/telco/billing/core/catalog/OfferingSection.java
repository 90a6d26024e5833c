package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.INVALID_VALUE;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_GL_CODE;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;

import com.telco.billing.core.catalog.CatalogDocument.PriceJson;
import com.telco.billing.core.catalog.CatalogDocument.ProductOfferingJson;
import com.telco.billing.core.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product offerings ({@code $.productOfferings}): ids, names, prices of each type and discounts
 * (docs/catalog.md, "{@code productOfferings[]}" and "{@code prices[]}: every charge").
 * docs/billing-rules.md, "Catalog": an offering has recurring charges (per month), one-time charges
 * (on a lifecycle trigger), usage charges and discounts; every charge has a tax category and a GL
 * code; offering ids and charge ids are each used once. Usage charges are checked by {@link
 * UsageChargeSection}, discounts by {@link DiscountSection}.
 */
final class OfferingSection extends CatalogSection {
  private final CurrencySection currencies;
  private final TaxRateSection taxRates;
  private final UsageChargeSection usageChargeSection;
  private final DiscountSection discountSection;
  private final Map<String, String> offeringIds = new HashMap<>();
  private final Map<String, String> chargeIds = new HashMap<>();

  OfferingSection(
      Validator v,
      CurrencySection currencies,
      TaxRateSection taxRates,
      UsageChargeSection usageChargeSection) {
    super(v);
    this.currencies = currencies;
    this.taxRates = taxRates;
    this.usageChargeSection = usageChargeSection;
    this.discountSection = new DiscountSection(v, chargeIds);
  }

  List<ProductOffering> offerings(List<ProductOfferingJson> offerings) {
    List<ProductOffering> result = new ArrayList<>();
    if (offerings == null || offerings.isEmpty()) {
      error(REQUIRED, "$.productOfferings", "at least one product offering is required");
      return result;
    }
    for (int i = 0; i < offerings.size(); i++) {
      ProductOffering o = offering(offerings.get(i), "$.productOfferings[" + i + "]");
      if (o != null) {
        result.add(o);
      }
    }
    return result;
  }

  private ProductOffering offering(ProductOfferingJson o, String path) {
    if (o == null) {
      error(REQUIRED, path, path + " must not be null");
      return null;
    }
    if (id(o.id(), path + ".id")) {
      duplicate(offeringIds, o.id(), path + ".id", "offering id");
    }
    v.requireText(o.name(), path + ".name");
    List<RecurringCharge> recurring = new ArrayList<>();
    List<OneTimeCharge> oneTime = new ArrayList<>();
    List<UsageCharge> usage = new ArrayList<>();
    Map<String, PriceJson> recurringById = new LinkedHashMap<>();
    Map<String, String> usageTypePaths = new HashMap<>();
    List<PriceJson> prices = o.prices();
    if (prices == null || prices.isEmpty()) {
      error(REQUIRED, path + ".prices", "an offering needs at least one price");
    } else {
      for (int j = 0; j < prices.size(); j++) {
        String pp = path + ".prices[" + j + "]";
        PriceJson p = prices.get(j);
        if (p == null) {
          error(REQUIRED, pp, pp + " must not be null");
          continue;
        }
        if (id(p.id(), pp + ".id")) {
          duplicate(chargeIds, p.id(), pp + ".id", "charge id");
        }
        v.requireText(p.name(), pp + ".name");
        taxRates.taxCategory(p.taxCategory(), pp + ".taxCategory");
        glCode(p.glCode(), pp + ".glCode");
        String type = p.priceType();
        if (!v.requireText(type, pp + ".priceType")) {
          continue;
        }
        switch (type) {
          case "recurring" -> {
            if (p.id() != null && !p.id().isBlank()) {
              recurringById.putIfAbsent(p.id(), p);
            }
            RecurringCharge c = recurring(p, pp);
            if (c != null) {
              recurring.add(c);
            }
          }
          case "oneTime" -> {
            OneTimeCharge c = oneTime(p, pp);
            if (c != null) {
              oneTime.add(c);
            }
          }
          case "usage" -> {
            UsageCharge c = usageChargeSection.usage(p, pp, usageTypePaths);
            if (c != null) {
              usage.add(c);
            }
          }
          default ->
              error(
                  INVALID_VALUE,
                  pp + ".priceType",
                  "priceType "
                      + type
                      + " is not one of "
                      + List.of("recurring", "oneTime", "usage"));
        }
      }
    }
    List<Discount> discounts = new ArrayList<>();
    if (o.discounts() != null) {
      for (int k = 0; k < o.discounts().size(); k++) {
        Discount d =
            discountSection.discount(
                o.discounts().get(k), path + ".discounts[" + k + "]", recurringById);
        if (d != null) {
          discounts.add(d);
        }
      }
    }
    if (!building()) {
      return null;
    }
    return new ProductOffering(
        o.id(),
        o.name(),
        o.description(),
        !Boolean.FALSE.equals(o.chargeWhileSuspended()),
        recurring,
        oneTime,
        usage,
        discounts);
  }

  private RecurringCharge recurring(PriceJson p, String pp) {
    notApplicable(p.trigger(), pp, "trigger", "recurring");
    usageFieldsAbsent(p, pp, "recurring");
    ChargePeriod period = ChargePeriod.MONTH;
    if (p.recurringChargePeriodType() != null) {
      period = ChargePeriod.fromJson(p.recurringChargePeriodType()).orElse(null);
      if (period == null) {
        error(
            INVALID_VALUE,
            pp + ".recurringChargePeriodType",
            "recurringChargePeriodType "
                + p.recurringChargePeriodType()
                + " is not one of [month]");
      }
    }
    Price price = currencies.price(p.price(), pp + ".price");
    if (!building()) {
      return null;
    }
    return new RecurringCharge(p.id(), p.name(), period, price, p.taxCategory(), p.glCode());
  }

  private OneTimeCharge oneTime(PriceJson p, String pp) {
    notApplicable(p.recurringChargePeriodType(), pp, "recurringChargePeriodType", "oneTime");
    usageFieldsAbsent(p, pp, "oneTime");
    OneTimeTrigger trigger = null;
    if (v.requireText(p.trigger(), pp + ".trigger")) {
      trigger = OneTimeTrigger.fromJson(p.trigger()).orElse(null);
      if (trigger == null) {
        error(
            INVALID_VALUE,
            pp + ".trigger",
            "trigger "
                + p.trigger()
                + " is not one of "
                + Arrays.stream(OneTimeTrigger.values()).map(OneTimeTrigger::jsonValue).toList());
      }
    }
    Price price = currencies.price(p.price(), pp + ".price");
    if (!building()) {
      return null;
    }
    return new OneTimeCharge(p.id(), p.name(), trigger, price, p.taxCategory(), p.glCode());
  }

  private void usageFieldsAbsent(PriceJson p, String pp, String type) {
    notApplicable(p.usageType(), pp, "usageType", type);
    notApplicable(p.increment(), pp, "increment", type);
    notApplicable(p.minimum(), pp, "minimum", type);
    notApplicable(p.unitSize(), pp, "unitSize", type);
    notApplicable(p.zones(), pp, "zones", type);
    notApplicable(p.timeBands(), pp, "timeBands", type);
    notApplicable(p.allowance(), pp, "allowance", type);
    notApplicable(p.rates(), pp, "rates", type);
  }

  private void glCode(String glCode, String path) {
    if (glCode == null || glCode.isBlank()) {
      error(MISSING_GL_CODE, path, "every charge needs a glCode (its revenue account)");
    }
  }
}
