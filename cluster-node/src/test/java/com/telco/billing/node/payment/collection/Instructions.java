package com.telco.billing.node.payment.collection;

import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** Direct debit instructions for the collection tests. */
final class Instructions {
  private Instructions() {}

  static DirectDebitInstruction of(String accountId, String invoiceNumber, LocalDate on) {
    return new DirectDebitInstruction(
        "E2E-" + invoiceNumber,
        accountId,
        invoiceNumber,
        "PAY-00000000000000a1-" + accountId,
        "TELCO-DE",
        on,
        new BigDecimal("29.90"),
        Currency.getInstance("EUR"),
        "MNDT-" + accountId,
        LocalDate.of(2026, 1, 15),
        DirectDebitInstruction.RECURRING,
        "Erika Mustermann",
        "DE89370400440532013000",
        null);
  }
}
