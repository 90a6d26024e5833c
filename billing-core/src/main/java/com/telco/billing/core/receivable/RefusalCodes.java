package com.telco.billing.core.receivable;

/** The stable codes of the receivables rules' refusals. */
public final class RefusalCodes {
  private RefusalCodes() {}

  public static final String CURRENCY_MISMATCH = "currency_mismatch";
  public static final String AMOUNT_NOT_POSITIVE = "amount_not_positive";
  public static final String AMOUNT_PRECISION = "amount_precision";
  public static final String PAYMENT_NOT_FOUND = "payment_not_found";
  public static final String REFUND_EXCEEDS_PAYMENT = "refund_exceeds_payment";
  public static final String INVOICE_NOT_FOUND = "invoice_not_found";
  public static final String INVOICE_NOT_OPEN = "invoice_not_open";
  public static final String DISPUTE_EXCEEDS_REMAINING = "dispute_exceeds_remaining";
  public static final String DISPUTE_NOT_FOUND = "dispute_not_found";
  public static final String DISPUTE_RESOLVED = "dispute_resolved";
}
