package com.telco.billing.core.catalog;

import java.util.Objects;

/**
 * A one-time charge of an offering, due when its trigger happens (e.g. an activation fee).
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": billed on the first
 * invoice whose cycle date is after the trigger date. "Ledger": posted to {@code glCode}; "Tax":
 * taxed by {@code taxCategory}.
 *
 * @param id the charge id, unique in its catalog version
 * @param name what the invoice line says
 * @param trigger the lifecycle event that makes it due
 * @param price the amount, per currency
 * @param taxCategory the tax category keying the tax rate
 * @param glCode the revenue account of the general ledger
 */
public record OneTimeCharge(
    String id,
    String name,
    OneTimeTrigger trigger,
    Price price,
    String taxCategory,
    String glCode) {
  public OneTimeCharge {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(glCode, "glCode");
  }
}
