package com.telco.billing.core.rerating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The difference re-rating found for records of an invoiced period, billed on the next invoice as
 * an adjustment line (docs/rerating.md): a debit when the records now cost more, a credit when they
 * cost less.
 *
 * @param adjustmentId unique per account; the line's charge id
 * @param periodStart the start of the records' bill period
 * @param subscriptionId the records' subscription
 * @param usageType the records' usage type
 * @param versionBefore the catalog version that rated them before
 * @param versionAfter the catalog version that rated them again
 * @param recordIds the records, in journal order
 * @param amount the difference, rounded HALF_UP to the currency's minor units, never zero
 * @param taxCategory the tax category of the charge the line stands for
 * @param glCode the general-ledger account of that charge
 * @param description the line's text: period, usage type, subscription, both versions, records
 */
public record RerateAdjustment(
    String adjustmentId,
    LocalDate periodStart,
    String subscriptionId,
    String usageType,
    String versionBefore,
    String versionAfter,
    List<String> recordIds,
    BigDecimal amount,
    String taxCategory,
    String glCode,
    String description) {

  public RerateAdjustment {
    Objects.requireNonNull(adjustmentId, "adjustmentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(glCode, "glCode");
    Objects.requireNonNull(description, "description");
    recordIds = List.copyOf(recordIds);
    if (amount.signum() == 0) {
      throw new IllegalArgumentException("an adjustment of zero");
    }
  }
}
