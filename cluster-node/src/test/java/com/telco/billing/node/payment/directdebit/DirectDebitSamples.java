package com.telco.billing.node.payment.directdebit;

import com.telco.billing.core.payment.Bic;
import com.telco.billing.core.payment.Iban;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** Creditors and instructions for the direct debit tests. */
final class DirectDebitSamples {
  static final LocalDate COLLECTION = LocalDate.parse("2026-12-10");
  static final Currency EUR = Currency.getInstance("EUR");

  private DirectDebitSamples() {}

  static Creditor creditor(String legalEntity) {
    return new Creditor(
        legalEntity,
        "Telco GmbH",
        Iban.of("DE89370400440532013000"),
        new Bic("COBADEFFXXX"),
        "DE98ZZZ09999999999");
  }

  /** A valid German IBAN per index. */
  static String iban(int n) {
    String bban = String.format("%018d", 370400440000000000L + n);
    return "DE" + Iban.checkDigits("DE", bban) + bban;
  }

  static DirectDebitInstruction instruction(
      String legalEntity, LocalDate date, int n, String amount, String sequenceType) {
    return new DirectDebitInstruction(
        "E2E-" + legalEntity + "-" + n,
        "acc-" + n,
        "INV-" + legalEntity + "-" + n,
        "PAY-" + String.format("%016x", n) + "-acc-" + n,
        legalEntity,
        date,
        new BigDecimal(amount),
        EUR,
        "MNDT-" + n,
        LocalDate.parse("2025-01-15"),
        sequenceType,
        "Debtor & Sons <" + n + ">",
        iban(n),
        n % 2 == 0 ? "DEUTDEFF" : null);
  }
}
