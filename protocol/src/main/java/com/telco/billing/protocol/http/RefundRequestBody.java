package com.telco.billing.protocol.http;

import com.telco.billing.core.money.Money;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;

/**
 * Body of {@code POST /payments/{id}/refunds}, before validation.
 *
 * @param amount what to give back (TMF Money), at most what the payment still holds
 * @param reason why, at most 200 characters
 */
public record RefundRequestBody(MoneyDraft amount, String reason) {

  /** The refund, or every problem of the request. */
  public Validated<Valid> validate() {
    Validator v = new Validator();
    Money money = MoneyDraft.parse(v, amount, "amount");
    v.requireFreeText(reason, "reason", 200);
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new Valid(money, reason.strip()));
  }

  /** A validated refund. */
  public record Valid(Money amount, String reason) {
    /** What identifies the request for idempotent replays. */
    public String fingerprint() {
      return amount.amount().toPlainString()
          + "|"
          + amount.currency().getCurrencyCode()
          + "|"
          + reason;
    }
  }
}
