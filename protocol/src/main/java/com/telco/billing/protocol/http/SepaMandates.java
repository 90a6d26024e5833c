package com.telco.billing.protocol.http;

import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validator;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the SEPA mandate fields of a payment method request. */
final class SepaMandates {
  private SepaMandates() {}

  private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
  private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern MANDATE_ID = Pattern.compile("[A-Za-z0-9+?/:().,' -]{1,35}");

  static PaymentMethod.DirectDebit parse(
      Validator v,
      String iban,
      String bic,
      String mandateId,
      String signatureDate,
      String debtorName,
      LocalDate today) {
    String normalised = null;
    if (v.requireText(iban, "iban")) {
      normalised = iban.replace(" ", "").toUpperCase(Locale.ROOT);
      if (!IBAN_SHAPE.matcher(normalised).matches() || !checksumValid(normalised)) {
        v.add(new FieldError("iban_invalid", "iban", "iban is not a valid IBAN"));
        normalised = null;
      }
    }
    String normalisedBic = null;
    if (bic != null) {
      normalisedBic = bic.strip().toUpperCase(Locale.ROOT);
      if (!BIC.matcher(normalisedBic).matches()) {
        v.add(new FieldError("bic_invalid", "bic", "bic must be a BIC of 8 or 11 characters"));
      }
    }
    if (v.requireText(mandateId, "mandateId") && !MANDATE_ID.matcher(mandateId).matches()) {
      v.add(
          new FieldError(
              "mandate_id_invalid",
              "mandateId",
              "mandateId must be 1 to 35 characters of the SEPA character set"));
    }
    LocalDate signed = PlausibleDates.parse(v, signatureDate, "signatureDate");
    if (signed != null && signed.isAfter(today)) {
      v.add(
          new FieldError(
              "mandate_signature_date_invalid",
              "signatureDate",
              "signatureDate must not be in the future"));
    }
    if (debtorName != null) {
      v.requireFreeText(debtorName, "debtorName", 70);
    }
    if (!v.isValid()) {
      return null;
    }
    return new PaymentMethod.DirectDebit(
        normalised,
        normalisedBic,
        mandateId,
        signed,
        debtorName == null ? null : debtorName.strip());
  }

  /** ISO 13616: the IBAN moved four characters to the end, letters as numbers, mod 97 is 1. */
  private static boolean checksumValid(String iban) {
    String moved = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : moved.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
