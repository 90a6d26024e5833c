package com.telco.billing.core.invoice;

/**
 * What an invoice line charges (docs/billing-rules.md, "Invoices": type (recurring, one-time,
 * usage, late usage, discount, adjustment, tax)). Tax is not a line type here: it is carried by the
 * draft's {@link TaxItem}s, one per rate.
 *
 * <p>Credits for termination, plan change or suspension keep the type of the line they credit
 * ({@link #RECURRING} with a negative amount, {@link #DISCOUNT} with a positive amount) and have
 * {@link InvoiceLine#credit()} set. {@link #ADJUSTMENT} is never produced by the calculator: it is
 * reserved for manual adjustments added by the caller.
 */
public enum LineType {
  /** A recurring charge billed in advance (or a partial first period, or its credit). */
  RECURRING,
  /** A one-time charge, billed on the first invoice whose cycle date is after its trigger date. */
  ONE_TIME,
  /** Usage of the closed period, aggregated per subscription, usage type, zone and band. */
  USAGE,
  /** Usage of an earlier period that arrived after that period's invoice. */
  LATE_USAGE,
  /** A discount on a recurring line (negative), or its credit (positive). */
  DISCOUNT,
  /** A manual adjustment; never produced by {@link InvoiceCalculator}. */
  ADJUSTMENT
}
