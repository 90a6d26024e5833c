package com.telco.billing.protocol.billrun;

import java.math.BigDecimal;

/**
 * What closing one account's period gave.
 *
 * @param status INVOICED, SKIPPED or FAILED
 * @param currency with INVOICED: the invoice's currency
 * @param amount with INVOICED: the invoice's tax-included amount
 * @param number with INVOICED: the invoice number
 * @param issuedAt with INVOICED: when the invoice was issued (a later pass of a cycle date counts
 *     an invoice issued before it started as already there, not as its own)
 * @param reason with SKIPPED or FAILED: why
 */
public record AccountResult(
    String accountId,
    Status status,
    String currency,
    BigDecimal amount,
    String number,
    java.time.Instant issuedAt,
    String reason) {

  public enum Status {
    INVOICED,
    SKIPPED,
    FAILED
  }
}
