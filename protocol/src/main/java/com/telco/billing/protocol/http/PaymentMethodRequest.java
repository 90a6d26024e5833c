package com.telco.billing.protocol.http;

import com.telco.billing.core.account.AccountProfileRules;
import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;

/**
 * Body of {@code PUT /accounts/{id}/payment-method}, before validation.
 *
 * @param type {@code token} (a card or wallet token of the payment gateway), {@code
 *     sepa_direct_debit} (a mandate) or {@code manual} (bank transfer)
 * @param token the gateway token, for {@code token}
 * @param iban the debtor's IBAN, for {@code sepa_direct_debit}: checked by its checksum, never
 *     answered or logged in full
 * @param bic the debtor bank's BIC, optional
 * @param mandateId the mandate's reference, for {@code sepa_direct_debit}
 * @param signatureDate the date the mandate was signed ({@code yyyy-MM-dd}), not in the future
 * @param debtorName the account holder's name, optional (default: the account's name)
 */
public record PaymentMethodRequest(
    String type,
    String token,
    String iban,
    String bic,
    String mandateId,
    String signatureDate,
    String debtorName) {

  public static final String TOKEN = "token";
  public static final String SEPA_DIRECT_DEBIT = "sepa_direct_debit";
  public static final String MANUAL = "manual";

  /** The payment method, or every problem of the request. */
  public Validated<PaymentMethod> validate(java.time.LocalDate today) {
    Validator v = new Validator();
    if (!v.requireText(type, "type")) {
      return Validated.invalid(v.errors());
    }
    switch (type) {
      case TOKEN -> {
        if (v.requireText(token, "token")) {
          AccountProfileRules.checkPaymentMethodRef(v, token, "token");
        }
        onlyFor(v, "token", iban, bic, mandateId, signatureDate, debtorName);
        return v.isValid()
            ? Validated.valid(new PaymentMethod.GatewayToken(token))
            : Validated.invalid(v.errors());
      }
      case MANUAL -> {
        onlyFor(v, "manual", token, iban, bic, mandateId, signatureDate, debtorName);
        return v.isValid()
            ? Validated.valid(new PaymentMethod.Manual())
            : Validated.invalid(v.errors());
      }
      case SEPA_DIRECT_DEBIT -> {
        if (token != null) {
          v.add(
              new com.telco.billing.core.validation.FieldError(
                  "not_allowed", "token", "token is not part of a sepa_direct_debit method"));
        }
        PaymentMethod.DirectDebit mandate =
            SepaMandates.parse(v, iban, bic, mandateId, signatureDate, debtorName, today);
        return v.isValid() ? Validated.valid(mandate) : Validated.invalid(v.errors());
      }
      default -> {
        v.add(
            new com.telco.billing.core.validation.FieldError(
                "unsupported_type", "type", "type must be token, sepa_direct_debit or manual"));
        return Validated.invalid(v.errors());
      }
    }
  }

  /** Fields that belong to another type are refused (nothing is silently dropped). */
  private static void onlyFor(Validator v, String kind, String... values) {
    String[] names = {"iban", "bic", "mandateId", "signatureDate", "debtorName"};
    if (values.length == 6) {
      names = new String[] {"token", "iban", "bic", "mandateId", "signatureDate", "debtorName"};
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        v.add(
            new com.telco.billing.core.validation.FieldError(
                "not_allowed", names[i], names[i] + " is not part of a " + kind + " method"));
      }
    }
  }
}
