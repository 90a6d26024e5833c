package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.BAND_GAP;
import static com.telco.billing.core.catalog.CatalogErrors.BAND_OVERLAP;
import static com.telco.billing.core.catalog.CatalogErrors.DISCOUNT_TARGET_REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_DAY;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_ID;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_RATE;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_TIME_BAND;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_USAGE_CHARGE;
import static com.telco.billing.core.catalog.CatalogErrors.DUPLICATE_ZONE;
import static com.telco.billing.core.catalog.CatalogErrors.EFFECTIVE_IN_PAST;
import static com.telco.billing.core.catalog.CatalogErrors.EFFECTIVE_NOT_AFTER_LATEST;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_DATE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_DATE_RANGE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_ID;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_INSTANT;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_PERCENTAGE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_PERIODS;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_TAX_RATE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_TIME;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_TIME_WINDOW;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_VALUE;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_GL_CODE;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_RATE;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_TAX_CATEGORY;
import static com.telco.billing.core.catalog.CatalogErrors.NEGATIVE_AMOUNT;
import static com.telco.billing.core.catalog.CatalogErrors.NEGATIVE_QUANTITY;
import static com.telco.billing.core.catalog.CatalogErrors.NOT_APPLICABLE;
import static com.telco.billing.core.catalog.CatalogErrors.NOT_POSITIVE;
import static com.telco.billing.core.catalog.CatalogErrors.OVERLAPPING_TAX_RATES;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_EMPTY;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_GAP;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_LAST_BOUNDED;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_NOT_FROM_ZERO;
import static com.telco.billing.core.catalog.CatalogErrors.TIER_OVERLAP;
import static com.telco.billing.core.catalog.CatalogErrors.UNDECLARED_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_CHARGE;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_TAX_CATEGORY;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_TIME_BAND;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_USAGE_TYPE;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_ZONE;
import static com.telco.billing.core.catalog.CatalogErrors.UNSUPPORTED_CURRENCY;
import static com.telco.billing.core.catalog.CatalogErrors.VERSION_EXISTS;

import com.telco.billing.core.account.AccountProfileDraft;
import com.telco.billing.core.catalog.CatalogDocument.DiscountJson;
import com.telco.billing.core.catalog.CatalogDocument.PriceJson;
import com.telco.billing.core.catalog.CatalogDocument.ProductOfferingJson;
import com.telco.billing.core.catalog.CatalogDocument.TaxRateJson;
import com.telco.billing.core.catalog.CatalogDocument.TierJson;
import com.telco.billing.core.catalog.CatalogDocument.TimeBandJson;
import com.telco.billing.core.catalog.CatalogDocument.TimeWindowJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageRateJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageTypeJson;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a {@link CatalogDocument} into a {@link CatalogVersion}, reporting every problem at once,
 * each as a {@link FieldError} with a stable code ({@link CatalogErrors}) and the JSON path of the
 * field (e.g. {@code $.productOfferings[2].prices[0].rates[1].tiers[1].from}). A rejected document
 * produces no version at all. The rules and codes are listed in docs/catalog.md.
 *
 * <p>docs/billing-rules.md, "Catalog", "Rating a usage record", "Tax" and "Money": every price has
 * an amount per currency of the version and none negative; usage charges have positive increments
 * and unit sizes, graduated tiers that cover every quantity exactly once, one price per (zone,
 * band) and bands that cover the week exactly once; every charge has a tax category with a rate and
 * a GL code; tax rates of one (jurisdiction, category) never overlap; discounts are a percentage in
 * (0, 100] for at least one period. {@link #validateAgainstHistory} adds the rules of publication:
 * a version id is used once, versions take effect in publication order, and only the first version
 * may take effect in the past.
 */
public final class CatalogValidator {

  /** Ids of versions, offerings, usage types and charges: 1..64 letters, digits, '.', '_', '-'. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The {@code endTime} of a window that lasts until the end of the day. */
  public static final String END_OF_DAY = "24:00";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_]+");

  private CatalogValidator() {}

  /** Checks every field of the document and returns the version or every problem found. */
  public static Validated<CatalogVersion> validate(CatalogDocument document) {
    return new Run().document(document);
  }

  /**
   * The problems of publishing {@code candidate} after the {@code published} versions at {@code
   * now}: its version id is already used ({@code version_exists}, at {@code $.version}); it takes
   * effect before {@code now} although it is not the first version ({@code effective_in_past}, at
   * {@code $.effectiveFrom}); it does not take effect strictly after the latest published version
   * ({@code effective_not_after_latest}, at {@code $.effectiveFrom}). Empty when it may be
   * published.
   */
  public static List<FieldError> validateAgainstHistory(
      CatalogVersion candidate, List<CatalogVersion> published, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (published.stream().anyMatch(p -> p.version().equals(candidate.version()))) {
      errors.add(
          new FieldError(
              VERSION_EXISTS,
              "$.version",
              "version " + candidate.version() + " is already published; versions never change"));
    }
    if (!published.isEmpty()) {
      Instant from = candidate.effectiveFrom();
      if (from.isBefore(now)) {
        errors.add(
            new FieldError(
                EFFECTIVE_IN_PAST,
                "$.effectiveFrom",
                "effectiveFrom "
                    + from
                    + " is in the past (now is "
                    + now
                    + "); only the first version may take effect in the past"));
      }
      CatalogVersion latest =
          published.stream()
              .max((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom()))
              .orElseThrow();
      if (!from.isAfter(latest.effectiveFrom())) {
        errors.add(
            new FieldError(
                EFFECTIVE_NOT_AFTER_LATEST,
                "$.effectiveFrom",
                "effectiveFrom "
                    + from
                    + " must be after "
                    + latest.effectiveFrom()
                    + ", when the latest version "
                    + latest.version()
                    + " takes effect"));
      }
    }
    return List.copyOf(errors);
  }

  /** One validation run: the errors found so far and what the document declared. */
  private static final class Run {
    private final Validator v = new Validator();

    /** Currency codes as declared (even invalid ones, to avoid follow-up noise); null if none. */
    private Set<String> declaredCodes;

    private final Map<String, Currency> currencies = new LinkedHashMap<>();
    private final Set<String> usageTypeIds = new HashSet<>();

    /** Categories that have a tax rate; null when the tax rates are missing. */
    private Set<String> taxCategories;

    private final Map<String, String> offeringIds = new HashMap<>();
    private final Map<String, String> chargeIds = new HashMap<>();

    Validated<CatalogVersion> document(CatalogDocument doc) {
      if (doc == null) {
        return Validated.invalid(
            List.of(new FieldError(REQUIRED, "$", "the catalog document is required")));
      }
      id(doc.version(), "$.version");
      Instant effectiveFrom = instant(doc.effectiveFrom(), "$.effectiveFrom");
      currencies(doc.currencies());
      List<UsageType> usageTypes = usageTypes(doc.usageTypes());
      TaxTable taxTable = taxTable(doc.taxRates());
      List<ProductOffering> offerings = offerings(doc.productOfferings());
      if (!v.isValid()) {
        return Validated.invalid(v.errors());
      }
      return Validated.valid(
          new CatalogVersion(
              doc.version(),
              effectiveFrom,
              doc.description(),
              List.copyOf(currencies.values()),
              usageTypes,
              taxTable,
              offerings));
    }

    // ---- top level ----

    private void currencies(List<String> codes) {
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

    private List<UsageType> usageTypes(List<UsageTypeJson> types) {
      List<UsageType> result = new ArrayList<>();
      if (types == null) {
        return result;
      }
      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < types.size(); i++) {
        String path = "$.usageTypes[" + i + "]";
        UsageTypeJson t = types.get(i);
        if (t == null) {
          error(REQUIRED, path, path + " must not be null");
          continue;
        }
        int mark = mark();
        if (id(t.id(), path + ".id")) {
          usageTypeIds.add(t.id());
          duplicate(seen, t.id(), path + ".id", "usage type");
        }
        UnitOfMeasure unit = null;
        if (v.requireText(t.unitOfMeasure(), path + ".unitOfMeasure")) {
          unit = UnitOfMeasure.fromJson(t.unitOfMeasure()).orElse(null);
          if (unit == null) {
            invalidValue(path + ".unitOfMeasure", t.unitOfMeasure(), UnitOfMeasure.values());
          }
        }
        if (clean(mark)) {
          result.add(new UsageType(t.id(), unit));
        }
      }
      return result;
    }

    private TaxTable taxTable(List<TaxRateJson> rates) {
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
            AccountProfileDraft.TAX_JURISDICTION,
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

    private List<ProductOffering> offerings(List<ProductOfferingJson> offerings) {
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

    // ---- offerings and charges ----

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
          taxCategory(p.taxCategory(), pp + ".taxCategory");
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
              UsageCharge c = usage(p, pp, usageTypePaths);
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
              discount(o.discounts().get(k), path + ".discounts[" + k + "]", recurringById);
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
      Price price = price(p.price(), pp + ".price");
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
      Price price = price(p.price(), pp + ".price");
      if (!building()) {
        return null;
      }
      return new OneTimeCharge(p.id(), p.name(), trigger, price, p.taxCategory(), p.glCode());
    }

    private UsageCharge usage(PriceJson p, String pp, Map<String, String> usageTypePaths) {
      notApplicable(p.recurringChargePeriodType(), pp, "recurringChargePeriodType", "usage");
      notApplicable(p.trigger(), pp, "trigger", "usage");
      notApplicable(p.price(), pp, "price", "usage");
      if (v.requireText(p.usageType(), pp + ".usageType")) {
        if (!usageTypeIds.contains(p.usageType())) {
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
      BandSchedule schedule = bandSchedule(p.timeBands(), pp + ".timeBands", bandIds);
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

    private Discount discount(DiscountJson d, String path, Map<String, PriceJson> recurringById) {
      if (d == null) {
        error(REQUIRED, path, path + " must not be null");
        return null;
      }
      if (id(d.id(), path + ".id")) {
        duplicate(chargeIds, d.id(), path + ".id", "charge id");
      }
      v.requireText(d.name(), path + ".name");
      if (d.percentage() == null) {
        error(REQUIRED, path + ".percentage", path + ".percentage is required");
      } else if (d.percentage().signum() <= 0 || d.percentage().compareTo(HUNDRED) > 0) {
        error(
            INVALID_PERCENTAGE,
            path + ".percentage",
            "percentage " + d.percentage().toPlainString() + " is not in (0, 100]");
      }
      if (d.periods() == null) {
        error(REQUIRED, path + ".periods", path + ".periods is required");
      } else if (d.periods() < 1) {
        error(INVALID_PERIODS, path + ".periods", "periods must be at least 1");
      }
      String target = d.appliesTo();
      if (target == null) {
        if (recurringById.size() == 1) {
          target = recurringById.keySet().iterator().next();
        } else {
          error(
              DISCOUNT_TARGET_REQUIRED,
              path + ".appliesTo",
              recurringById.isEmpty()
                  ? "the offering has no recurring charge to discount"
                  : "the offering has several recurring charges: appliesTo must name one of "
                      + recurringById.keySet());
        }
      } else if (!recurringById.containsKey(target)) {
        error(
            UNKNOWN_CHARGE,
            path + ".appliesTo",
            "no recurring charge " + target + " in this offering " + recurringById.keySet());
        target = null;
      }
      String glCode = d.glCode();
      if (glCode != null && glCode.isBlank()) {
        error(
            MISSING_GL_CODE,
            path + ".glCode",
            "glCode must not be blank; omit it to post to the recurring charge's glCode");
      }
      if (glCode == null && target != null) {
        glCode = recurringById.get(target).glCode();
      }
      if (!building() || target == null || glCode == null || glCode.isBlank()) {
        return null; // the target's own problems are reported on the target
      }
      return new Discount(d.id(), d.name(), d.percentage(), d.periods(), target, glCode);
    }

    // ---- usage details ----

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

    private BandSchedule bandSchedule(List<TimeBandJson> bands, String path, Set<String> ids) {
      if (bands == null || bands.isEmpty()) {
        return BandSchedule.NONE;
      }
      boolean windowsValid = true;
      List<WeekCoverage.Segment> segments = new ArrayList<>();
      Map<String, List<TimeWindow>> windowsById = new LinkedHashMap<>();
      for (int i = 0; i < bands.size(); i++) {
        String bp = path + "[" + i + "]";
        TimeBandJson band = bands.get(i);
        if (band == null) {
          error(REQUIRED, bp, bp + " must not be null");
          windowsValid = false;
          continue;
        }
        if (v.requireText(band.id(), bp + ".id") && !ids.add(band.id())) {
          error(DUPLICATE_TIME_BAND, bp + ".id", "time band " + band.id() + " is defined twice");
        }
        if (band.windows() == null || band.windows().isEmpty()) {
          error(REQUIRED, bp + ".windows", "a time band needs at least one window");
          windowsValid = false;
          continue;
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (int k = 0; k < band.windows().size(); k++) {
          String wp = bp + ".windows[" + k + "]";
          TimeWindow w = window(band.windows().get(k), wp);
          if (w == null) {
            windowsValid = false;
            continue;
          }
          windows.add(w);
          for (DayOfWeek day : w.days()) {
            segments.add(
                new WeekCoverage.Segment(day, w.startTime().toNanoOfDay(), w.endNanoOfDay(), wp));
          }
        }
        if (band.id() != null) {
          windowsById.putIfAbsent(band.id(), windows);
        }
      }
      if (windowsValid) {
        coverage(WeekCoverage.analyse(segments), path);
      }
      if (!building()) {
        return null;
      }
      List<TimeBand> result = new ArrayList<>();
      windowsById.forEach((id, windows) -> result.add(new TimeBand(id, windows)));
      return new BandSchedule(result);
    }

    private void coverage(WeekCoverage.Result result, String path) {
      Map<List<Long>, List<String>> gaps = new LinkedHashMap<>();
      for (WeekCoverage.Gap g : result.gaps()) {
        gaps.computeIfAbsent(List.of(g.start(), g.end()), k -> new ArrayList<>())
            .add(g.day().name());
      }
      gaps.forEach(
          (range, days) ->
              error(
                  BAND_GAP,
                  path,
                  "no time band covers "
                      + WeekCoverage.format(range.get(0))
                      + "-"
                      + WeekCoverage.format(range.get(1))
                      + " on "
                      + String.join(", ", days)));
      Map<List<String>, List<String>> overlaps = new LinkedHashMap<>();
      for (WeekCoverage.Overlap o : result.overlaps()) {
        overlaps
            .computeIfAbsent(List.of(o.first(), o.second()), k -> new ArrayList<>())
            .add(o.day().name());
      }
      overlaps.forEach(
          (pair, days) ->
              error(
                  BAND_OVERLAP,
                  pair.get(1),
                  "overlaps " + pair.get(0) + " on " + String.join(", ", days)));
    }

    private TimeWindow window(TimeWindowJson w, String path) {
      if (w == null) {
        error(REQUIRED, path, path + " must not be null");
        return null;
      }
      int mark = mark();
      List<DayOfWeek> days = new ArrayList<>();
      if (w.days() == null || w.days().isEmpty()) {
        error(REQUIRED, path + ".days", "a window needs at least one day");
      } else {
        for (int i = 0; i < w.days().size(); i++) {
          String dp = path + ".days[" + i + "]";
          String name = w.days().get(i);
          if (!v.requireText(name, dp)) {
            continue;
          }
          DayOfWeek day =
              Arrays.stream(DayOfWeek.values())
                  .filter(d -> d.name().equals(name))
                  .findFirst()
                  .orElse(null);
          if (day == null) {
            invalidValue(dp, name, DayOfWeek.values());
          } else if (days.contains(day)) {
            error(DUPLICATE_DAY, dp, day + " is listed twice");
          } else {
            days.add(day);
          }
        }
      }
      LocalTime start = time(w.startTime(), path + ".startTime", false);
      LocalTime end = time(w.endTime(), path + ".endTime", true);
      if (start != null && end != null) {
        if (end.equals(LocalTime.MIDNIGHT) && !END_OF_DAY.equals(w.endTime())) {
          error(
              INVALID_TIME_WINDOW,
              path + ".endTime",
              "endTime "
                  + w.endTime()
                  + " ends before it starts; use 24:00 for the end of the day");
        } else if (TimeWindow.endNanos(end) <= start.toNanoOfDay()) {
          error(
              INVALID_TIME_WINDOW,
              path + ".endTime",
              "endTime "
                  + w.endTime()
                  + " must be after startTime "
                  + w.startTime()
                  + " (a window never crosses midnight: split it in two)");
        }
      }
      return clean(mark) ? new TimeWindow(days, start, end) : null;
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
            Arrays.asList(
                zones.isEmpty() ? null : r.zone(), bandIds.isEmpty() ? null : r.timeBand());
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
        Price price = price(t.price(), tp + ".price");
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
            "the last tier must have no upTo, or quantities from "
                + last.upTo()
                + " have no price");
      }
      return building() ? result : null;
    }

    // ---- prices, tax, ledger ----

    private Price price(Map<String, BigDecimal> amounts, String path) {
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

    private void taxCategory(String category, String path) {
      if (category == null || category.isBlank()) {
        error(MISSING_TAX_CATEGORY, path, "every charge needs a taxCategory");
      } else if (taxCategories != null && !taxCategories.contains(category)) {
        error(
            UNKNOWN_TAX_CATEGORY, path, "tax category " + category + " has no rate in $.taxRates");
      }
    }

    private void glCode(String glCode, String path) {
      if (glCode == null || glCode.isBlank()) {
        error(MISSING_GL_CODE, path, "every charge needs a glCode (its revenue account)");
      }
    }

    // ---- primitives ----

    private boolean id(String value, String path) {
      if (!v.requireText(value, path)) {
        return false;
      }
      boolean valid = ID.matcher(value).matches();
      v.require(
          valid,
          INVALID_ID,
          path,
          "ids are 1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
      return valid;
    }

    private void duplicate(Map<String, String> seen, String id, String path, String what) {
      String first = seen.putIfAbsent(id, path);
      if (first != null) {
        error(DUPLICATE_ID, path, what + " " + id + " is already used at " + first);
      }
    }

    private Instant instant(String value, String path) {
      if (!v.requireText(value, path)) {
        return null;
      }
      Instant parsed;
      try {
        parsed = Instant.parse(value);
      } catch (DateTimeParseException e) {
        try {
          parsed = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e2) {
          error(INVALID_INSTANT, path, "not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
          return null;
        }
      }
      if (!PlausibleDates.isPlausible(parsed)) {
        error(INVALID_INSTANT, path, "instants must lie in the years 2000 to 2099");
        return null;
      }
      return parsed;
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

    private LocalTime time(String value, String path, boolean end) {
      if (!v.requireText(value, path)) {
        return null;
      }
      if (end && END_OF_DAY.equals(value)) {
        return LocalTime.MIDNIGHT;
      }
      try {
        return LocalTime.parse(value);
      } catch (DateTimeParseException e) {
        error(
            INVALID_TIME,
            path,
            "not a time such as 08:00 or 08:00:30" + (end ? " (or 24:00)" : ""));
        return null;
      }
    }

    /** The value when it is at least 1, else an error and -1. */
    private long positive(Long value, String path) {
      if (value == null) {
        error(REQUIRED, path, path + " is required");
        return -1;
      }
      if (value < 1) {
        error(NOT_POSITIVE, path, "must be at least 1, was " + value);
        return -1;
      }
      return value;
    }

    /** The value when it is at least 0, else an error and -1. */
    private long nonNegative(long value, String path) {
      if (value < 0) {
        error(NEGATIVE_QUANTITY, path, "must not be negative, was " + value);
        return -1;
      }
      return value;
    }

    private void notApplicable(Object value, String pp, String field, String type) {
      if (value != null) {
        error(NOT_APPLICABLE, pp + "." + field, field + " does not apply to a " + type + " price");
      }
    }

    private void invalidValue(String path, String value, Enum<?>[] allowed) {
      error(
          INVALID_VALUE,
          path,
          value
              + " is not one of "
              + Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
    }

    private static String key(String path, String key) {
      return PLAIN_KEY.matcher(key).matches()
          ? path + "." + key
          : path + "['" + key.replace("'", "\\'") + "']";
    }

    private void error(String code, String path, String message) {
      v.add(new FieldError(code, path, message));
    }

    private int mark() {
      return v.errors().size();
    }

    /**
     * Whether the document is still free of errors, so that its parts are built. Once any error is
     * found no version is built, so parts are not built either (they may miss pieces).
     */
    private boolean building() {
      return v.isValid();
    }

    private boolean clean(int mark) {
      return v.errors().size() == mark;
    }
  }
}
