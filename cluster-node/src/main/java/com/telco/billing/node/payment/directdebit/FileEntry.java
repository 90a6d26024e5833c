package com.telco.billing.node.payment.directdebit;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * One transaction of a direct debit file, as a bank return names it: by its end-to-end id, with the
 * account, invoice and payment it collects. No IBAN: what a return needs to reverse the payment is
 * the payment id.
 */
public record FileEntry(
    String fileId,
    String endToEndId,
    String accountId,
    String invoiceNumber,
    String paymentId,
    BigDecimal amount,
    Currency currency) {
  public FileEntry {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(endToEndId, "endToEndId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }
}
