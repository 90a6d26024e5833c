package com.telco.billing.core.catalog;

import static com.telco.billing.core.catalog.CatalogErrors.REQUIRED;

import com.telco.billing.core.catalog.CatalogDocument.UsageTypeJson;
import com.telco.billing.core.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usage types and their units of measure ({@code $.usageTypes}, docs/catalog.md, "{@code
 * usageTypes[]}"). docs/billing-rules.md, "Catalog" and "Records that are refused or held": usage
 * charges rate declared usage types only, each counted in one base unit.
 */
final class UsageTypeSection extends CatalogSection {
  private final Set<String> usageTypeIds = new HashSet<>();

  UsageTypeSection(Validator v) {
    super(v);
  }

  /** Whether {@code id} is declared in {@code $.usageTypes} (valid or not otherwise). */
  boolean declares(String id) {
    return usageTypeIds.contains(id);
  }

  List<UsageType> usageTypes(List<UsageTypeJson> types) {
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
}
