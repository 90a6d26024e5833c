package com.telco.billing.core.catalog;

import java.util.Objects;

/**
 * A recurring charge of an offering: an amount per month, billed in advance.
 *
 * <p>docs/billing-rules.md, "Catalog" and "Recurring and one-time charges; proration": at cycle
 * date {@code D_k} the invoice charges {@code [D_k, D_k+1)} in advance; partial periods are
 * prorated daily; the rating uses the version in effect on the first day of the charged service
 * period. "Ledger": the net line is posted to {@code glCode}; "Tax": it is taxed by {@code
 * taxCategory}.
 *
 * @param id the charge id, unique in its catalog version
 * @param name what the invoice line says
 * @param period the charge period (always {@link ChargePeriod#MONTH})
 * @param price the amount per period, per currency
 * @param taxCategory the tax category keying the tax rate
 * @param glCode the revenue account of the general ledger
 */
public record RecurringCharge(
    String id, String name, ChargePeriod period, Price price, String taxCategory, String glCode) {
  public RecurringCharge {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(glCode, "glCode");
  }
}
