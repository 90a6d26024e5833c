package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Part of a money event that concerns one invoice: allocated to it, reopened on it, written off.
 *
 * @param invoiceNumber the invoice
 * @param amount above zero
 */
public record InvoiceAmount(String invoiceNumber, BigDecimal amount) {
  public InvoiceAmount {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("an invoice amount is above zero: " + invoiceNumber);
    }
  }
}
