package com.telco.billing.core.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The period of a recurring charge. docs/billing-rules.md, "Catalog": recurring charges are an
 * amount per month, billed in advance; the month is the account's bill period.
 */
public enum ChargePeriod {
  MONTH("month");

  private final String json;

  ChargePeriod(String json) {
    this.json = json;
  }

  /** The value used in catalog documents ({@code recurringChargePeriodType}). */
  public String jsonValue() {
    return json;
  }

  /** The period named as in the catalog document ({@code "month"}), if any. */
  public static Optional<ChargePeriod> fromJson(String value) {
    return Arrays.stream(values()).filter(p -> p.json.equals(value)).findFirst();
  }
}
