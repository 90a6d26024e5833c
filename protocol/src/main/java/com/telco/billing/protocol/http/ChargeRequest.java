package com.telco.billing.protocol.http;

import com.telco.billing.core.money.Money;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.util.regex.Pattern;

/**
 * Body of {@code POST /accounts/{id}/charges}: a one-off debit billed on the next invoice, before
 * validation (docs/adjustments.md).
 *
 * @param amount the net amount (TMF Money), in the account's currency with at most its minor units
 * @param description the text of the invoice line, at most 200 characters
 * @param taxCategory the tax category of the line (must be in the catalog's tax table for the
 *     account's jurisdiction; the account checks)
 * @param glCode the general-ledger account of the line
 */
public record ChargeRequest(
    MoneyDraft amount, String description, String taxCategory, String glCode) {

  public static final int MAX_DESCRIPTION_LENGTH = 200;

  /** Tax categories: as the catalog names them. */
  static final Pattern TAX_CATEGORY = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  /** GL codes: a letter or digit, then letters, digits, {@code .}, {@code _}, {@code -}. */
  static final Pattern GL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

  /** The charge, or every problem of the request. */
  public Validated<Valid> validate() {
    Validator v = new Validator();
    Money money = MoneyDraft.parse(v, amount, "amount");
    v.requireFreeText(description, "description", MAX_DESCRIPTION_LENGTH);
    v.requireFormat(
        taxCategory, "taxCategory", 40, TAX_CATEGORY, "1 to 40 letters, digits, '_' or '-'");
    v.requireFormat(
        glCode,
        "glCode",
        40,
        GL_CODE,
        "1 to 40 letters, digits, '.', '_' or '-', the first a letter or digit");
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new Valid(money, description.strip(), taxCategory, glCode));
  }

  /** A validated charge. */
  public record Valid(Money amount, String description, String taxCategory, String glCode) {
    /** What identifies the request for idempotent replays. */
    public String fingerprint() {
      return String.join(
          "|",
          amount.amount().toPlainString(),
          amount.currency().getCurrencyCode(),
          description,
          taxCategory,
          glCode);
    }
  }
}
