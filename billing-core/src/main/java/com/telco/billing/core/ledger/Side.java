package com.telco.billing.core.ledger;

/** The side of a posting line (docs/billing-rules.md, "Ledger"). */
public enum Side {
  DEBIT,
  CREDIT
}
