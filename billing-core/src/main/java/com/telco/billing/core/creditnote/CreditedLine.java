package com.telco.billing.core.creditnote;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a credit note: what it credits of one invoice line.
 *
 * @param line the invoice line's position, from 1
 * @param description the invoice line's description
 * @param taxCategory the invoice line's tax category
 * @param quantity the quantity credited, or {@code null} when credited by amount
 * @param amount the net amount credited, positive, in the currency's minor units
 */
public record CreditedLine(
    int line, String description, String taxCategory, BigDecimal quantity, BigDecimal amount) {
  public CreditedLine {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(taxCategory, "taxCategory");
    Objects.requireNonNull(amount, "amount");
    if (line < 1) {
      throw new IllegalArgumentException("line < 1: " + line);
    }
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a credited amount is positive");
    }
  }
}
