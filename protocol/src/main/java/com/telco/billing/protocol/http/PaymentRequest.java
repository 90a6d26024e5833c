package com.telco.billing.protocol.http;

import com.telco.billing.core.money.Money;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.LocalDate;

/**
 * Body of {@code POST /accounts/{id}/payments}: a payment finance received, before validation.
 *
 * @param amount the amount received (TMF Money)
 * @param method {@code bank_transfer} (cards and direct debits are collected, not recorded)
 * @param reference the payer's or the bank's reference, optional, at most 140 characters
 * @param receivedDate the date the money arrived, {@code yyyy-MM-dd} in the account's zone
 */
public record PaymentRequest(
    MoneyDraft amount, String method, String reference, String receivedDate) {

  public static final String BANK_TRANSFER = "bank_transfer";

  /** The payment, or every problem of the request. */
  public Validated<Valid> validate() {
    Validator v = new Validator();
    Money money = MoneyDraft.parse(v, amount, "amount");
    if (v.requireText(method, "method")) {
      v.require(
          BANK_TRANSFER.equals(method),
          "unsupported_method",
          "method",
          "method must be bank_transfer (cards and direct debits are collected automatically)");
    }
    if (reference != null) {
      v.requireFreeText(reference, "reference", 140);
    }
    LocalDate date = PlausibleDates.parse(v, receivedDate, "receivedDate");
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new Valid(money, method, reference, date));
  }

  /** A validated payment. */
  public record Valid(Money amount, String method, String reference, LocalDate receivedDate) {
    /** What identifies the request for idempotent replays. */
    public String fingerprint() {
      return String.join(
          "|",
          amount.amount().toPlainString(),
          amount.currency().getCurrencyCode(),
          method,
          reference == null ? "" : reference,
          receivedDate.toString());
    }
  }
}
