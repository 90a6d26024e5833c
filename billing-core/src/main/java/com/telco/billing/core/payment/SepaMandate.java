package com.telco.billing.core.payment;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SEPA Core direct debit mandate: the debtor's authorisation for the creditor to collect from
 * their account (EPC SDD Core rulebook). Its id is unique per creditor and at most 35 characters of
 * the SEPA character set; its signature date is not in the future.
 *
 * @param mandateId the mandate's reference, as in the pain.008's {@code MndtId}
 * @param signedOn the date the debtor signed ({@code DtOfSgntr})
 * @param iban the debtor's account
 * @param bic the debtor's bank, or null (IBAN-only, "NOTPROVIDED" in the file)
 * @param debtorName the account holder's name
 */
public record SepaMandate(
    String mandateId, LocalDate signedOn, Iban iban, Bic bic, String debtorName) {

  /** Error codes of the mandate's fields (beside {@link Iban#INVALID}, {@link Bic#INVALID}). */
  public static final String MANDATE_ID_INVALID = "mandate_id_invalid";

  public static final String SIGNATURE_DATE_INVALID = "mandate_signature_date_invalid";

  /** The SEPA (Latin) character set of identifiers, 1..35 characters. */
  public static final Pattern MANDATE_ID = Pattern.compile("[A-Za-z0-9+?/:().,' -]{1,35}");

  /** The longest debtor name a pain.008 {@code Nm} takes. */
  public static final int MAX_DEBTOR_NAME_LENGTH = 70;

  public SepaMandate {
    Objects.requireNonNull(mandateId, "mandateId");
    Objects.requireNonNull(signedOn, "signedOn");
    Objects.requireNonNull(iban, "iban");
    Objects.requireNonNull(debtorName, "debtorName");
  }

  /** What a request says a mandate is, before it is checked. */
  public record Draft(
      String mandateId, String signedOn, String iban, String bic, String debtorName) {}

  /**
   * Checks every field of {@code draft} and lists every problem, each naming its field under {@code
   * prefix} (e.g. {@code paymentMethod.}): {@code required}, {@link #MANDATE_ID_INVALID}, {@link
   * #SIGNATURE_DATE_INVALID} (not an ISO date or after {@code latestSignature}), {@link
   * Iban#INVALID}, {@link Bic#INVALID}, and the free-text rules for the debtor name. No message
   * repeats a submitted value.
   *
   * @param latestSignature the latest acceptable signature date (normally today)
   */
  public static Validated<SepaMandate> validate(
      Draft draft, LocalDate latestSignature, String prefix) {
    Validator v = new Validator();
    checkMandateId(v, draft.mandateId(), prefix + "mandateId");
    LocalDate signedOn =
        checkSignatureDate(v, draft.signedOn(), latestSignature, prefix + "signedOn");
    Iban iban = null;
    if (v.requireText(draft.iban(), prefix + "iban")) {
      Validated<Iban> parsed = Iban.parse(draft.iban(), prefix + "iban");
      parsed.errors().forEach(v::add);
      iban = parsed.isValid() ? parsed.value() : null;
    }
    Bic bic = null;
    if (draft.bic() != null) {
      Validated<Bic> parsed = Bic.parse(draft.bic(), prefix + "bic");
      parsed.errors().forEach(v::add);
      bic = parsed.isValid() ? parsed.value() : null;
    }
    v.requireFreeText(draft.debtorName(), prefix + "debtorName", MAX_DEBTOR_NAME_LENGTH);
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new SepaMandate(draft.mandateId(), signedOn, iban, bic, draft.debtorName()));
  }

  /** The mandate id: required, {@link #MANDATE_ID}. */
  public static void checkMandateId(Validator v, String mandateId, String field) {
    if (v.requireText(mandateId, field)) {
      v.require(
          MANDATE_ID.matcher(mandateId).matches(),
          MANDATE_ID_INVALID,
          field,
          field + " must be 1..35 characters: letters, digits, space or + ? / : ( ) . , ' -");
    }
  }

  /** The signature date: required, an ISO date not after {@code latest}; null when refused. */
  public static LocalDate checkSignatureDate(
      Validator v, String signedOn, LocalDate latest, String field) {
    if (!v.requireText(signedOn, field)) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(signedOn);
    } catch (java.time.format.DateTimeParseException e) {
      v.add(new FieldError(SIGNATURE_DATE_INVALID, field, field + " must be a date (YYYY-MM-DD)"));
      return null;
    }
    if (date.isAfter(latest)) {
      v.add(new FieldError(SIGNATURE_DATE_INVALID, field, field + " must not be in the future"));
      return null;
    }
    return date;
  }

  /** Masks the IBAN: a mandate may be logged. */
  @Override
  public String toString() {
    return "SepaMandate[mandateId="
        + mandateId
        + ", signedOn="
        + signedOn
        + ", iban="
        + iban.masked()
        + ", bic="
        + bic
        + "]";
  }
}
