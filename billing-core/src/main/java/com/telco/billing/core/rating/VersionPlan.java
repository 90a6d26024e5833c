package com.telco.billing.core.rating;

import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.catalog.UsageType;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CatalogVersion} compiled for rating: usage types, and usage charges by offering and
 * usage type, in hash maps instead of lists walked with streams.
 */
final class VersionPlan {
  final CatalogVersion version;
  final String versionId;
  final Instant effectiveFrom;
  private final Map<String, UsageType> usageTypes = new HashMap<>();
  private final Map<String, Map<String, ChargePlan>> charges = new HashMap<>();
  private final Currency[] currencies;

  VersionPlan(CatalogVersion version) {
    this.version = version;
    this.versionId = version.version();
    this.effectiveFrom = version.effectiveFrom();
    List<Currency> currencyList = version.currencies();
    this.currencies = currencyList.toArray(new Currency[0]);
    for (UsageType type : version.usageTypes()) {
      usageTypes.putIfAbsent(type.id(), type);
    }
    for (ProductOffering offering : version.productOfferings()) {
      Map<String, ChargePlan> byType = new HashMap<>();
      for (UsageCharge charge : offering.usageCharges()) {
        byType.put(charge.usageType(), new ChargePlan(charge, currencyList));
      }
      charges.putIfAbsent(offering.id(), byType);
    }
  }

  /** The declared usage type, or null. */
  UsageType usageType(String id) {
    return usageTypes.get(id);
  }

  /**
   * The usage charges of an offering by usage type, or null if the version has no such offering.
   */
  Map<String, ChargePlan> chargesOf(String offeringId) {
    return charges.get(offeringId);
  }

  /** The index of the currency's price list, or -1 when the version does not price in it. */
  int currencyIndex(Currency currency) {
    for (int i = 0; i < currencies.length; i++) {
      if (currencies[i].equals(currency)) {
        return i;
      }
    }
    return -1;
  }
}
