package com.telco.billing.node.payment.directdebit;

import com.telco.billing.core.payment.Bic;
import com.telco.billing.core.payment.Iban;
import java.util.Objects;

/**
 * The creditor of a legal entity's direct debits: who collects, into which account, under which
 * SEPA creditor identifier ({@code billing.payments.direct-debit.creditors.<LEGAL_ENTITY>}).
 *
 * @param legalEntity the legal entity whose invoices are collected
 * @param name the creditor's name as the debtor's bank shows it (at most 70 characters)
 * @param iban the account collected into
 * @param bic the creditor's bank
 * @param creditorId the SEPA creditor identifier (e.g. {@code DE98ZZZ09999999999})
 */
public record Creditor(String legalEntity, String name, Iban iban, Bic bic, String creditorId) {
  public Creditor {
    Objects.requireNonNull(legalEntity, "legalEntity");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(iban, "iban");
    Objects.requireNonNull(bic, "bic");
    Objects.requireNonNull(creditorId, "creditorId");
    if (name.isBlank() || name.length() > 70) {
      throw new IllegalArgumentException("a creditor name has 1..70 characters");
    }
    if (!isCreditorId(creditorId)) {
      throw new IllegalArgumentException(
          "a SEPA creditor identifier is a country code, 2 check digits, a 3-character business"
              + " code and the national identifier, with MOD 97-10 check digits");
    }
  }

  /**
   * Whether {@code id} is a SEPA creditor identifier (EPC262-08): {@code CC}, two check digits,
   * three characters of business code (not part of the check), up to 28 characters of national
   * identifier; the check digits are those of an IBAN over country code and national identifier.
   */
  static boolean isCreditorId(String id) {
    if (id == null || !id.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}")) {
      return false;
    }
    String country = id.substring(0, 2);
    String national = id.substring(7);
    return Iban.checkDigits(country, national).equals(id.substring(2, 4));
  }
}
