package com.telco.billing.core.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an invoice (docs/billing-rules.md, "Invoices": Each line says what it charges: type,
 * description, service period, quantity, unit price where there is one, net amount, tax category;
 * usage lines are aggregated per subscription, usage type, zone and band, with the record count).
 * Flat, so it serializes as it is. Equality is numeric for the decimals.
 *
 * @param type what the line charges
 * @param description the text printed on the invoice
 * @param subscriptionId the subscription charged, or {@code null} for an account-level line
 * @param offeringId the product offering, or {@code null} when not unique (usage of a period with a
 *     plan change)
 * @param chargeId the catalog charge (recurring, one-time or usage charge id) or discount id
 * @param catalogVersion the catalog version the price was taken from, or {@code null} when several
 *     versions priced the aggregated usage
 * @param servicePeriodStart first date of the service period charged
 * @param servicePeriodEnd first date after the service period charged (exclusive)
 * @param quantity the quantity: days for a prorated recurring line, 1 for a full month or a
 *     one-time charge, base units for usage; {@code null} for discounts
 * @param unit the unit of {@code quantity} ({@code month}, {@code day}, {@code each}, or the usage
 *     type's base unit {@code SECOND}, {@code EVENT}, {@code BYTE}), or {@code null}
 * @param unitPrice the catalog price per unit where there is one (a full month, a one-time charge),
 *     else {@code null}
 * @param amount the net amount, rounded HALF_UP to the currency's minor units once
 * @param taxCategory the tax category keying the tax rate
 * @param glCode the general ledger revenue account
 * @param usageType usage lines: the usage type, else {@code null}
 * @param zone usage lines: the zone, or {@code null}
 * @param band usage lines: the time band, or {@code null}
 * @param records usage lines: the number of rated records, else {@code null}
 * @param originalPeriodStart late usage: the first date of the period the usage belongs to, else
 *     {@code null}
 * @param credit true when the line credits (with opposite sign) days charged on an earlier invoice
 */
public record InvoiceLine(
    LineType type,
    String description,
    String subscriptionId,
    String offeringId,
    String chargeId,
    String catalogVersion,
    LocalDate servicePeriodStart,
    LocalDate servicePeriodEnd,
    BigDecimal quantity,
    String unit,
    BigDecimal unitPrice,
    BigDecimal amount,
    String taxCategory,
    String glCode,
    String usageType,
    String zone,
    String band,
    Long records,
    LocalDate originalPeriodStart,
    boolean credit) {

  public InvoiceLine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(chargeId, "chargeId");
    Objects.requireNonNull(servicePeriodStart, "servicePeriodStart");
    Objects.requireNonNull(servicePeriodEnd, "servicePeriodEnd");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(glCode, "glCode");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvoiceLine other
        && type == other.type
        && description.equals(other.description)
        && Objects.equals(subscriptionId, other.subscriptionId)
        && Objects.equals(offeringId, other.offeringId)
        && chargeId.equals(other.chargeId)
        && Objects.equals(catalogVersion, other.catalogVersion)
        && servicePeriodStart.equals(other.servicePeriodStart)
        && servicePeriodEnd.equals(other.servicePeriodEnd)
        && Amounts.same(quantity, other.quantity)
        && Objects.equals(unit, other.unit)
        && Amounts.same(unitPrice, other.unitPrice)
        && Amounts.same(amount, other.amount)
        && taxCategory.equals(other.taxCategory)
        && glCode.equals(other.glCode)
        && Objects.equals(usageType, other.usageType)
        && Objects.equals(zone, other.zone)
        && Objects.equals(band, other.band)
        && Objects.equals(records, other.records)
        && Objects.equals(originalPeriodStart, other.originalPeriodStart)
        && credit == other.credit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        type,
        subscriptionId,
        chargeId,
        servicePeriodStart,
        servicePeriodEnd,
        Amounts.hash(amount),
        usageType,
        zone,
        band,
        credit);
  }
}
