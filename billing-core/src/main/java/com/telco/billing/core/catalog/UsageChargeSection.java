package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_RATE;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_USAGE_CHARGE;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_ZONE;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_RATE;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_EMPTY;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_GAP;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_LAST_BOUNDED;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_NOT_FROM_ZERO;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_OVERLAP;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_TIME_BAND;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_USAGE_TYPE;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_ZONE;

import com.telco.billing.core.catalog.CatalogDocument.PriceJson;
import com.telco.billing.core.catalog.CatalogDocument.TierJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageRateJson;
import com.telco.billing.core.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A usage charge: its usage type, rounding, zones, allowance, rates and tiers (docs/catalog.md,
 * "{@code prices[]}: every charge"). docs/billing-rules.md, "Rating a usage record": steps 2 to 6
 * need a declared usage type, a positive increment and unit size, a non-negative minimum and
 * allowance, one rate per (zone, time band) and graduated tiers from 0 that cover every quantity
 * exactly once, the last one unbounded. One usage charge per usage type and offering.
 */
final class UsageChargeSection extends CatalogSection {
  private final UsageTypeSection usageTypes;
  private final TimeBandSection timeBands;
  private final CurrencySection currencies;

  UsageChargeSection(
      Validator v,
      UsageTypeSection usageTypes,
      TimeBandSection timeBands,
      CurrencySection currencies) {
    super(v);
    this.usageTypes = usageTypes;
    this.timeBands = timeBands;
    this.currencies = currencies;
  }

  /**
   * The usage charge of the price at {@code pp}, or null when the document has errors.
   *
   * @param usageTypePaths the usage types the offering's earlier usage charges rate, with their
   *     paths
   */
  UsageCharge usage(PriceJson p, String pp, Map<String, String> usageTypePaths) {
    notApplicable(p.recurringChargePeriodType(), pp, "recurringChargePeriodType", "usage");
    notApplicable(p.trigger(), pp, "trigger", "usage");
    notApplicable(p.price(), pp, "price", "usage");
    if (v.requireText(p.usageType(), pp + ".usageType")) {
      if (!usageTypes.declares(p.usageType())) {
        error(
            UNKNOWN_USAGE_TYPE,
            pp + ".usageType",
            "usage type " + p.usageType() + " is not declared in $.usageTypes");
      }
      String first = usageTypePaths.putIfAbsent(p.usageType(), pp);
      if (first != null) {
        error(
            DUPLICATE_USAGE_CHARGE,
            pp + ".usageType",
            "the offering already rates " + p.usageType() + " at " + first);
      }
    }
    long increment = positive(p.increment(), pp + ".increment");
    long unitSize = positive(p.unitSize(), pp + ".unitSize");
    long minimum = 0;
    if (p.minimum() != null) {
      minimum = nonNegative(p.minimum(), pp + ".minimum");
    }
    List<String> zones = zones(p.zones(), pp + ".zones");
    Set<String> bandIds = new LinkedHashSet<>();
    BandSchedule schedule = timeBands.bandSchedule(p.timeBands(), pp + ".timeBands", bandIds);
    Allowance allowance = Allowance.NONE;
    if (p.allowance() != null) {
      String ap = pp + ".allowance.quantity";
      if (p.allowance().quantity() == null) {
        error(REQUIRED, ap, ap + " is required");
      } else if (nonNegative(p.allowance().quantity(), ap) >= 0) {
        allowance = new Allowance(p.allowance().quantity());
      }
    }
    List<UsageRate> rates = rates(p.rates(), pp + ".rates", zones, bandIds);
    if (!building()) {
      return null;
    }
    return new UsageCharge(
        p.id(),
        p.name(),
        p.usageType(),
        increment,
        minimum,
        unitSize,
        zones,
        schedule,
        allowance,
        rates,
        p.taxCategory(),
        p.glCode());
  }

  private List<String> zones(List<String> zones, String path) {
    List<String> result = new ArrayList<>();
    if (zones == null) {
      return result;
    }
    for (int i = 0; i < zones.size(); i++) {
      String zp = path + "[" + i + "]";
      String zone = zones.get(i);
      if (!v.requireText(zone, zp)) {
        continue;
      }
      if (result.contains(zone)) {
        error(DUPLICATE_ZONE, zp, "zone " + zone + " is listed twice");
      } else {
        result.add(zone);
      }
    }
    return result;
  }

  private List<UsageRate> rates(
      List<UsageRateJson> rates, String path, List<String> zones, Set<String> bandIds) {
    if (rates == null || rates.isEmpty()) {
      error(REQUIRED, path, "a usage charge needs at least one rate");
      return null;
    }
    List<UsageRate> result = new ArrayList<>();
    Map<List<String>, String> seen = new HashMap<>();
    for (int i = 0; i < rates.size(); i++) {
      String rp = path + "[" + i + "]";
      UsageRateJson r = rates.get(i);
      if (r == null) {
        error(REQUIRED, rp, rp + " must not be null");
        continue;
      }
      selector(r.zone(), rp + ".zone", zones, UNKNOWN_ZONE, "zone", "zones");
      selector(r.timeBand(), rp + ".timeBand", bandIds, UNKNOWN_TIME_BAND, "timeBand", "bands");
      // a charge without zones (bands) ignores a zone (band) named anyway: reported once above
      List<String> key =
          Arrays.asList(zones.isEmpty() ? null : r.zone(), bandIds.isEmpty() ? null : r.timeBand());
      String first = seen.putIfAbsent(key, rp);
      if (first != null) {
        error(DUPLICATE_RATE, rp, "the rate for " + describe(key) + " is already at " + first);
      }
      List<Tier> tiers = tiers(r.tiers(), rp + ".tiers");
      if (building()) {
        result.add(new UsageRate(r.zone(), r.timeBand(), tiers));
      }
    }
    List<String> zoneKeys = zones.isEmpty() ? Arrays.asList((String) null) : zones;
    List<String> bandKeys =
        bandIds.isEmpty() ? Arrays.asList((String) null) : new ArrayList<>(bandIds);
    for (String z : zoneKeys) {
      for (String b : bandKeys) {
        List<String> key = Arrays.asList(z, b);
        if (!seen.containsKey(key)) {
          error(MISSING_RATE, path, "no rate for " + describe(key));
        }
      }
    }
    return building() ? result : null;
  }

  private void selector(
      String value,
      String path,
      Collection<String> declared,
      String unknownCode,
      String field,
      String plural) {
    if (declared.isEmpty()) {
      if (value != null) {
        error(unknownCode, path, "the charge has no " + plural + ", so a rate names no " + field);
      }
    } else if (value == null) {
      error(REQUIRED, path, field + " is required: the charge has " + plural + " " + declared);
    } else if (!declared.contains(value)) {
      error(unknownCode, path, field + " " + value + " is not one of " + declared);
    }
  }

  private static String describe(List<String> zoneAndBand) {
    String zone = zoneAndBand.get(0);
    String band = zoneAndBand.get(1);
    if (zone == null && band == null) {
      return "the charge";
    }
    if (band == null) {
      return "zone " + zone;
    }
    return zone == null ? "time band " + band : "zone " + zone + ", time band " + band;
  }

  private List<Tier> tiers(List<TierJson> tiers, String path) {
    if (tiers == null || tiers.isEmpty()) {
      error(REQUIRED, path, "a rate needs at least one tier");
      return null;
    }
    List<Tier> result = new ArrayList<>();
    boolean previousKnown = false;
    Long previousUpTo = null;
    for (int j = 0; j < tiers.size(); j++) {
      String tp = path + "[" + j + "]";
      TierJson t = tiers.get(j);
      if (t == null) {
        error(REQUIRED, tp, tp + " must not be null");
        previousKnown = false;
        continue;
      }
      Long from = t.from();
      Long upTo = t.upTo();
      boolean fromValid = false;
      if (from == null) {
        error(REQUIRED, tp + ".from", tp + ".from is required");
      } else {
        fromValid = nonNegative(from, tp + ".from") >= 0;
      }
      boolean upToValid = upTo == null || nonNegative(upTo, tp + ".upTo") >= 0;
      if (fromValid && upTo != null && upToValid && upTo <= from) {
        error(TIER_EMPTY, tp + ".upTo", "upTo " + upTo + " must be greater than from " + from);
        upToValid = false; // the next tier's start cannot be judged against it
      }
      if (fromValid) {
        if (j == 0) {
          if (from != 0) {
            error(TIER_NOT_FROM_ZERO, tp + ".from", "the first tier must start at 0");
          }
        } else if (previousKnown) {
          if (previousUpTo == null) {
            error(
                TIER_OVERLAP,
                tp + ".from",
                "the previous tier has no upTo, so it already covers everything from its start");
          } else if (from > previousUpTo) {
            error(
                TIER_GAP,
                tp + ".from",
                "quantities " + previousUpTo + " to " + from + " fall in no tier");
          } else if (from < previousUpTo) {
            error(
                TIER_OVERLAP,
                tp + ".from",
                "starts at " + from + ", before the previous tier ends at " + previousUpTo);
          }
        }
      }
      previousKnown = upToValid;
      previousUpTo = upTo;
      Price price = currencies.price(t.price(), tp + ".price");
      if (building()) {
        result.add(new Tier(from, upTo, price));
      }
    }
    TierJson last = tiers.get(tiers.size() - 1);
    if (last != null && last.upTo() != null) {
      String lp = path + "[" + (tiers.size() - 1) + "].upTo";
      error(
          TIER_LAST_BOUNDED,
          lp,
          "the last tier must have no upTo, or quantities from " + last.upTo() + " have no price");
    }
    return building() ? result : null;
  }
}
