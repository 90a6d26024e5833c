package com.telco.billing.core.ledger;

/**
 * The money event a posting records: one row of the posting table (docs/billing-rules.md,
 * "Ledger").
 */
public enum PostingKind {
  INVOICE_ISSUED,
  REVENUE_RECOGNISED,
  PAYMENT_RECEIVED,
  CREDIT_APPLIED,
  REFUND,
  CHARGEBACK,
  /** A direct debit returned by the bank: booked as a refund. */
  BANK_RETURN,
  CHARGEBACK_WON,
  CREDIT_NOTE,
  WRITE_OFF
}
