package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.DISCOUNT_TARGET_REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_PERCENTAGE;
import static com.telco.billing.core.catalog.CatalogErrors.INVALID_PERIODS;
import static com.telco.billing.core.catalog.CatalogErrors.MISSING_GL_CODE;
import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;
import static com.telco.billing.core.catalog.CatalogErrors.UNKNOWN_CHARGE;

import com.telco.billing.core.catalog.CatalogDocument.DiscountJson;
import com.telco.billing.core.catalog.CatalogDocument.PriceJson;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.util.Map;

/**
 * An offering's discounts ({@code $.productOfferings[].discounts}, docs/catalog.md, "{@code
 * discounts[]}"). docs/billing-rules.md, "Recurring and one-time charges; proration", "Discounts":
 * a discount is a percentage in (0, 100] off one recurring charge of its offering for at least one
 * bill period; it posts to its own GL code or its recurring charge's.
 */
final class DiscountSection extends CatalogSection {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Charge and discount ids of the document so far, with their paths: one namespace. */
  private final Map<String, String> chargeIds;

  DiscountSection(Validator v, Map<String, String> chargeIds) {
    super(v);
    this.chargeIds = chargeIds;
  }

  /**
   * The discount at {@code path}, or null when the document has errors.
   *
   * @param recurringById the offering's recurring prices by id, the discount's possible targets
   */
  Discount discount(DiscountJson d, String path, Map<String, PriceJson> recurringById) {
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
}
