package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One SEPA direct debit an account scheduled for an invoice: everything a pain.008 transaction
 * needs. The debtor's IBAN is here in full (the file needs it); it is never logged and masked in
 * every response.
 *
 * @param endToEndId unique per collection, at most 35 characters; bank returns name it
 * @param accountId the debtor account
 * @param invoiceNumber the invoice collected (the remittance information)
 * @param paymentId the payment this collection records in the account
 * @param legalEntity the creditor (one file per legal entity and collection date)
 * @param collectionDate the requested collection date
 * @param amount the amount, in the currency's minor units
 * @param currency EUR for SEPA
 * @param mandateId the mandate's id
 * @param mandateSignedOn the mandate's signature date
 * @param sequenceType {@code FRST} for the first collection under a mandate, then {@code RCUR}
 * @param debtorName the account's name
 * @param debtorIban the debtor's IBAN, normalised (no spaces, upper case)
 * @param debtorBic the debtor's BIC, or {@code null}
 */
public record DirectDebitInstruction(
    String endToEndId,
    String accountId,
    String invoiceNumber,
    String paymentId,
    String legalEntity,
    LocalDate collectionDate,
    BigDecimal amount,
    Currency currency,
    String mandateId,
    LocalDate mandateSignedOn,
    String sequenceType,
    String debtorName,
    String debtorIban,
    String debtorBic)
    implements CborSerializable {

  public static final String FIRST = "FRST";
  public static final String RECURRING = "RCUR";

  public DirectDebitInstruction {
    Objects.requireNonNull(endToEndId, "endToEndId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(legalEntity, "legalEntity");
    Objects.requireNonNull(collectionDate, "collectionDate");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(mandateId, "mandateId");
    Objects.requireNonNull(mandateSignedOn, "mandateSignedOn");
    Objects.requireNonNull(debtorName, "debtorName");
    Objects.requireNonNull(debtorIban, "debtorIban");
    if (!FIRST.equals(sequenceType) && !RECURRING.equals(sequenceType)) {
      throw new IllegalArgumentException("sequence type must be FRST or RCUR");
    }
  }

  /** Never the IBAN in full: logs and errors see it masked. */
  @Override
  public String toString() {
    return "DirectDebitInstruction["
        + endToEndId
        + " "
        + accountId
        + " "
        + invoiceNumber
        + " "
        + sequenceType
        + " "
        + com.telco.billing.core.payment.Iban.mask(debtorIban)
        + "]";
  }
}
