package com.telco.billing.core.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A direct debit collection of one invoice, as the account scheduled it (its file instruction is
 * rebuilt from it, identical, as often as asked).
 *
 * @param sequenceType {@code FRST} for the mandate's first collection, else {@code RCUR}
 * @param iban the debtor's IBAN under the mandate (the instruction needs it in full)
 * @param debtorName the name on the mandate, or {@code null} for the account's name
 */
public record DirectDebitRef(
    String invoiceNumber,
    String paymentId,
    String endToEndId,
    LocalDate collectionDate,
    BigDecimal amount,
    String mandateId,
    String sequenceType,
    String iban,
    String bic,
    LocalDate mandateSignedOn,
    String debtorName) {

  /** Never the IBAN in full. */
  @Override
  public String toString() {
    return "DirectDebitRef[" + invoiceNumber + " " + endToEndId + " " + Iban.mask(iban) + "]";
  }
}
