package com.telco.billing.protocol.invoice;

/**
 * The state of an invoice. Invoices start {@code ISSUED} with a due date; payments (a later
 * feature) move them on. TMF678 CustomerBill {@code state}: {@code issued} maps to TMF's {@code
 * new}/{@code sent} family and is shown as {@code issued}.
 */
public enum InvoiceState {
  ISSUED
}
