package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.CORRECTION_NOT_PAST;
import static com.telco.billing.core.catalog.CatalogErrors.CORRECTION_NOT_PRICES_ONLY;
import static com.telco.billing.core.catalog.CatalogErrors.CORRECTION_WITHOUT_VERSION;
import static com.telco.billing.core.catalog.CatalogErrors.EFFECTIVE_IN_PAST;
import static com.telco.billing.core.catalog.CatalogErrors.EFFECTIVE_NOT_AFTER_LATEST;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.VERSION_EXISTS;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
 * may take effect in the past; a correction version corrects a past interval that a published
 * version covers.
 *
 * <p>Every string of the document obeys the text rules first ({@link CatalogText}: no malformed
 * text, control characters or card numbers); a document that breaks one is refused with those
 * errors alone.
 *
 * <p>This class composes one validator per document section, each citing the rules it applies:
 * {@link HeaderSection} (version id, effective date), {@link CurrencySection} (currencies and the
 * amounts of every price), {@link UsageTypeSection}, {@link TaxRateSection} (the tax table and each
 * charge's tax category), {@link OfferingSection} (offerings, recurring and one-time prices),
 * {@link UsageChargeSection} (usage prices: rounding, zones, allowance, rates, tiers), {@link
 * TimeBandSection} and {@link DiscountSection}. They report into one {@link Validator}, in document
 * order.
 */
public final class CatalogValidator {

  /** Ids of versions, offerings, usage types and charges: 1..64 letters, digits, '.', '_', '-'. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The {@code endTime} of a window that lasts until the end of the day. */
  public static final String END_OF_DAY = "24:00";

  private CatalogValidator() {}

  /** Checks every field of the document and returns the version or every problem found. */
  public static Validated<CatalogVersion> validate(CatalogDocument doc) {
    if (doc == null) {
      return Validated.invalid(
          List.of(new FieldError(REQUIRED, "$", "the catalog document is required")));
    }
    Validator v = new Validator();
    // like the HTTP edge: text that breaks a text rule is refused before anything is read from it
    CatalogText.check(v, doc);
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    CurrencySection currencies = new CurrencySection(v);
    UsageTypeSection usageTypeSection = new UsageTypeSection(v);
    TaxRateSection taxRates = new TaxRateSection(v);
    OfferingSection offeringSection =
        new OfferingSection(
            v,
            currencies,
            taxRates,
            new UsageChargeSection(v, usageTypeSection, new TimeBandSection(v), currencies));
    // in document order, so that errors are reported in it
    HeaderSection header = new HeaderSection(v);
    Instant effectiveFrom = header.effectiveFrom(doc);
    CatalogCorrection correction = header.correction(doc.correction(), effectiveFrom);
    currencies.currencies(doc.currencies());
    List<UsageType> usageTypes = usageTypeSection.usageTypes(doc.usageTypes());
    TaxTable taxTable = taxRates.taxTable(doc.taxRates());
    List<ProductOffering> offerings = offeringSection.offerings(doc.productOfferings());
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new CatalogVersion(
            doc.version(),
            effectiveFrom,
            doc.description(),
            currencies.declared(),
            usageTypes,
            taxTable,
            offerings,
            correction));
  }

  /**
   * The problems of publishing {@code candidate} after the {@code published} versions (ordinary and
   * corrections) at {@code now}. Every version: its version id is already used ({@code
   * version_exists}, at {@code $.version}). An ordinary version, checked against the ordinary
   * versions only: it takes effect before {@code now} although it is not the first version ({@code
   * effective_in_past}, at {@code $.effectiveFrom}); it does not take effect strictly after the
   * latest published version ({@code effective_not_after_latest}, at {@code $.effectiveFrom}). A
   * correction version (docs/catalog.md, "Correction versions"): no ordinary version takes effect
   * at or before its {@code effectiveFrom} ({@code correction_without_version}, at {@code
   * $.effectiveFrom}); its interval ends after {@code now}, so it is not of the past ({@code
   * correction_not_past}, at {@code $.correction.effectiveUntil}). Empty when it may be published.
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
    List<CatalogVersion> ordinary = published.stream().filter(p -> !p.isCorrection()).toList();
    if (candidate.isCorrection()) {
      errors.addAll(correctionProblems(candidate, ordinary, now));
    } else {
      errors.addAll(ordinaryProblems(candidate, ordinary, now));
    }
    return List.copyOf(errors);
  }

  private static List<FieldError> ordinaryProblems(
      CatalogVersion candidate, List<CatalogVersion> ordinary, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (ordinary.isEmpty()) {
      return errors;
    }
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
        ordinary.stream()
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
    return errors;
  }

  private static List<FieldError> correctionProblems(
      CatalogVersion candidate, List<CatalogVersion> ordinary, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    Instant from = candidate.effectiveFrom();
    if (ordinary.stream().noneMatch(p -> !p.effectiveFrom().isAfter(from))) {
      errors.add(
          new FieldError(
              CORRECTION_WITHOUT_VERSION,
              "$.effectiveFrom",
              "no published version is in effect at "
                  + from
                  + "; a correction replaces the prices of a version in effect"));
    }
    Instant until = candidate.correction().effectiveUntil();
    if (until.isAfter(now)) {
      errors.add(
          new FieldError(
              CORRECTION_NOT_PAST,
              "$.correction.effectiveUntil",
              "effectiveUntil "
                  + until
                  + " is after now ("
                  + now
                  + "); a correction is of a past interval"));
    }
    // only prices may differ: invoices find charges, tax categories and GL codes in the ordinary
    // versions, and records rated before keep their usage type and unit
    List<CatalogVersion> sorted =
        ordinary.stream().sorted((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom())).toList();
    Set<String> shape = shapeOf(candidate);
    for (int i = 0; i < sorted.size(); i++) {
      CatalogVersion v = sorted.get(i);
      Instant end = i + 1 < sorted.size() ? sorted.get(i + 1).effectiveFrom() : Instant.MAX;
      boolean overlaps = v.effectiveFrom().isBefore(until) && end.isAfter(from);
      if (overlaps && !shapeOf(v).equals(shape)) {
        errors.add(
            new FieldError(
                CORRECTION_NOT_PRICES_ONLY,
                "$.productOfferings",
                "a correction changes prices only: its usage types, offerings and usage charges"
                    + " (ids, usage types, tax categories, GL codes) must be those of version "
                    + v.version()
                    + ", in effect in its interval"));
        break;
      }
    }
    return errors;
  }

  /** What a correction must keep of the versions it corrects: everything but the prices. */
  private static Set<String> shapeOf(CatalogVersion v) {
    Set<String> shape = new TreeSet<>();
    v.usageTypes().forEach(t -> shape.add("type|" + t.id() + "|" + t.unitOfMeasure()));
    for (ProductOffering o : v.productOfferings()) {
      shape.add("offering|" + o.id());
      for (UsageCharge c : o.usageCharges()) {
        shape.add(
            String.join(
                "|",
                "usage",
                o.id(),
                c.id(),
                c.usageType(),
                c.taxCategory(),
                String.valueOf(c.glCode())));
      }
    }
    return shape;
  }
}
