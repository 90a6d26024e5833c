package com.telco.billing.protocol.http;

import com.telco.billing.core.payment.Bic;
import com.telco.billing.core.payment.Iban;
import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.payment.SepaMandate;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.LocalDate;

/**
 * Reads the SEPA mandate fields of a payment method request with {@code billing-core}'s mandate
 * rules; the debtor name is optional here (the account's name stands in for it).
 */
final class SepaMandates {
  private SepaMandates() {}

  static PaymentMethod.DirectDebit parse(
      Validator v,
      String iban,
      String bic,
      String mandateId,
      String signatureDate,
      String debtorName,
      LocalDate today) {
    Iban parsedIban = null;
    if (v.requireText(iban, "iban")) {
      Validated<Iban> parsed = Iban.parse(iban, "iban");
      parsed.errors().forEach(v::add);
      parsedIban = parsed.isValid() ? parsed.value() : null;
    }
    Bic parsedBic = null;
    if (bic != null) {
      Validated<Bic> parsed = Bic.parse(bic, "bic");
      parsed.errors().forEach(v::add);
      parsedBic = parsed.isValid() ? parsed.value() : null;
    }
    SepaMandate.checkMandateId(v, mandateId, "mandateId");
    LocalDate signed = SepaMandate.checkSignatureDate(v, signatureDate, today, "signatureDate");
    if (debtorName != null) {
      v.requireFreeText(debtorName, "debtorName", SepaMandate.MAX_DEBTOR_NAME_LENGTH);
    }
    if (!v.isValid()) {
      return null;
    }
    return new PaymentMethod.DirectDebit(
        parsedIban.value(),
        parsedBic == null ? null : parsedBic.value(),
        mandateId,
        signed,
        debtorName == null ? null : debtorName.strip());
  }
}
