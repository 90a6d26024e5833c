package com.telco.billing.protocol.invoice;

/**
 * The lifecycle state of an issued invoice as its event records it: {@code ISSUED} with a due date.
 * The TMF678 CustomerBill {@code state} served is not this one but where the invoice stands in
 * accounts receivable ({@link InvoiceSettlement#state()}: sent, partiallyPaid, settled, onHold).
 */
public enum InvoiceState {
  ISSUED
}
