package com.telco.billing.core.receivable;

/**
 * The state of an issued invoice as an open item of accounts receivable (docs/billing-rules.md,
 * Payments), named as TMF678's {@code CustomerBillStateType}.
 */
public enum ItemState {
  /** Nothing allocated to it yet. */
  SENT("sent"),
  /** Something allocated: {@code 0 < remaining < total}. */
  PARTIALLY_PAID("partiallyPaid"),
  /** Remaining zero. */
  SETTLED("settled"),
  /** Disputed: owed but not chased (the disputes of the corrections work). */
  ON_HOLD("onHold");

  private final String tmfName;

  ItemState(String tmfName) {
    this.tmfName = tmfName;
  }

  /** The TMF678 name, e.g. {@code partiallyPaid}. */
  public String tmfName() {
    return tmfName;
  }
}
